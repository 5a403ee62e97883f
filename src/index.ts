// The public API of lmnkit: adapters (CLI, HTTP) import only this module.
import {
  CodeSetUnreadableError,
  createIcd10cmCodeSets,
  loadIcd10cmCodeSet,
  type Icd10cmCodeSets,
} from './codes/icd10cm-code-set.js';
import { searchIcd } from './codes/icd10cm-table.js';
import { isIcdCodeFormat, normalizeIcdCode } from './codes/icd10cm.js';
import { officialIcd10cmCodeSets } from './codes/icd10cm-official.js';
import { isCalendarDate, today } from './calendar.js';
import { toJsonSchema } from './json-schema.js';
import { formHints, type FormHints } from './letters/form-hints.js';
import { findKind, listKinds } from './letters/registry.js';

export { generate, check, preview, icd10cmFiscalYears } from './generate.js';
export { parsePracticeProfile, type PracticeProfile } from './letters/practice-profile.js';
export { convertInput, type ConvertedInput } from './letters/convert-kind.js';
export type {
  GenerateOptions,
  CheckReport,
  LetterInputs,
  LetterInput,
  LetterKindName,
  LmnInput,
  PrescriptionInput,
  PriorAuthInput,
  AppealInput,
} from './generate.js';
export {
  LmnkitError,
  ValidationError,
  RuleError,
  TemplateError,
  UnknownKindError,
  GenerationError,
} from './errors.js';
export type { Issue, Finding, FindingLevel } from './errors.js';
export { CodeSetUnreadableError } from './codes/icd10cm-code-set.js';
export { loadSigningCertificate, SigningCertificateError } from './sign/certificate.js';
export type { SigningCertificate } from './sign/certificate.js';
export { extractLetterData, verifyLetter, NotALetterError } from './verify/verify-letter.js';
export type { VerifyReport } from './verify/verify-letter.js';
export type { SignatureCheck } from './verify/check-signature.js';
export type { LetterData, ImageReference } from './verify/letter-data.js';
export type { Icd10cmCodeSet, Icd10cmCodeSets, IcdCodeStatus } from './codes/icd10cm-code-set.js';
export type { FormHints, FormSection, FieldHint } from './letters/form-hints.js';
export { fromFhir, FhirMappingError } from './fhir/from-fhir.js';
export type { FhirMapping, Unmapped as FhirUnmapped } from './fhir/from-fhir.js';
export { locateIssues, locateFindings } from './fhir/locate-problems.js';
export { generateMany, generateRows } from './batch/generate-many.js';
export type { BatchOptions, BatchResult } from './batch/generate-many.js';
export { readCsvRows, readJsonlRows, csvTemplate, BatchInputError } from './batch/read-rows.js';
export type { BatchRow, ColumnMap, CsvOptions } from './batch/read-rows.js';
export { mergeBase } from './batch/merge-base.js';

export interface KindSummary {
  kind: string;
  title: string;
  purposes: readonly string[];
}

/**
 * The letter kinds lmnkit writes.
 * @example
 * kinds().map((k) => k.kind); // ['lmn', …]
 */
export function kinds(): KindSummary[] {
  return listKinds().map(({ name, title, purposes }) => ({ kind: name, title, purposes }));
}

/**
 * The JSON Schema (draft 2020-12) of a kind's input.
 * @example
 * const schema = jsonSchema('lmn');
 */
export function jsonSchema(kind: string): Record<string, unknown> {
  return structuredClone(toJsonSchema(findKind(kind).schema));
}

export interface FormLayout extends KindSummary {
  schema: Record<string, unknown>;
  hints: FormHints;
}

/**
 * What a form needs to draw a kind: its JSON Schema and layout hints (sections, labels, help).
 * @example
 * const { schema, hints } = formLayout('lmn');
 */
export function formLayout(kind: string): FormLayout {
  const found = findKind(kind);
  const schema = jsonSchema(kind);
  return {
    kind: found.name,
    title: found.title,
    purposes: found.purposes,
    schema,
    hints: formHints(found, schema),
  };
}

export interface DiagnosisMatch {
  code: string;
  title: string;
  /** False for a header code, which a claim cannot carry. */
  billable: boolean;
}

/**
 * ICD-10-CM codes from the built-in table for a type-ahead: by code prefix, by words of the title
 * or by everyday words ("neck pain"). A complete code outside the table is looked up in the
 * official code set of the date of service (default: today), with an empty title.
 * @example
 * searchIcd10cm('low back')[0]; // { code: 'M54.50', title: 'Low back pain, unspecified', billable: true }
 * searchIcd10cm('S16.1XXA', 10, { date: '2026-12-01' }); // [{ code: 'S16.1XXA', title: '', billable: true }]
 */
export function searchIcd10cm(query: string, limit = 10, options: { date?: string } = {}): DiagnosisMatch[] {
  const matches = searchIcd(query, limit).map(({ code, title, billable }) => ({ code, title, billable }));
  const typed = normalizeIcdCode(query);
  if (!isIcdCodeFormat(typed) || matches.some(({ code }) => code.startsWith(typed)) || limit <= 0)
    return matches;
  const date = options.date !== undefined && isCalendarDate(options.date) ? options.date : today();
  const status = officialIcd10cmCodeSets().forDate(date)?.status(typed);
  if (status === undefined || status === 'invalid') return matches;
  return [{ code: typed, title: '', billable: status === 'billable' }, ...matches].slice(0, limit);
}

/**
 * Loads official ICD-10-CM code-set files (CMS codes or order files, optionally gzipped), one per
 * fiscal year, named with their year (`icd10cm_codes_2026.txt.gz`). Pass the result as the
 * `codeSets` option: rules then check each diagnosis against the year of its date of service.
 * @throws {CodeSetUnreadableError} when a file cannot be read or two files are for the same year.
 * @example
 * const codeSets = await loadIcd10cm(['icd10cm_codes_2026.txt.gz', 'icd10cm_codes_2027.txt.gz']);
 * const report = check('appeal', input, { codeSets });
 */
export async function loadIcd10cm(paths: readonly string[]): Promise<Icd10cmCodeSets> {
  const sets = await Promise.all(paths.map((path) => loadIcd10cmCodeSet(path)));
  sets.forEach((set, index) => {
    const earlier = sets.findIndex((other) => other.fiscalYear === set.fiscalYear);
    if (earlier !== index) {
      throw new CodeSetUnreadableError(
        paths[index] ?? '',
        `another file is also for fiscal year ${set.fiscalYear}`,
      );
    }
  });
  return createIcd10cmCodeSets(sets);
}
