// Official ICD-10-CM code sets (CMS), loaded from files the caller provides. A code is
// billable when listed for the fiscal year, a header when it is a strict prefix of a listed
// code, and invalid otherwise (data/icd10cm/README.md "Formats").
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { LmnkitError } from '../errors.js';
import { isIcdCodeFormat, toDisplay, toDotless } from './icd10cm.js';

export type IcdCodeStatus = 'billable' | 'header' | 'invalid';

/** The valid (billable) ICD-10-CM codes of one fiscal year. */
export interface Icd10cmCodeSet {
  readonly fiscalYear: number;
  /** Number of billable codes. */
  readonly size: number;
  /** What the code is in this fiscal year; accepts either form, any case. */
  status(code: string): IcdCodeStatus;
  /** The billable codes below a header, in display form and sorted; empty for a billable code. */
  children(code: string): string[];
}

/** Code sets of several fiscal years, chosen by date of service (FY N: N-1-10-01 to N-09-30). */
export interface Icd10cmCodeSets {
  /** Ascending. */
  readonly fiscalYears: readonly number[];
  forDate(date: string): Icd10cmCodeSet | undefined;
  forFiscalYear(fiscalYear: number): Icd10cmCodeSet | undefined;
}

/** A code-set file is missing, unreadable, not gzip when it claims to be, or holds no codes. */
export class CodeSetUnreadableError extends LmnkitError {
  static readonly code = 'CODE_SET_UNREADABLE';
  readonly path: string;

  constructor(path: string, reason: string, options?: ErrorOptions) {
    super(CodeSetUnreadableError.code, `Cannot load the ICD-10-CM code set ${path}: ${reason}.`, options);
    this.path = path;
  }
}

const gunzipAsync = promisify(gunzip);
const FISCAL_YEAR_IN_NAME = /(?:fy)?(?<!\d)(20\d\d)(?!\d)/i;
// Order file: order number (cols 1–5), code (7–13, padded), flag (15): 1 billable, 0 header.
const ORDER_LINE = /^\d{5} ([A-Z][0-9A-NP-Z]{2,6}) * ([01])(?:\s|$)/;
// Codes file: the code is the first token, optionally followed by its title.
const CODES_LINE = /^([A-Z][0-9A-NP-Z]{2}(?:\.?[0-9A-NP-Z]{1,4})?)(?:\s|$)/;

/**
 * Loads a CMS ICD-10-CM file: the codes-only list (`icd10cm_codes_YYYY.txt`, first token
 * per line), or the order file (`icd10cm_order_YYYY.txt`, billable rows only), either of
 * them optionally gzipped (detected from the content). The fiscal year is the argument, or
 * else the year in the file name (`…_2026.txt.gz`, `…-fy2027.txt.gz`).
 * @throws {CodeSetUnreadableError} when the file is missing, unreadable or holds no codes,
 *   or no fiscal year is known.
 * @example
 * const fy2027 = await loadIcd10cmCodeSet('data/icd10cm-valid-codes-fy2027.txt.gz');
 * fy2027.status('M54.5'); // 'header'
 */
export async function loadIcd10cmCodeSet(path: string, fiscalYear?: number): Promise<Icd10cmCodeSet> {
  const year = fiscalYear ?? fiscalYearFromName(path);
  if (year === undefined) {
    throw new CodeSetUnreadableError(
      path,
      'the file name has no fiscal year (such as 2027); pass it explicitly',
    );
  }
  if (!isFiscalYear(year))
    throw new CodeSetUnreadableError(path, 'the fiscal year must be a year such as 2027');
  const text = await readText(path);
  return createIcd10cmCodeSet(year, parseCodes(path, text));
}

/**
 * A code set from codes already in memory (either form).
 * @throws {RangeError} when a code is malformed or the fiscal year is not a year.
 * @example
 * const set = createIcd10cmCodeSet(2027, ['M54.50', 'M54.51', 'M54.59']);
 * set.children('M54.5'); // ['M54.50', 'M54.51', 'M54.59']
 */
export function createIcd10cmCodeSet(fiscalYear: number, codes: Iterable<string>): Icd10cmCodeSet {
  if (!isFiscalYear(fiscalYear)) throw new RangeError('the fiscal year must be a year such as 2027');
  const unique = new Set<string>();
  for (const code of codes) {
    const dotless = toDotless(code);
    if (!isIcdCodeFormat(toDisplay(dotless))) throw new RangeError('not an ICD-10-CM code');
    unique.add(dotless);
  }
  // Plain code-unit order, the order the binary search compares in.
  return fromSortedCodes(fiscalYear, [...unique].sort());
}

/**
 * A code set from dotless, well-formed codes already unique and in code-unit order (the
 * bundled files, checked by tests/codes/icd10cm-official.test.ts); nothing is re-checked.
 */
