import { STANDARD_CERTIFICATION, type AdministratorProfile } from './administrator-profile.js';

export const healthEquity: AdministratorProfile = {
  id: 'healthequity',
  name: 'HealthEquity / WageWorks',
  aliases: ['HealthEquity', 'Health Equity', 'WageWorks', 'HealthEquity WageWorks'],
  sources: [
    {
      document: 'Letter of Medical Necessity (help article; forms WW-LTR-OF-MED-NEC and 3853)',
      url: 'https://help.healthequity.com/en/articles/5749543-letter-of-medical-necessity',
    },
  ],
  checkedOn: '2026-11-27',
  rule: 'its Letter of Medical Necessity form lists every item the letter must carry, including the participant name, employer and ID',
  requires: [
    'patientName',
    'participantName',
    'participantEmployer',
    'participantIdLast4',
    'diagnosis',
    'treatment',
    'frequency',
    'duration',
    'certification',
    'providerName',
    'signature',
    'letterDate',
  ],
  participantItems: 'always',
  certification: STANDARD_CERTIFICATION,
  maxMonths: 12,
  // "Valid one year from the date written" (its help article).
  validFrom: 'letter',
  serviceAfterLetter: true,
  newLetterEachPlanYear: false,
  specificDiagnosis: false,
  oneUploadPerClaim: false,
  notes:
    'At most 12 months; without a stated duration a letter is valid one year from the date written. Purchases and services must come after the letter is received and approved.',
};
