import type { AdministratorProfile } from './administrator-profile.js';

export const fsafeds: AdministratorProfile = {
  id: 'fsafeds',
  name: 'FSAFEDS',
  aliases: ['FSAFEDS', 'FSA FEDS', 'Federal Flexible Spending Account Program', 'Federal FSA Program'],
  sources: [
    {
      document:
        'Frequently asked questions (Letter of Medical Necessity); Federal FSA Program LMN guidelines',
      url: 'https://www.fsafeds.com/support/faq',
    },
  ],
  checkedOn: '2026-11-27',
  rule: 'the Federal FSA Program may deny a letter that is missing any item on its list',
  requires: [
    'patientName',
    'participantName',
    'participantEmployer',
    'participantIdLast4',
    'diagnosis',
    'treatment',
    'frequency',
    'duration',
    'expectedOutcome',
    'providerName',
    'signature',
    'letterDate',
  ],
  participantItems: 'always',
  certification:
    'I certify that this treatment is medically necessary to treat the diagnosed {conditions} stated above, that it is given to alleviate {these} {conditions} as described under Medical reason, that the patient would not obtain it but for {these} {conditions}, and that it is not for general health, relaxation or cosmetic purposes.',
  maxMonths: 12,
  validFrom: 'start',
  serviceAfterLetter: false,
  newLetterEachPlanYear: true,
  specificDiagnosis: true,
  oneUploadPerClaim: false,
  notes:
    'The condition must be a named diagnosis, not a finding; "lifetime" or "indefinite" durations are refused; chronic conditions need one letter per benefit period. The participant ID may be the FSAFEDS username or the last 4 of the SSN.',
};
