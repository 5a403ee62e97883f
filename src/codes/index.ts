// Reference data and checks for the rest of the library: ICD-10-CM, CPT/HCPCS, NPI, CARC,
// the 8-minute rule and outcome measures.
export { isValidNpi } from './npi.js';
export { normalizeIcdCode, isIcdCodeFormat, toDotless, toDisplay, isInjuryCode } from './icd10cm.js';
export { ICD10CM_TABLE, lookupIcd, searchIcd } from './icd10cm-table.js';
export type { IcdEntry, IcdGroup } from './icd10cm-table.js';
export {
  loadIcd10cmCodeSet,
  createIcd10cmCodeSet,
  createIcd10cmCodeSets,
  mergeIcd10cmCodeSets,
  fiscalYearOf,
  CodeSetUnreadableError,
} from './icd10cm-code-set.js';
export { officialIcd10cmCodeSets, OFFICIAL_ICD10CM_FILES } from './icd10cm-official.js';
export type { Icd10cmCodeSet, Icd10cmCodeSets, IcdCodeStatus } from './icd10cm-code-set.js';
export { EXCLUDES1_NOTES, findExcludes1Conflicts, isSequela } from './excludes1.js';
export type { Excludes1Note, Excludes1Conflict } from './excludes1.js';
export { CPT_CODES, lookupCpt, isProcedureCodeFormat } from './cpt.js';
export type { ProcedureCode } from './cpt.js';
export { unitsForMinutes, distributeUnits } from './eight-minute-rule.js';
export type { TimedProcedure, BilledProcedure } from './eight-minute-rule.js';
export { CARC_CODES, lookupCarc, isCarcFormat } from './carc.js';
export type { CarcEntry, CarcGroup, CarcInfo } from './carc.js';
export { OUTCOME_MEASURES, lookupOutcomeMeasure, assessChange } from './outcome-measures.js';
export type { OutcomeMeasure, OutcomeChange } from './outcome-measures.js';
