// Every finding lmnkit can emit, by code. Each area keeps its entries in its own module.
import { APPEAL_FINDINGS } from './appeal.js';
import { reporterFor } from './catalogue.js';
import { CLINICAL_FINDINGS } from './clinical.js';
import { HSA_FSA_FINDINGS } from './hsa-fsa.js';
import { BILLING_FINDINGS } from './billing.js';
import { COVERAGE_FINDINGS } from './coverage.js';
import { DIAGNOSIS_FINDINGS } from './diagnosis.js';
import { FAX_COVER_FINDINGS } from './fax-cover.js';
import { LETTER_CONTENT_FINDINGS } from './letter-content.js';
import { PRESCRIPTION_FINDINGS } from './prescription.js';
import { PRIOR_AUTH_FINDINGS } from './prior-auth.js';
import { PROCEDURE_FINDINGS } from './procedures.js';
import { SIGNER_FINDINGS } from './signer.js';

export const FINDINGS = {
  ...LETTER_CONTENT_FINDINGS,
  ...APPEAL_FINDINGS,
  ...PRIOR_AUTH_FINDINGS,
  ...PRESCRIPTION_FINDINGS,
  ...HSA_FSA_FINDINGS,
  ...CLINICAL_FINDINGS,
  ...PROCEDURE_FINDINGS,
  ...SIGNER_FINDINGS,
  ...DIAGNOSIS_FINDINGS,
  ...COVERAGE_FINDINGS,
  ...BILLING_FINDINGS,
  ...FAX_COVER_FINDINGS,
};

export type FindingCode = keyof typeof FINDINGS;

/** `finding('APPEAL_PAST_DEADLINE', 'denial.denialDate', { … })` → the Finding the catalogue describes. */
export const finding = reporterFor(FINDINGS);

export { citeSource, citeSources, type FindingEntry, type Source } from './catalogue.js';
