import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeSetUnreadableError,
  createIcd10cmCodeSet,
  createIcd10cmCodeSets,
  fiscalYearOf,
  loadIcd10cmCodeSet,
  type Icd10cmCodeSet,
} from '../../src/codes/icd10cm-code-set.js';
import { ICD10CM_TABLE } from '../../src/codes/icd10cm-table.js';
import { LmnkitError } from '../../src/errors.js';

const DATA = new URL('../../data/icd10cm/', import.meta.url);
const FY2026_PATH = fileURLToPath(new URL('icd10cm_codes_2026.txt.gz', DATA));
const FY2027_PATH = fileURLToPath(new URL('icd10cm-valid-codes-fy2027.txt.gz', DATA));

let fy2026: Icd10cmCodeSet;
let fy2027: Icd10cmCodeSet;
let dir: string;

beforeAll(async () => {
  fy2027 = await loadIcd10cmCodeSet(FY2027_PATH);
  fy2026 = await loadIcd10cmCodeSet(FY2026_PATH);
  dir = await mkdtemp(join(tmpdir(), 'lmnkit-codes-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeSample(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

/** One row of the CMS order file: order, code (7 wide), flag, short title (60 wide), long title. */
function orderRow(order: number, code: string, billable: boolean, title: string): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${billable ? 1 : 0} ${title.slice(0, 60).padEnd(60)} ${title}`;
}

const ORDER_SAMPLE = [
  orderRow(1, 'M54', false, 'Dorsalgia'),
  orderRow(2, 'M545', false, 'Low back pain'),
  orderRow(3, 'M5450', true, 'Low back pain, unspecified'),
  orderRow(4, 'M5451', true, 'Vertebrogenic low back pain'),
  orderRow(5, 'M5459', true, 'Other low back pain'),
  orderRow(6, 'M546', true, 'Pain in thoracic spine'),
  orderRow(7, 'R52', true, 'Pain, unspecified'),
].join('\n');

describe('loadIcd10cmCodeSet with the bundled CMS lists', () => {
  it('reads the fiscal year from the file name and counts every code', () => {
    expect(fy2026.fiscalYear).toBe(2026);
    expect(fy2026.size).toBe(74_719);
    expect(fy2027.fiscalYear).toBe(2027);
    expect(fy2027.size).toBe(74_879);
  });

  it('knows M54.5 is a header and suggests exactly its children', () => {
    expect(fy2027.status('M54.5')).toBe('header');
    expect(fy2027.children('M54.5')).toEqual(['M54.50', 'M54.51', 'M54.59']);
    expect(fy2027.status('M54.50')).toBe('billable');
    expect(fy2027.children('M54.50')).toEqual([]);
  });

  it('accepts codes in either form and any case', () => {
    expect(fy2027.status('m5450')).toBe('billable');
    expect(fy2027.status(' m54.5 ')).toBe('header');
    expect(fy2027.children('m545')).toEqual(['M54.50', 'M54.51', 'M54.59']);
  });

  it('treats injury codes by their 7th character', () => {
    expect(fy2027.status('S33.5')).toBe('header');
    expect(fy2027.status('S33.5XX')).toBe('header');
    expect(fy2027.status('S33.5XXD')).toBe('billable');
    expect(fy2027.children('S13.4')).toEqual(['S13.4XXA', 'S13.4XXD', 'S13.4XXS']);
  });

  it('sees the FY2027 plantar fasciitis change', () => {
    expect(fy2026.status('M72.2')).toBe('billable');
    expect(fy2027.status('M72.2')).toBe('header');
    expect(fy2027.children('M72.2')).toEqual(['M72.20', 'M72.21', 'M72.22']);
    expect(fy2026.status('M67.A01')).toBe('invalid');
    expect(fy2027.status('M67.A01')).toBe('billable');
  });

  it('calls categories headers and anything else invalid', () => {
    expect(fy2027.status('Z47')).toBe('header');
    expect(fy2027.status('R52')).toBe('billable');
    expect(fy2027.status('M54.7')).toBe('invalid');
    expect(fy2027.status('M5')).toBe('invalid');
    expect(fy2027.status('M')).toBe('invalid');
    expect(fy2027.status('')).toBe('invalid');
    expect(fy2027.status('M54.5O')).toBe('invalid');
    expect(fy2027.children('M5')).toEqual([]);
    expect(fy2027.children('M54.7')).toEqual([]);
  });

  it('agrees with the billable flags of the built-in table', () => {
    const disagreements = ICD10CM_TABLE.filter(
      (entry) => fy2027.status(entry.code) !== (entry.billable ? 'billable' : 'header'),
    );
    expect(disagreements).toEqual([]);
  });
});

describe('loadIcd10cmCodeSet file formats', () => {
  it('reads a codes file with titles, CRLF line ends and blank lines', async () => {
    const path = await writeSample(
      'codes-with-titles.txt',
      'M5450   Low back pain, unspecified\r\nM5451   Vertebrogenic low back pain\r\n\r\nR52     Pain, unspecified\r\n',
    );
    const set = await loadIcd10cmCodeSet(path, 2027);
    expect(set.size).toBe(3);
    expect(set.status('M54.5')).toBe('header');
    expect(set.children('M54')).toEqual(['M54.50', 'M54.51']);
  });

  it('keeps only the billable rows of an order file', async () => {
    const set = await loadIcd10cmCodeSet(await writeSample('icd10cm_order_2027.txt', `${ORDER_SAMPLE}\n`));
    expect(set.fiscalYear).toBe(2027);
    expect(set.size).toBe(5);
    expect(set.status('M54')).toBe('header');
    expect(set.status('M54.5')).toBe('header');
    expect(set.status('M54.6')).toBe('billable');
    expect(set.children('M54')).toEqual(['M54.50', 'M54.51', 'M54.59', 'M54.6']);
  });

  it('detects gzip by its magic bytes, not by the name', async () => {
    const gzippedOrder = await writeSample('order-file.txt', gzipSync(ORDER_SAMPLE));
    expect((await loadIcd10cmCodeSet(gzippedOrder, 2027)).size).toBe(5);
    const plainNamedGz = await writeSample('codes-2026.txt.gz', 'M5450\nR52\n');
    expect((await loadIcd10cmCodeSet(plainNamedGz)).size).toBe(2);
  });

  it('takes the fiscal year argument over the file name', async () => {
    expect((await loadIcd10cmCodeSet(FY2026_PATH, 2025)).fiscalYear).toBe(2025);
  });
});

describe('loadIcd10cmCodeSet errors', () => {
  it('rejects a missing file with CODE_SET_UNREADABLE', async () => {
    const path = join(dir, 'icd10cm_codes_2027.txt');
    const loading = loadIcd10cmCodeSet(path);
    await expect(loading).rejects.toBeInstanceOf(CodeSetUnreadableError);
    await expect(loading).rejects.toBeInstanceOf(LmnkitError);
    await expect(loading).rejects.toMatchObject({
      code: 'CODE_SET_UNREADABLE',
      path,
      message: expect.stringContaining('file not found'),
    });
  });

  it('rejects a directory', async () => {
    await expect(loadIcd10cmCodeSet(dir, 2027)).rejects.toMatchObject({ code: 'CODE_SET_UNREADABLE' });
  });

  it('rejects an empty file', async () => {
    const path = await writeSample('empty-2027.txt', '\n\n');
    await expect(loadIcd10cmCodeSet(path)).rejects.toThrow(/the file is empty/);
  });

  it('rejects a garbage file without quoting its contents', async () => {
    const path = await writeSample('garbage-2027.txt', 'M5450\nJane Doe, DOB 1980-03-14\n');
    const loading = loadIcd10cmCodeSet(path);
    await expect(loading).rejects.toMatchObject({ code: 'CODE_SET_UNREADABLE' });
    await expect(loading).rejects.toThrow(/line 2 is not an ICD-10-CM code/);
    await expect(loading).rejects.not.toThrow(/Jane/);
  });

  it('rejects a binary file and corrupt gzip data', async () => {
    const binary = await writeSample('binary-2027.bin', new Uint8Array([0, 1, 2, 3, 255, 254]));
    await expect(loadIcd10cmCodeSet(binary)).rejects.toMatchObject({ code: 'CODE_SET_UNREADABLE' });
    const corrupt = await writeSample('corrupt-2027.gz', new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]));
    await expect(loadIcd10cmCodeSet(corrupt)).rejects.toThrow(/gzip data is corrupt/);
  });

  it('rejects an order file with only header rows', async () => {
    const path = await writeSample('headers-only.txt', orderRow(1, 'M54', false, 'Dorsalgia'));
    await expect(loadIcd10cmCodeSet(path, 2027)).rejects.toThrow(/no billable codes/);
  });

  it('rejects a file name without a fiscal year, or a bad fiscal year argument', async () => {
    const path = await writeSample('codes.txt', 'M5450\n');
    await expect(loadIcd10cmCodeSet(path)).rejects.toThrow(/no fiscal year/);
    await expect(loadIcd10cmCodeSet(path, 27)).rejects.toMatchObject({ code: 'CODE_SET_UNREADABLE' });
    await expect(loadIcd10cmCodeSet(join(dir, 'icd10cm_codes_202610.txt'))).rejects.toThrow(/no fiscal year/);
  });
});

describe('createIcd10cmCodeSet', () => {
  it('builds a set from codes in memory, ignoring repeats', () => {
    const set = createIcd10cmCodeSet(2027, ['M54.59', 'm5450', 'M54.51', 'M54.50']);
    expect(set.size).toBe(3);
    expect(set.children('M54.5')).toEqual(['M54.50', 'M54.51', 'M54.59']);
  });

  it('refuses malformed codes and years', () => {
    expect(() => createIcd10cmCodeSet(2027, ['M54.50', 'hello'])).toThrow(RangeError);
    expect(() => createIcd10cmCodeSet(2027.5, ['M54.50'])).toThrow(RangeError);
  });
});

describe('fiscalYearOf', () => {
  it.each([
    ['2026-09-30', 2026],
    ['2026-10-01', 2027],
    ['2026-11-15', 2027],
    ['2027-09-30', 2027],
    ['2026-12-31', 2027],
    ['2026-01-01', 2026],
    ['2024-02-29', 2024],
  ])('%s is in FY%d', (date, fiscalYear) => {
    expect(fiscalYearOf(date)).toBe(fiscalYear);
  });

  it.each(['2026-13-01', '2026-02-29', '2026-04-31', '2026-1-5', '2026-10-01T00:00:00Z', ''])(
    'refuses %j',
    (date) => {
      expect(() => fiscalYearOf(date)).toThrow(RangeError);
    },
  );
});

describe('createIcd10cmCodeSets', () => {
  it('picks the code set of the date of service', () => {
    const sets = createIcd10cmCodeSets([fy2027, fy2026]);
    expect(sets.fiscalYears).toEqual([2026, 2027]);
    expect(sets.forDate('2026-09-30')?.fiscalYear).toBe(2026);
    expect(sets.forDate('2026-10-01')?.fiscalYear).toBe(2027);
    expect(sets.forDate('2026-10-01')?.status('M72.2')).toBe('header');
    expect(sets.forDate('2025-09-30')).toBeUndefined();
    expect(sets.forDate('2027-10-01')).toBeUndefined();
    expect(sets.forFiscalYear(2026)).toBe(fy2026);
  });

  it('refuses two sets for one fiscal year', () => {
    expect(() => createIcd10cmCodeSets([fy2027, createIcd10cmCodeSet(2027, ['R52'])])).toThrow(RangeError);
  });
});
