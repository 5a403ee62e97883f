import { STANDARD_CERTIFICATION, type AdministratorProfile } from './administrator-profile.js';

export const firstDollar: AdministratorProfile = {
  id: 'first-dollar',
  name: 'First Dollar',
  aliases: ['First Dollar', 'FirstDollar'],
  sources: [{ document: 'Claim requirements (help centre)', url: 'https://help.firstdollar.com' }],
  checkedOn: '2026-11-27',
  rule: 'First Dollar lists it among the items a Letter of Medical Necessity must show',
  requires: [
    'patientName',
    'providerName',
    'letterDate',
    'diagnosis',
    'treatment',
    'certification',
    'duration',
  ],
  participantItems: 'dependent',
  certification: STANDARD_CERTIFICATION,
  maxMonths: 12,
  validFrom: 'start',
  serviceAfterLetter: false,
  newLetterEachPlanYear: false,
  specificDiagnosis: false,
  oneUploadPerClaim: false,
  notes:
    'Length of service when applicable. No duration limit is published; the 12-month convention applies.',
};
