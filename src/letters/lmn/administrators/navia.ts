import { STANDARD_CERTIFICATION, type AdministratorProfile } from './administrator-profile.js';

export const navia: AdministratorProfile = {
  id: 'navia',
  name: 'Navia',
  aliases: ['Navia', 'Navia Benefit Solutions', 'Navia Benefits'],
  sources: [
    {
      document: 'Letter of medical necessity form (mednecessity.pdf) and adverse-determination notice text',
      url: 'https://www.naviabenefits.com',
    },
  ],
  checkedOn: '2026-11-27',
  rule: 'Navia denies a claim for a service dated before the treatment start date on the letter',
  requires: ['startDate', 'treatment', 'diagnosis', 'signature'],
  participantItems: 'dependent',
  certification: STANDARD_CERTIFICATION,
  maxMonths: 12,
  validFrom: 'start',
  serviceAfterLetter: false,
  newLetterEachPlanYear: false,
  specificDiagnosis: false,
  oneUploadPerClaim: false,
  notes:
    'The treatment start date on the letter must be on or before each service date. Appeals within 180 days of a denial. No duration limit is published; the 12-month convention applies.',
};
