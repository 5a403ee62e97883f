// ICD-10-CM checks every letter kind shares: each code must exist, billable and with its 7th
// character, in the code set of every fiscal year the dates of service touch, and no two codes
// may be ones an Excludes1 note rules out together. Findings: findings/diagnosis.ts.
import { findExcludes1Conflicts, isSequela } from '../codes/excludes1.js';
import { fiscalYearOf } from '../codes/icd10cm-code-set.js';
import { ICD10CM_TABLE, lookupIcd } from '../codes/icd10cm-table.js';
import { isInjuryCode, toDisplay, toDotless } from '../codes/icd10cm.js';
import { formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import type { Diagnosis } from './fields.js';
import { finding } from './findings/index.js';
import type { RuleContext } from './kind.js';
import { diagnosisDescription } from './letter-view.js';

/** The fiscal year whose billable flags the built-in table carries (src/codes/icd10cm-table.ts). */
const BUILT_IN_FISCAL_YEAR = 2027;
const MAX_SUGGESTIONS = 8;
const MAX_EXAMPLES = 3;
// Chapter 19 codes without a 7th character: burns by extent (T30–T32), transplant and
// amputation-stump complications (T86–T87).
const INJURY_WITHOUT_EXTENSION = /^T(3[0-2]|8[67])/;

export interface DiagnosisRuleInput {
  diagnoses: readonly Diagnosis[];
  /** The first date of service. */
  serviceDate: string;
  /** The last date of service when the letter covers a period; every fiscal year between is checked. */
  lastServiceDate?: string | undefined;
  /** The letter covers a course of therapy, where injury codes usually take 7th character D. */
  ongoingTherapy: boolean;
}

type CodeStatus =
  | { kind: 'billable' }
  | { kind: 'header'; children: readonly string[] }
  | { kind: 'invalid' }
  | { kind: 'unchecked'; reason: string };

interface YearStatus {
  fiscalYear: number;
  status: CodeStatus;
}

/** What a diagnosis list says about each code, and about the codes together. */
export function diagnosisRules(input: DiagnosisRuleInput, context: RuleContext): Finding[] {
  const years = fiscalYearsToCheck(input.serviceDate, input.lastServiceDate ?? input.serviceDate, context);
  const findings = input.diagnoses.flatMap((diagnosis, index) =>
    checkCode(diagnosis.code, `diagnoses.${index}.code`, years, context, input.ongoingTherapy),
  );
  const codes = input.diagnoses.map((diagnosis) => toDisplay(diagnosis.code));
  for (const conflict of findExcludes1Conflicts(codes)) {
    findings.push(
      finding('DIAGNOSIS_CODES_EXCLUDE_EACH_OTHER', `diagnoses.${codes.indexOf(conflict.second)}.code`, {
        other: `diagnoses.${codes.indexOf(conflict.first)}.code`,
        at: conflict.at,
        note: conflict.note,
      }),
    );
  }
  const firstCode = codes[0];
  if (firstCode !== undefined && /^[V-Y]/.test(firstCode)) {
    findings.push(finding('EXTERNAL_CAUSE_CODE_FIRST', 'diagnoses.0.code'));
  }
  if (firstCode !== undefined && isSequela(firstCode)) {
    findings.push(finding('SEQUELA_CODE_FIRST', 'diagnoses.0.code'));
  }
  return findings;
}

/** Letters print each diagnosis in words: from the input, or from the built-in table. */
export function diagnosisDescriptionRules(diagnoses: readonly Diagnosis[]): Finding[] {
  return diagnoses.flatMap((diagnosis, index): Finding[] =>
    diagnosisDescription(diagnosis) === undefined
      ? [finding('DIAGNOSIS_WITHOUT_DESCRIPTION', `diagnoses.${index}.description`)]
      : [],
  );
}

function checkCode(
  code: string,
  path: string,
  fiscalYears: readonly number[],
  context: RuleContext,
  ongoingTherapy: boolean,
): Finding[] {
  const dotless = toDotless(code);
  const statuses = fiscalYears.map((fiscalYear) => ({
    fiscalYear,
    status: statusOf(dotless, fiscalYear, context),
  }));
  const needsExtension =
    isInjuryCode(dotless) && !INJURY_WITHOUT_EXTENSION.test(dotless) && dotless.length < 7;
  const findings: Finding[] = [];
  const headers = statuses.filter((year) => year.status.kind === 'header');
  const invalid = statuses.filter((year) => year.status.kind === 'invalid');
  const complete = statuses.every((year) => year.status.kind === 'billable');
  if (needsExtension && !complete && invalid.length < statuses.length) {
    const children = childrenOf(headers);
    findings.push(
      finding('DIAGNOSIS_CODE_NEEDS_7TH_CHARACTER', path, {
        examples: describeExamples(children.filter((child) => child.length === 8 && child.endsWith('D'))),
        children: children.length > 0 ? ` Codes under it: ${listCodes(children)}.` : '',
      }),
    );
  } else {
    if (headers.length > 0) {
      findings.push(
        finding('DIAGNOSIS_CODE_NOT_BILLABLE', path, {
          years: describeYears(headers),
          children: listCodes(childrenOf(headers)),
        }),
      );
    }
    if (invalid.length > 0) {
      findings.push(finding('DIAGNOSIS_CODE_UNKNOWN', path, { years: describeYears(invalid) }));
    }
    for (const { status } of statuses) {
      if (status.kind === 'unchecked') {
        findings.push(finding('DIAGNOSIS_CODE_NOT_CHECKED', path, { reason: status.reason }));
      }
    }
  }
  if (ongoingTherapy && isInjuryCode(dotless) && dotless.length === 7 && dotless.endsWith('A')) {
    findings.push(finding('INJURY_CODE_INITIAL_ENCOUNTER', path));
  }
  return findings;
}

function statusOf(dotless: string, fiscalYear: number, context: RuleContext): CodeStatus {
  const codeSet = context.codeSets?.forFiscalYear(fiscalYear);
  if (codeSet) {
    const status = codeSet.status(dotless);
    if (status === 'header') return { kind: 'header', children: codeSet.children(dotless) };
    return { kind: status };
  }
  const entry = lookupIcd(dotless);
  const notLoaded = `The code was not checked against the full ICD-10-CM code set: none is loaded for ${describeYear(fiscalYear)},`;
  if (entry === undefined)
    return { kind: 'unchecked', reason: `${notLoaded} and the code is not in the built-in table.` };
  if (fiscalYear !== BUILT_IN_FISCAL_YEAR) {
    return {
      kind: 'unchecked',
      reason: `${notLoaded} and the built-in table describes fiscal year ${BUILT_IN_FISCAL_YEAR}.`,
    };
  }
  if (entry.billable) return { kind: 'billable' };
  const children = ICD10CM_TABLE.filter(
    (candidate) => candidate.billable && toDotless(candidate.code).startsWith(dotless),
  ).map((candidate) => candidate.code);
  return { kind: 'header', children };
}

/**
 * The fiscal years from the first date of service to the last (FY N runs from October 1 of N-1 to
 * September 30 of N). Years after the newest code set known are left out: their code set is not
 * published yet, so a letter written ahead of them cannot be checked against it.
 */
function fiscalYearsToCheck(first: string, last: string, context: RuleContext): number[] {
  const from = fiscalYearOf(first < last ? first : last);
  const newest = Math.max(BUILT_IN_FISCAL_YEAR, ...(context.codeSets?.fiscalYears ?? []));
  const to = Math.max(from, Math.min(fiscalYearOf(first < last ? last : first), newest));
  return Array.from({ length: to - from + 1 }, (_, offset) => from + offset);
}

/** The billable codes under a header, in the latest fiscal year that has it as a header. */
function childrenOf(headers: readonly YearStatus[]): readonly string[] {
  const latest = headers.at(-1)?.status;
  return latest?.kind === 'header' ? latest.children : [];
}

function describeExamples(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  const shown = codes.slice(0, MAX_EXAMPLES);
  const last = shown.pop();
  return ` (for example ${shown.length > 0 ? `${shown.join(', ')} or ${last}` : last})`;
}

function listCodes(codes: readonly string[]): string {
  if (codes.length === 0) return 'see the tabular list';
  const shown = codes.slice(0, MAX_SUGGESTIONS).join(', ');
  return codes.length > MAX_SUGGESTIONS ? `${shown} and ${codes.length - MAX_SUGGESTIONS} more` : shown;
}

function describeYears(years: readonly YearStatus[]): string {
  return years.map((year) => describeYear(year.fiscalYear)).join(' and ');
}

function describeYear(fiscalYear: number): string {
  return `fiscal year ${fiscalYear} (dates of service ${formatLongDate(`${fiscalYear - 1}-10-01`)} to ${formatLongDate(`${fiscalYear}-09-30`)})`;
}
