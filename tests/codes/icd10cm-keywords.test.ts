import { describe, expect, it } from 'vitest';
import { searchIcd10cm } from '../../src/index.js';
import { ICD10CM_TABLE } from '../../src/codes/icd10cm-table.js';
import { ICD10CM_KEYWORDS } from '../../src/codes/icd10cm-keywords.js';

const codes = (query: string) => searchIcd10cm(query, 50).map(({ code }) => code);

describe('ICD-10-CM look-up by everyday words', () => {
  it.each([
    ['neck pain', 'M54.2'],
    ['lower back', 'M54.50'],
    ['shoulder', 'M25.511'],
    ['headache', 'R51.9'],
    ['plantar heel pain', 'M67.A01'],
    ['muscle knots', 'M62.830'],
    ['whiplash', 'S13.4XXA'],
  ])('finds %s → %s', (query, code) => {
    expect(codes(query)).toContain(code);
  });

  it('keys every keyword to codes of the built-in table', () => {
    for (const prefix of Object.keys(ICD10CM_KEYWORDS))
      expect(ICD10CM_TABLE.some(({ code }) => code.startsWith(prefix))).toBe(true);
  });

  it('accepts an official code outside the table typed in full, billable or not for the date', () => {
    expect(searchIcd10cm('s83.511a', 10, { date: '2026-12-01' })).toEqual([
      { code: 'S83.511A', title: '', billable: true },
    ]);
    expect(searchIcd10cm('S83', 10, { date: '2026-12-01' })[0]).toEqual({
      code: 'S83',
      title: '',
      billable: false,
    });
    expect(searchIcd10cm('S83.999Z', 10, { date: '2026-12-01' })).toEqual([]);
  });
});
