// What a letter says must hold together: codes agree with their words and appear once, the
// procedure codes are therapy codes, the amount of care is usual or explained, the sections a
// reader needs are there, and an electronic signature is dated with the letter.
import type { Finding } from '../errors.js';
import { lookupIcd } from '../codes/icd10cm-table.js';
import { toDotless } from '../codes/icd10cm.js';
import type { Clinical, Diagnosis, Signature, Treatment } from './fields.js';
import { finding } from './findings/index.js';
import { countSessions, treatmentEndDate } from './letter-view.js';
import { daysBetween } from '../calendar.js';

/** Who reads the letter decides what it needs. */
export type LetterReader = 'insurance-lmn' | 'hsa-fsa-lmn' | 'prescription' | 'prior-auth' | 'appeal';

export interface ContentRuleInput {
  date: string;
  diagnoses: readonly Diagnosis[];
  treatment: Treatment;
  clinical?: Clinical | undefined;
  provider: { signature?: Signature | undefined };
  /** The prescription's own list. */
  contraindications?: readonly string[] | undefined;
}

// Physical medicine and rehabilitation, osteopathic and chiropractic manipulation, and the
// therapy HCPCS codes (CMS therapy code list; Pub. 100-02 ch. 15 §240.1.3).
const THERAPY_CODES: readonly { from: string; to: string }[] = [
  { from: '97010', to: '97799' },
  { from: '98925', to: '98943' },
  { from: 'G0283', to: 'G0283' },
  { from: 'S8950', to: 'S8950' },
  { from: 'S8990', to: 'S8990' },
];

// Usual amounts of care before a reviewer asks why (findings/letter-content.ts cites the sources):
// 3 visits a week for 12 weeks, the length of a Medicare certification period of a plan of care.
const USUAL_VISITS_PER_WEEK = 3;
const USUAL_WEEKS = 12;
const USUAL_SESSIONS = USUAL_VISITS_PER_WEEK * USUAL_WEEKS;

const READS_CODES_AS_THERAPY = new Set<LetterReader>([
  'insurance-lmn',
  'hsa-fsa-lmn',
  'prescription',
  'prior-auth',
]);
const PAYER_REVIEWS_AMOUNT = new Set<LetterReader>(['insurance-lmn', 'prior-auth', 'appeal']);
const PAYER_NEEDS_NECESSITY = new Set<LetterReader>(['insurance-lmn', 'prior-auth']);

/**
 * The content findings for one letter.
 * @example
 * contentRules(data, 'insurance-lmn'); // [{ code: 'DUPLICATE_DIAGNOSIS_CODE', … }]
 */
export function contentRules(data: ContentRuleInput, reader: LetterReader): Finding[] {
  return [
    ...diagnosisWordRules(data.diagnoses),
    ...duplicateRules(
      data.diagnoses.map((diagnosis) => toDotless(diagnosis.code)),
      data.diagnoses,
      'diagnoses',
      'DUPLICATE_DIAGNOSIS_CODE',
    ),
    ...duplicateRules(
      data.treatment.procedures.map((procedure) => procedure.code),
      data.treatment.procedures,
      'treatment.procedures',
      'DUPLICATE_PROCEDURE_CODE',
    ),
    ...(reader === 'hsa-fsa-lmn' ? wellnessCodeRules(data.diagnoses) : []),
    ...(READS_CODES_AS_THERAPY.has(reader) ? therapyCodeRules(data.treatment) : []),
    ...(PAYER_REVIEWS_AMOUNT.has(reader) ? amountRules(data.treatment) : []),
    ...sectionRules(data, reader),
    ...signatureRules(data),
  ];
}

// Words that carry no meaning for the match: "unspecified", articles, "site"/"region".
const IGNORED_WORDS = new Set(['unspecified', 'of', 'the', 'a', 'an', 'and', 'or', 'site', 'region', 'in']);

function significantWords(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !IGNORED_WORDS.has(word))
    .map((word) => (word.length > 3 ? word.replace(/s$/, '') : word));
}

/** Case, punctuation, "unspecified", plurals and word order aside, one says no more than the other. */
export function describesSameCondition(description: string, title: string): boolean {
  const written = significantWords(description);
  const official = new Set(significantWords(title));
  const writtenSet = new Set(written);
  return written.every((word) => official.has(word)) || [...official].every((word) => writtenSet.has(word));
}

