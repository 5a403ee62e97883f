import { STANDARD_CERTIFICATION, type AdministratorProfile } from './administrator-profile.js';

export const viaBenefits: AdministratorProfile = {
  id: 'via-benefits',
  name: 'Via Benefits',
  aliases: ['Via Benefits', 'ViaBenefits', 'Via Benefits HRA'],
  sources: [
    {
      document: 'Letter of Medical Necessity',
      url: 'https://help.viabenefits.com/help1/letter-of-medical-necessity',
    },
  ],
  checkedOn: '2026-11-27',
  rule: 'Via Benefits asks for the patient name with identifying information (date of birth and the last 4 digits of the SSN)',
  requires: [
    'patientName',
    'patientDateOfBirth',
    'participantIdLast4',
    'diagnosis',
    'treatment',
    'frequency',
    'duration',
    'providerCredentials',
    'signature',
  ],
  participantItems: 'always',
  certification: STANDARD_CERTIFICATION,
  maxMonths: 12,
  validFrom: 'signature',
  serviceAfterLetter: false,
  newLetterEachPlanYear: false,
  specificDiagnosis: false,
  oneUploadPerClaim: false,
  signerCredentials: ['MD', 'DO', 'PA', 'PA-C', 'DC'],
  notes:
    'Valid up to one year or until treatment ends, whichever is sooner. Signed by a licensed practitioner (their examples: MD, DO, PA, DC). Their own example: massage therapy twice weekly for six months for back pain.',
};
