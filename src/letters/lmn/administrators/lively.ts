import type { AdministratorProfile } from './administrator-profile.js';

export const lively: AdministratorProfile = {
  id: 'lively',
  name: 'Lively',
  aliases: ['Lively', 'Lively HSA'],
  sources: [
    { document: 'Letter of Medical Necessity FAQ (support centre)', url: 'https://support.livelyme.com' },
  ],
  checkedOn: '2026-11-27',
  rule: 'Lively lists it among the contents of a Letter of Medical Necessity',
  requires: [
    'patientName',
    'patientDateOfBirth',
    'diagnosis',
    'treatment',
    'medicalReason',
    'expectedOutcome',
    'priorTreatments',
    'certification',
    'providerCredentials',
    'providerContact',
    'signature',
  ],
  participantItems: 'dependent',
  certification:
    'I certify that this treatment is medically necessary to treat the diagnosed {conditions} stated above, that the patient would not obtain it but for {these} {conditions}, that it is an established treatment and not an experimental one, and that it is not for general health, relaxation or cosmetic purposes.',
  maxMonths: 12,
  validFrom: 'start',
  serviceAfterLetter: false,
  newLetterEachPlanYear: false,
  specificDiagnosis: false,
  oneUploadPerClaim: false,
  notes:
    'Asks why the treatment is necessary, the expected outcome, alternatives tried that failed, and whether it is experimental or cosmetic. No duration limit is published; the 12-month convention applies.',
};