function diagnosisWordRules(diagnoses: readonly Diagnosis[]): Finding[] {
  return diagnoses.flatMap((diagnosis, index) => {
    const entry = lookupIcd(diagnosis.code);
    if (diagnosis.description === undefined || entry === undefined) return [];
    if (describesSameCondition(diagnosis.description, entry.title)) return [];
    return [
      finding('DIAGNOSIS_DESCRIPTION_MISMATCH', `diagnoses.${index}.description`, {
        code: entry.code,
        title: entry.title,
      }),
    ];
  });
}

function duplicateRules(
  keys: readonly string[],
  items: readonly { code: string }[],
  path: string,
  code: 'DUPLICATE_DIAGNOSIS_CODE' | 'DUPLICATE_PROCEDURE_CODE',
): Finding[] {
  return keys.flatMap((key, index) => {
    const first = keys.indexOf(key);
    if (first === index) return [];
    return [
      finding(code, `${path}.${index}.code`, {
        code: items[index]?.code ?? key,
        first: `${path}.${first}.code`,
      }),
    ];
  });
}

function wellnessCodeRules(diagnoses: readonly Diagnosis[]): Finding[] {
  return diagnoses.flatMap((diagnosis, index) =>
    /^Z(0\d|1[0-3])/.test(toDotless(diagnosis.code))
      ? [finding('WELLNESS_CODE_IN_HSA_FSA', `diagnoses.${index}.code`, { code: diagnosis.code })]
      : [],
  );
}

// Every code is 5 characters (the schema), and digits sort before letters: plain comparison works.
function isTherapyCode(code: string): boolean {
  return THERAPY_CODES.some((range) => range.from <= code && code <= range.to);
}

function therapyCodeRules(treatment: Treatment): Finding[] {
  return treatment.procedures.flatMap((procedure, index) =>
    isTherapyCode(procedure.code)
      ? []
      : [finding('PROCEDURE_NOT_THERAPY', `treatment.procedures.${index}.code`, { code: procedure.code })],
  );
}

function visitsPerWeek(treatment: Treatment): number {
  const { count, per } = treatment.frequency;
  if (per === 'day') return count * 7;
  // 52 weeks in 12 months.
  return per === 'week' ? count : (count * 12) / 52;
}

function amountRules(treatment: Treatment): Finding[] {
  if (treatment.rationale !== undefined) return [];
  const perWeek = visitsPerWeek(treatment);
  const weeks = Math.round((daysBetween(treatment.startDate, treatmentEndDate(treatment)) + 1) / 7);
  const sessions = countSessions(treatment);
  const reasons = [
    perWeek > USUAL_VISITS_PER_WEEK && `${formatCount(perWeek)} visits a week`,
    weeks > USUAL_WEEKS && `${weeks} weeks of care`,
    sessions > USUAL_SESSIONS && `${sessions} sessions`,
  ].filter((reason): reason is string => typeof reason === 'string');
  return reasons.length === 0
    ? []
    : [finding('CARE_AMOUNT_NOT_EXPLAINED', 'treatment.rationale', { reasons: joinReasons(reasons) })];
}

function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function joinReasons(reasons: readonly string[]): string {
  return reasons.length <= 1
    ? (reasons[0] ?? '')
    : `${reasons.slice(0, -1).join(', ')} and ${reasons.at(-1) ?? ''}`;
}

function sectionRules(data: ContentRuleInput, reader: LetterReader): Finding[] {
  const findings: Finding[] = [];
  const { clinical } = data;
  if (clinical !== undefined && clinical.expectedOutcome === undefined) {
    if (PAYER_NEEDS_NECESSITY.has(reader))
      findings.push(finding('NECESSITY_NOT_EXPLAINED', 'clinical.expectedOutcome'));
    if (reader === 'hsa-fsa-lmn')
      findings.push(finding('HSA_FSA_PURPOSE_NOT_EXPLAINED', 'clinical.expectedOutcome'));
  }
  if (clinical !== undefined && PAYER_NEEDS_NECESSITY.has(reader) && clinical.outcomeMeasures.length === 0) {
    findings.push(finding('NO_OUTCOME_MEASURE', 'clinical.outcomeMeasures'));
  }
  if (
    reader === 'prescription' &&
    data.treatment.precautions.length === 0 &&
    (data.contraindications ?? []).length === 0
  ) {
    findings.push(finding('PRESCRIPTION_WITHOUT_PRECAUTIONS', 'contraindications'));
  }
  return findings;
}

function signatureRules(data: ContentRuleInput): Finding[] {
  const attestedOn = data.provider.signature?.electronic?.attestedOn;
  return attestedOn !== undefined && attestedOn < data.date
    ? [finding('SIGNED_BEFORE_LETTER_DATE', 'provider.signature.electronic.attestedOn')]
    : [];
}
