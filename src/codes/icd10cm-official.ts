// The official ICD-10-CM valid-code lists shipped with the package (data/icd10cm/, provenance in
// its README). Each fiscal year is read on first use, once per process (or worker thread).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  CodeSetUnreadableError,
  fromSortedCodes,
  type Icd10cmCodeSet,
  type Icd10cmCodeSets,
  fiscalYearOf,
} from './icd10cm-code-set.js';

const DATA = new URL('../../data/icd10cm/', import.meta.url);

/** File of each bundled fiscal year: dotless codes, one a line, in code-unit order. */
export const OFFICIAL_ICD10CM_FILES: Readonly<Record<number, string>> = {
  2026: 'icd10cm_codes_2026.txt.gz',
  2027: 'icd10cm-valid-codes-fy2027.txt.gz',
};

const DOTLESS_CODE = /^[A-Z][0-9A-NP-Z]{2}[0-9A-NP-Z]{0,4}$/;
const loaded = new Map<number, Icd10cmCodeSet>();

/**
 * The bundled official code sets (FY2026 and FY2027), each read the first time a rule asks
 * for its year.
 * @example
 * officialIcd10cmCodeSets().forDate('2026-03-02')?.status('M54.5'); // 'header'
 */
export function officialIcd10cmCodeSets(): Icd10cmCodeSets {
  return OFFICIAL;
}

const OFFICIAL: Icd10cmCodeSets = {
  fiscalYears: Object.keys(OFFICIAL_ICD10CM_FILES)
    .map(Number)
    .sort((a, b) => a - b),
  forDate: (date) => loadOfficial(fiscalYearOf(date)),
  forFiscalYear: loadOfficial,
};

function loadOfficial(fiscalYear: number): Icd10cmCodeSet | undefined {
  const file = OFFICIAL_ICD10CM_FILES[fiscalYear];
  if (file === undefined) return undefined;
  let set = loaded.get(fiscalYear);
  if (set === undefined) {
    set = fromSortedCodes(fiscalYear, readSortedCodes(fileURLToPath(new URL(file, DATA))));
    loaded.set(fiscalYear, set);
  }
  return set;
}

function readSortedCodes(path: string): string[] {
  let text: string;
  try {
    text = gunzipSync(readFileSync(path)).toString('latin1');
  } catch (error) {
    throw new CodeSetUnreadableError(path, 'the bundled file is missing or corrupt', { cause: error });
  }
  const codes = text.split('\n');
  if (codes.at(-1) === '') codes.pop();
  // A damaged package must not make every code look invalid: check order and form once.
  const broken = codes.findIndex(
    (code, index) => !DOTLESS_CODE.test(code) || (index > 0 && (codes[index - 1] ?? '') >= code),
  );
  if (codes.length === 0) throw new CodeSetUnreadableError(path, 'the bundled file is empty');
  if (broken !== -1) {
    throw new CodeSetUnreadableError(path, `the bundled file is damaged at line ${broken + 1}`);
  }
  return codes;
}
