// ICD-10-CM checks every letter kind shares (DOMAIN §1): each code must exist in the code set
// of the fiscal year of the date of service, be billable, carry its 7th character, and not be
// paired with a code its Excludes1 note rules out.
import { findExcludes1Conflicts } from '../codes/excludes1.js';
import { fiscalYearOf, type Icd10cmCodeSet } from '../codes/icd10cm-code-set.js';
import { ICD10CM_TABLE, lookupIcd } from '../codes/icd10cm-table.js';
import { isInjuryCode, toDisplay, toDotless } from '../codes/icd10cm.js';
import { formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import type { Diagnosis } from './fields.js';
import type { RuleContext } from './kind.js';
import { diagnosisDescription } from './letter-view.js';

/** The fiscal year whose billable flags the built-in table carries (src/codes/icd10cm-table.ts). */
const BUILT_IN_FISCAL_YEAR = 2027;
const MAX_SUGGESTIONS = 8;
// Chapter 19 codes without a 7th character: burns by extent (T30–T32), transplant and
// amputation-stump complications (T86–T87).
const INJURY_WITHOUT_EXTENSION = /^T(3[0-2]|8[67])/;

export interface DiagnosisRuleInput {
  diagnoses: readonly Diagnosis[];
  /** The (first) date of service: it selects the code set's fiscal year (DOMAIN [ICD-2]). */
  serviceDate: string;
  /** The letter covers a course of therapy, where injury codes usually take 7th character D (DOMAIN [ICD-4]). */
  ongoingTherapy: boolean;
}

type CodeStatus =
  | { kind: 'billable' }
  | { kind: 'header'; children: string[] }
  | { kind: 'invalid' }
  | { kind: 'unchecked'; reason: string };

/** What a diagnosis list says about each code, and about the codes together. */
export function diagnosisRules(input: DiagnosisRuleInput, context: RuleContext): Finding[] {
  const fiscalYear = fiscalYearOf(input.serviceDate);
  const codeSet = context.codeSets?.forDate(input.serviceDate);
  const findings = input.diagnoses.flatMap((diagnosis, index) =>
    checkCode(diagnosis.code, `diagnoses.${index}.code`, fiscalYear, codeSet, input.ongoingTherapy),
  );
  const codes = input.diagnoses.map((diagnosis) => toDisplay(diagnosis.code));
  for (const conflict of findExcludes1Conflicts(codes)) {
    const first = codes.indexOf(conflict.first);
    findings.push({
      code: 'DIAGNOSIS_CODES_EXCLUDE_EACH_OTHER',
      level: 'warning',
      path: `diagnoses.${codes.indexOf(conflict.second)}.code`,
      message: `This code and the one at diagnoses.${first}.code should not be reported together (an Excludes1 note): ${conflict.reason}`,
      source: 'DOMAIN §1.4 [ICD-6]',
    });
  }
  const firstCode = input.diagnoses[0]?.code;
  if (firstCode !== undefined && /^[V-Y]/.test(firstCode)) {
    findings.push({
      code: 'EXTERNAL_CAUSE_CODE_FIRST',
      level: 'warning',
      path: 'diagnoses.0.code',
      message:
        'An external-cause code (V00–Y99) says how an injury happened and is never the first-listed diagnosis; list the injury or condition first.',
      source: 'DOMAIN §1.1 [ICD-5]',
    });
  }
  return findings;
}

/** Letters print each diagnosis in words: from the input, or from the built-in table. */
export function diagnosisDescriptionRules(diagnoses: readonly Diagnosis[]): Finding[] {
  return diagnoses.flatMap((diagnosis, index): Finding[] =>
    diagnosisDescription(diagnosis) === undefined
      ? [
          {
            code: 'DIAGNOSIS_WITHOUT_DESCRIPTION',
            level: 'error',
            path: `diagnoses.${index}.description`,
            message: 'The code is not in the built-in table; give the diagnosis in words.',
            source: 'DOMAIN §5.2 item 2',
          },
        ]
      : [],
  );
}

function checkCode(
  code: string,
  path: string,
  fiscalYear: number,
  codeSet: Icd10cmCodeSet | undefined,
  ongoingTherapy: boolean,
): Finding[] {
  const dotless = toDotless(code);
  const status = statusOf(dotless, fiscalYear, codeSet);
  const needsExtension =
    isInjuryCode(dotless) && !INJURY_WITHOUT_EXTENSION.test(dotless) && dotless.length < 7;
  const findings: Finding[] = [];
  if (needsExtension && status.kind !== 'billable') {
    const suggested = toDisplay(`${dotless.padEnd(6, 'X')}D`);
    const listed = status.kind === 'header' ? ` Codes under it: ${listCodes(status.children)}.` : '';
    findings.push({
      code: 'DIAGNOSIS_CODE_NEEDS_7TH_CHARACTER',
      level: 'error',
      path,
      message: `Injury codes need a 7th character, with X placeholders filling any empty positions: for therapy during recovery that is usually D, subsequent encounter (for example ${suggested}).${listed}`,
      source: 'DOMAIN §1.1',
    });
  } else if (status.kind === 'header') {
    findings.push({
      code: 'DIAGNOSIS_CODE_NOT_BILLABLE',
      level: 'error',
      path,
      message: `This is a header code that needs more characters; use one of its billable codes: ${listCodes(status.children)}.`,
      source: 'DOMAIN §1.1 [ICD-3]',
    });
  } else if (status.kind === 'invalid') {
    findings.push({
      code: 'DIAGNOSIS_CODE_UNKNOWN',
      level: 'error',
      path,
      message: `This is not a valid ICD-10-CM code for fiscal year ${fiscalYear} (${fiscalYearRange(fiscalYear)}), the year of the date of service.`,
      source: 'DOMAIN §1.1 [ICD-2]',
    });
  } else if (status.kind === 'unchecked') {
    findings.push({
      code: 'DIAGNOSIS_CODE_NOT_CHECKED',
      level: 'info',
      path,
      message: `${status.reason} Load the official code set (the codeSets option, --icd10cm or LMNKIT_ICD10CM) to check it.`,
      source: 'DOMAIN §1.1 [ICD-2]',
    });
  }
  if (ongoingTherapy && isInjuryCode(dotless) && dotless.length === 7 && dotless.endsWith('A')) {
    findings.push({
      code: 'INJURY_CODE_INITIAL_ENCOUNTER',
      level: 'warning',
      path,
      message:
        'The 7th character A means active treatment of the injury; therapy during healing and recovery is usually coded with D, subsequent encounter.',
      source: 'DOMAIN §1.1 [ICD-4]',
    });
  }
  return findings;
}

function statusOf(dotless: string, fiscalYear: number, codeSet: Icd10cmCodeSet | undefined): CodeStatus {
  if (codeSet) {
    const status = codeSet.status(dotless);
    if (status === 'header') return { kind: 'header', children: codeSet.children(dotless) };
    return { kind: status };
  }
  const entry = lookupIcd(dotless);
  const notLoaded = `The code was not checked against the full ICD-10-CM code set: none is loaded for fiscal year ${fiscalYear} (${fiscalYearRange(fiscalYear)}),`;
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

function listCodes(codes: readonly string[]): string {
  if (codes.length === 0) return 'see the tabular list';
  const shown = codes.slice(0, MAX_SUGGESTIONS).join(', ');
  return codes.length > MAX_SUGGESTIONS ? `${shown} and ${codes.length - MAX_SUGGESTIONS} more` : shown;
}

/** FY N: October 1 of N-1 to September 30 of N. */
function fiscalYearRange(fiscalYear: number): string {
  return `dates of service ${formatLongDate(`${fiscalYear - 1}-10-01`)} to ${formatLongDate(`${fiscalYear}-09-30`)}`;
}
