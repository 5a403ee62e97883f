import { STANDARD_CERTIFICATION, type AdministratorProfile } from './administrator-profile.js';

/** The union of what administrators ask: used when none is named or the named one has no profile. */
export const generic: AdministratorProfile = {
  id: 'generic',
  name: 'HSA/FSA/HRA administrators in general',
  aliases: [],
  // The union of the named administrators' lists, each cited in its own profile.
  sources: [
    {
      document: 'IRS Publication 502, Medical and Dental Expenses',
      url: 'https://www.irs.gov/publications/p502',
    },
  ],
  checkedOn: '2026-11-27',
  rule: 'administrators deny letters that lack an item they check, and the letter does not name an administrator whose list is known',
  requires: [
    'patientName',
    'patientDateOfBirth',
    'participantName',
    'participantEmployer',
    'participantIdLast4',
    'diagnosis',
    'treatment',
    'frequency',
    'sessionLength',
    'startDate',
    'endDate',
    'medicalReason',
    'certification',
    'providerName',
    'providerCredentials',
    'providerLicense',
    'providerNpi',
    'providerContact',
    'signature',
    'letterDate',
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
    'Expected outcome and treatments tried are printed when given but not required: the letter has a default sentence on how the treatment helps, and NO_PRIOR_TREATMENT already notes a missing history.',
};