export function fromSortedCodes(fiscalYear: number, sorted: readonly string[]): Icd10cmCodeSet {
  return {
    fiscalYear,
    size: sorted.length,
    status(code) {
      const dotless = wellFormedDotless(code);
      if (dotless === undefined) return 'invalid';
      const found = sorted[lowerBound(sorted, dotless)];
      if (found === dotless) return 'billable';
      return found?.startsWith(dotless) ? 'header' : 'invalid';
    },
    children(code) {
      const dotless = wellFormedDotless(code);
      if (dotless === undefined) return [];
      const result: string[] = [];
      for (let index = lowerBound(sorted, dotless); index < sorted.length; index++) {
        const candidate = sorted[index];
        if (candidate === undefined || !candidate.startsWith(dotless)) break;
        if (candidate !== dotless) result.push(toDisplay(candidate));
      }
      return result;
    },
  };
}

/**
 * The ICD-10-CM fiscal year of a calendar date: FY N runs from N-1-10-01 to N-09-30.
 * @throws {RangeError} when the date is not a real YYYY-MM-DD date.
 * @example
 * fiscalYearOf('2026-09-30'); // 2026
 * fiscalYearOf('2026-11-15'); // 2027
 */
export function fiscalYearOf(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError('not a YYYY-MM-DD date');
  }
  return month >= 10 ? year + 1 : year;
}

/**
 * Groups code sets so rules can pick the one in force on a date of service.
 * @throws {RangeError} when two sets have the same fiscal year.
 * @example
 * const sets = createIcd10cmCodeSets([fy2026, fy2027]);
 * sets.forDate('2026-10-01')?.fiscalYear; // 2027
 */
export function createIcd10cmCodeSets(sets: readonly Icd10cmCodeSet[]): Icd10cmCodeSets {
  const byYear = new Map<number, Icd10cmCodeSet>();
  for (const set of sets) {
    if (byYear.has(set.fiscalYear)) throw new RangeError(`two code sets for fiscal year ${set.fiscalYear}`);
    byYear.set(set.fiscalYear, set);
  }
  const fiscalYears = [...byYear.keys()].sort((a, b) => a - b);
  return {
    fiscalYears,
    forDate: (date) => byYear.get(fiscalYearOf(date)),
    forFiscalYear: (fiscalYear) => byYear.get(fiscalYear),
  };
}

/**
 * The sets of `base`, with any fiscal year that `overrides` also has taken from `overrides`.
 * @example
 * const sets = mergeIcd10cmCodeSets(official, createIcd10cmCodeSets([myFy2028]));
 * sets.fiscalYears; // [2026, 2027, 2028]
 */
export function mergeIcd10cmCodeSets(base: Icd10cmCodeSets, overrides: Icd10cmCodeSets): Icd10cmCodeSets {
  const forFiscalYear = (fiscalYear: number) =>
    overrides.forFiscalYear(fiscalYear) ?? base.forFiscalYear(fiscalYear);
  return {
    fiscalYears: [...new Set([...base.fiscalYears, ...overrides.fiscalYears])].sort((a, b) => a - b),
    forDate: (date) => forFiscalYear(fiscalYearOf(date)),
    forFiscalYear,
  };
}

function fiscalYearFromName(path: string): number | undefined {
  const year = FISCAL_YEAR_IN_NAME.exec(basename(path))?.[1];
  return year === undefined ? undefined : Number(year);
}

function isFiscalYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2000 && year <= 2099;
}

async function readText(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new CodeSetUnreadableError(path, describeFsError(error), { cause: error });
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = await gunzipAsync(bytes);
    } catch (error) {
      throw new CodeSetUnreadableError(path, 'the gzip data is corrupt', { cause: error });
    }
  }
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // Codes and flags are ASCII; latin1 keeps the fixed-width columns at their byte offsets.
  return bytes.toString('latin1', start);
}

function describeFsError(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return 'the file cannot be read';
  }
}

function parseCodes(path: string, text: string): string[] {
  const lines = text.split('\n');
  const first = lines.find((line) => line.trim() !== '');
  if (first === undefined) throw new CodeSetUnreadableError(path, 'the file is empty');
  const isOrderFile = /^\d{5} /.test(first);
  const codes: string[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const match = (isOrderFile ? ORDER_LINE : CODES_LINE).exec(line);
    const code = match?.[1];
    if (code === undefined) {
      const format = isOrderFile ? 'an order-file row' : 'an ICD-10-CM code';
      throw new CodeSetUnreadableError(path, `line ${index + 1} is not ${format}`);
    }
    if (!isOrderFile || match?.[2] === '1') codes.push(code);
  }
  if (codes.length === 0) throw new CodeSetUnreadableError(path, 'the file lists no billable codes');
  return codes;
}

function wellFormedDotless(code: string): string | undefined {
  const dotless = toDotless(code);
  return isIcdCodeFormat(toDisplay(dotless)) ? dotless : undefined;
}

/** Index of the first element not less than `target`. */
function lowerBound(sorted: readonly string[], target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
