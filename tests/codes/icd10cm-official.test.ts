import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_ICD10CM_FILES, officialIcd10cmCodeSets } from '../../src/codes/icd10cm-official.js';
import { createIcd10cmCodeSet, createIcd10cmCodeSets } from '../../src/codes/icd10cm-code-set.js';
import { check, generate } from '../../src/index.js';
import { loadExample, TODAY } from '../support/pdf.js';

const DATA = new URL('../../data/icd10cm/', import.meta.url);

// data/icd10cm/README.md "Integrity checks".
const PINNED = {
  2026: { lines: 74_719, sha256: '2a65a372ee0660fb812e2491a6a5d54212fcaccecf1cd508964c79a7744cf587' },
  2027: { lines: 74_879, sha256: 'c03aa2d51d746a84eb93f2e72ec2e7e62faa5dda006ca0aed54aeb888acedfc9' },
} as const;

/** The lmn example with one diagnosis, its care starting on `startDate`. */
function lmnWith(code: string, startDate: string) {
  const input = loadExample('lmn-insurance');
  input.date = startDate;
  input.treatment.startDate = startDate;
  input.diagnoses = [{ code, description: 'Back pain' }];
  return input;
}

function diagnosisFindings(input: unknown, options = {}) {
  return check('lmn', input, { today: TODAY, ...options }).findings.filter((finding) =>
    // The code checks only: the placeholder description is not the codes' titles.
    finding.code.startsWith('DIAGNOSIS_CODE_'),
  );
}

describe('the bundled official code sets', () => {
  it('are the files the README pins, unchanged', () => {
    expect(Object.keys(OFFICIAL_ICD10CM_FILES).map(Number)).toEqual([2026, 2027]);
    for (const [year, pinned] of Object.entries(PINNED)) {
      const file = OFFICIAL_ICD10CM_FILES[Number(year)] ?? '';
      const text = gunzipSync(readFileSync(new URL(file, DATA)));
      expect(createHash('sha256').update(text).digest('hex')).toBe(pinned.sha256);
      expect(officialIcd10cmCodeSets().forFiscalYear(Number(year))?.size).toBe(pinned.lines);
    }
  });

  it('know the headers and changes of each year', () => {
    const sets = officialIcd10cmCodeSets();
    expect(sets.fiscalYears).toEqual([2026, 2027]);
    const fy2026 = sets.forDate('2026-09-30');
    const fy2027 = sets.forDate('2026-10-01');
    expect(fy2026?.status('M54.5')).toBe('header');
    expect(fy2026?.children('M54.5')).toEqual(['M54.50', 'M54.51', 'M54.59']);
    expect(fy2026?.status('M54.99')).toBe('invalid');
    // Plantar fasciitis moved from M72.2 to M67.A- on 2026-10-01.
    expect(fy2026?.status('M72.2')).toBe('billable');
    expect(fy2027?.status('M72.2')).toBe('header');
    expect(fy2027?.status('M67.A01')).toBe('billable');
    expect(sets.forDate('2027-10-01')).toBeUndefined();
  });

  it('are shipped in the package', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      files: string[];
    };
    expect(pkg.files).toContain('data/icd10cm');
  });
});

describe('diagnosis codes are checked against the official list with no option given', () => {
  it('refuses a code that does not exist', () => {
    expect(diagnosisFindings(lmnWith('M54.99', '2026-11-20'))).toEqual([
      expect.objectContaining({ code: 'DIAGNOSIS_CODE_UNKNOWN', level: 'error', path: 'diagnoses.0.code' }),
    ]);
  });

  it('refuses a header and names its billable children, for a date of service in FY2026', () => {
    const [finding] = diagnosisFindings(lmnWith('M54.5', '2026-03-02'));
    expect(finding).toMatchObject({ code: 'DIAGNOSIS_CODE_NOT_BILLABLE', level: 'error' });
    expect(finding?.message).toContain('M54.50, M54.51, M54.59');
  });

  it('uses the list of the year of the date of service', () => {
    // An 8-week course from June 1, 2026 lies wholly in FY2026, where M72.2 is billable.
    expect(diagnosisFindings(lmnWith('M72.2', '2026-06-01'))).toEqual([]);
    expect(diagnosisFindings(lmnWith('M72.2', '2026-10-01'))).toEqual([
      expect.objectContaining({ code: 'DIAGNOSIS_CODE_NOT_BILLABLE', level: 'error' }),
    ]);
  });

  it('says so when no loaded set covers the year of the date of service', () => {
    expect(diagnosisFindings(lmnWith('M54.50', '2027-10-01'))).toEqual([
      expect.objectContaining({
        code: 'DIAGNOSIS_CODE_NOT_CHECKED',
        message: expect.stringContaining('none is loaded for fiscal year 2028'),
      }),
    ]);
  });

  it('lets codeSets add a year and replace a built-in one', () => {
    const codeSets = createIcd10cmCodeSets([
      createIcd10cmCodeSet(2027, ['M54.99']),
      createIcd10cmCodeSet(2028, ['M54.50']),
    ]);
    expect(diagnosisFindings(lmnWith('M54.99', '2026-11-20'), { codeSets })).toEqual([]);
    expect(diagnosisFindings(lmnWith('M54.50', '2027-10-01'), { codeSets })).toEqual([]);
    // FY2026 is still the built-in list.
    expect(diagnosisFindings(lmnWith('M54.5', '2026-03-02'), { codeSets })).toEqual([
      expect.objectContaining({ code: 'DIAGNOSIS_CODE_NOT_BILLABLE' }),
    ]);
  });

  it('blocks the PDF for a code that does not exist', async () => {
    await expect(
      generate<string>('lmn', lmnWith('M54.99', '2026-11-20'), { today: TODAY }),
    ).rejects.toMatchObject({
      code: 'BLOCKING_FINDINGS',
    });
  });
});
