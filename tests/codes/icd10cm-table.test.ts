import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ICD10CM_TABLE, lookupIcd, searchIcd } from '../../src/codes/icd10cm-table.js';
import { isIcdCodeFormat } from '../../src/codes/icd10cm.js';

const CSV = new URL('../../data/icd10cm/curated-manual-therapy.csv', import.meta.url);

function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const char = line.charAt(index);
    if (quoted && char === '"' && line[index + 1] === '"') {
      field += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  return [...fields, field];
}

describe('ICD10CM_TABLE', () => {
  it('holds exactly the rows of curated-manual-therapy.csv', () => {
    const [header, ...lines] = readFileSync(CSV, 'utf8').trim().split('\n');
    expect(header).toBe('code,title,billable,billable_fy2026,group');
    const rows = lines.map(parseCsvLine).map(([code, title, billable, , group]) => ({
      code,
      title,
      billable: billable === 'true',
      group,
    }));
    expect(rows).toHaveLength(202);
    expect(ICD10CM_TABLE).toEqual(rows);
  });

  it('has 192 billable codes and its 10 header codes, in 33 groups', () => {
    const headers = ICD10CM_TABLE.filter((entry) => !entry.billable).map((entry) => entry.code);
    expect(headers.sort()).toEqual(
      ['M54.5', 'M51.36', 'M62.83', 'M79.1', 'M17.1', 'S13.4', 'G44.2', 'G43.9', 'Z47', 'M72.2'].sort(),
    );
    expect(new Set(ICD10CM_TABLE.map((entry) => entry.group)).size).toBe(33);
  });

  it('has well-formed, unique display codes', () => {
    const codes = ICD10CM_TABLE.map((entry) => entry.code);
    expect(codes.filter((code) => !isIcdCodeFormat(code))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('lookupIcd', () => {
  it('finds an entry in either form and any case', () => {
    expect(lookupIcd('M54.50')).toEqual({
      code: 'M54.50',
      title: 'Low back pain, unspecified',
      billable: true,
      group: 'low-back',
    });
    expect(lookupIcd(' m5450 ')?.code).toBe('M54.50');
    expect(lookupIcd('M67.A01')?.title).toBe('Plantar fasciitis, right foot');
  });

  it('reports headers as not billable and misses unknown codes', () => {
    expect(lookupIcd('M72.2')?.billable).toBe(false);
    expect(lookupIcd('A00.0')).toBeUndefined();
    expect(lookupIcd('')).toBeUndefined();
  });
});

describe('searchIcd', () => {
  it('matches code prefixes with or without the dot, billable codes first', () => {
    const codes = searchIcd('M54.5').map((entry) => entry.code);
    expect(codes).toEqual(['M54.50', 'M54.51', 'M54.59', 'M54.5']);
    expect(searchIcd('m545').map((entry) => entry.code)).toEqual(codes);
  });

  it('matches every word of the query at the start of a title word, whole words first', () => {
    expect(searchIcd('LOW BACK', 20).map((entry) => entry.code)).toEqual([
      'M54.50',
      'M54.51',
      'M54.59',
      'M51.362',
      'M51.369',
      'M51.372',
      'M53.86',
      'S39.012A',
      'S39.012D',
      'S39.012S',
      'M54.5',
    ]);
    expect(searchIcd('plantar fasc').map((entry) => entry.code)).toEqual([
      'M67.A01',
      'M67.A02',
      'M67.A09',
      'M72.20',
      'M72.2',
    ]);
  });

  it('ranks title matches above group matches', () => {
    const codes = searchIcd('sciatica', 20).map((entry) => entry.code);
    expect(codes.slice(0, 6)).toEqual(['M54.30', 'M54.31', 'M54.32', 'M54.40', 'M54.41', 'M54.42']);
    expect(codes).toContain('M54.12');
  });

  it('also matches the group name', () => {
    expect(searchIcd('tmj', 50).every((entry) => entry.group === 'tmj')).toBe(true);
    expect(searchIcd('tmj', 50)).toHaveLength(9);
  });

  it('caps the result at the limit (10 by default)', () => {
    expect(searchIcd('M')).toHaveLength(10);
    expect(searchIcd('M', 3)).toHaveLength(3);
    expect(searchIcd('pain', 0)).toEqual([]);
  });

  it('returns nothing for an empty or unmatched query', () => {
    expect(searchIcd('')).toEqual([]);
    expect(searchIcd('  ')).toEqual([]);
    expect(searchIcd('xylophone')).toEqual([]);
  });
});
