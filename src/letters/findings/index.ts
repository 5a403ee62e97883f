// Every finding lmnkit can emit, by code. Each area keeps its entries in its own module.
import { reporterFor } from './catalogue.js';
import { BILLING_FINDINGS } from './billing.js';
import { COVERAGE_FINDINGS } from './coverage.js';
import { DIAGNOSIS_FINDINGS } from './diagnosis.js';
import { LETTER_CONTENT_FINDINGS } from './letter-content.js';

export const FINDINGS = {
  ...LETTER_CONTENT_FINDINGS,
  ...DIAGNOSIS_FINDINGS,
  ...COVERAGE_FINDINGS,
  ...BILLING_FINDINGS,
};

export type FindingCode = keyof typeof FINDINGS;

/** `finding('APPEAL_PAST_DEADLINE', 'denial.denialDate', { … })` → the Finding the catalogue describes. */
export const finding = reporterFor(FINDINGS);

export { citeSource, citeSources, type FindingEntry, type Source } from './catalogue.js';
