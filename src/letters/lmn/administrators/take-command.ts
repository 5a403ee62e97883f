import type { AdministratorProfile } from './administrator-profile.js';

export const takeCommand: AdministratorProfile = {
  id: 'take-command',
  name: 'Take Command Health',
  aliases: ['Take Command', 'Take Command Health', 'TakeCommand', 'Take Command HRA'],
  sources: [
    {
      document: 'Help article 5558051 (Letter of Medical Necessity)',
      url: 'https://intercom.help/take-command-health/en/articles/5558051',
    },
    {
      document: 'Help article 15679439',
      url: 'https://intercom.help/take-command-health/en/articles/15679439',
    },
  ],
  checkedOn: '2026-11-27',
  rule: 'Take Command Health lists it among the contents of a Letter of Medical Necessity it accepts',
  requires: ['diagnosis', 'treatment', 'startDate', 'endDate', 'certification'],
  participantItems: 'dependent',
  certification:
    'I certify that this treatment is medically necessary to treat the diagnosed {conditions} stated above, that the expense would not be incurred but for {these} {conditions}, and that it is not for general health, relaxation or cosmetic purposes.',
  maxMonths: 12,
  validFrom: 'signature',
  serviceAfterLetter: false,
  newLetterEachPlanYear: true,
  specificDiagnosis: true,
  oneUploadPerClaim: true,
  notes:
    'A specific diagnosis with its code ("lumbar spinal stenosis", not "back pain"). Valid one year from the signature unless shorter; a new letter every plan year. One upload per claim.',
};
