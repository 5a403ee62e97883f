import { describe, expect, it } from 'vitest';
import { check, type Finding } from '../../src/index.js';
import { diagnosisRules } from '../../src/letters/diagnosis-rules.js';
import type { RuleContext } from '../../src/letters/kind.js';
import { loadFixtureCodeSets } from '../support/code-set-fixtures.js';
import { loadExample, TODAY } from '../support/pdf.js';

const codeSets = await loadFixtureCodeSets();
const loaded: RuleContext = { today: TODAY, codeSets };
const builtIn: RuleContext = { today: TODAY };
// FY2027: dates of service from October 1, 2026.
const FY2027_DATE = '2026-11-30';
const FY2026_DATE = '2026-09-14';

function findingsFor(
  codes: string[],
  context: RuleContext,
  {
    serviceDate = FY2027_DATE,
    lastServiceDate,
    ongoingTherapy = true,
  }: { serviceDate?: string; lastServiceDate?: string; ongoingTherapy?: boolean } = {},
): Finding[] {
  return diagnosisRules(
    { diagnoses: codes.map((code) => ({ code })), serviceDate, lastServiceDate, ongoingTherapy },
    context,
  );
}

const codesOf = (findings: Finding[]) => findings.map((finding) => finding.code);

describe('diagnosis rules with the official code set loaded', () => {
  it('accepts billable codes without comment', () => {
    expect(findingsFor(['M54.50', 'M62.830', 'M41.125'], loaded)).toEqual([]);
    expect(findingsFor(['S33.5XXD', 'M62.830'], loaded)).toEqual([]);
  });

  it('refuses the header M54.5 and suggests its three billable children', () => {
    const findings = findingsFor(['M54.5'], loaded);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'DIAGNOSIS_CODE_NOT_BILLABLE',
        level: 'error',
        path: 'diagnoses.0.code',
        source: expect.stringContaining('§I.B.7'),
      }),
    ]);
    expect(findings[0]?.message).toContain('M54.50, M54.51, M54.59.');
  });

  it('refuses an injury code without its 7th character, and accepts it with one', () => {
    const findings = findingsFor(['S33.5'], loaded);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'DIAGNOSIS_CODE_NEEDS_7TH_CHARACTER',
        level: 'error',
        path: 'diagnoses.0.code',
      }),
    ]);
    expect(findings[0]?.message).toContain('S33.5XXD');
    expect(findings[0]?.message).toContain('S33.5XXA, S33.5XXD, S33.5XXS');
    expect(findingsFor(['S33.5XXD'], loaded)).toEqual([]);
  });

  it('refuses a well-formed code that does not exist', () => {
    expect(findingsFor(['M54.99'], loaded)).toEqual([
      expect.objectContaining({ code: 'DIAGNOSIS_CODE_UNKNOWN', level: 'error', path: 'diagnoses.0.code' }),
    ]);
    expect(findingsFor(['M54.59'], loaded)).toEqual([]);
  });

  it('picks the code set by the fiscal year of the date of service', () => {
    // Plantar fasciitis: M72.2 until September 30, 2026, then M67.A0-.
    expect(findingsFor(['M72.2'], loaded, { serviceDate: '2026-09-30' })).toEqual([]);
    const fy2027 = findingsFor(['M72.2'], loaded, { serviceDate: '2026-10-01' });
    expect(codesOf(fy2027)).toEqual(['DIAGNOSIS_CODE_NOT_BILLABLE']);
    expect(fy2027[0]?.message).toContain('M72.20, M72.21, M72.22');
    expect(codesOf(findingsFor(['M67.A01'], loaded, { serviceDate: '2026-09-30' }))).toEqual([
      'DIAGNOSIS_CODE_UNKNOWN',
    ]);
    expect(findingsFor(['M67.A01'], loaded, { serviceDate: '2026-10-01' })).toEqual([]);
  });

  // Issue 10, error 7: a course from September 14 to December 1, 2026 touches FY2026 and FY2027.
  it('checks each code in every fiscal year the dates of service touch', () => {
    const span = { serviceDate: '2026-09-14', lastServiceDate: '2026-12-01' };
    const plantar = findingsFor(['M72.2'], loaded, span);
    expect(codesOf(plantar)).toEqual(['DIAGNOSIS_CODE_NOT_BILLABLE']);
    expect(plantar[0]?.message).toContain('fiscal year 2027 (dates of service October 1, 2026');
    expect(plantar[0]?.message).toContain('M72.20, M72.21, M72.22');
    const newCode = findingsFor(['M67.A01'], loaded, span);
    expect(codesOf(newCode)).toEqual(['DIAGNOSIS_CODE_UNKNOWN']);
    expect(newCode[0]?.message).toContain('fiscal year 2026 (dates of service October 1, 2025');
    expect(findingsFor(['M54.50', 'M62.830'], loaded, span)).toEqual([]);
  });

  // Issue 10, error 9: the example is a code of the code set, never one made up by padding.
  it.each([
    ['S46.01', ['S46.011D', 'S46.012D', 'S46.019D'], 'S46.01XD'],
    ['S13', ['S13.0XXD', 'S13.100D', 'S13.101D'], 'S13.XXXD'],
    ['S13.4', ['S13.4XXD'], 'S13.4XXXD'],
  ])('suggests for %s only 7th-character codes that exist', (code, examples, invented) => {
    const findings = findingsFor([code], loaded);
    expect(codesOf(findings)).toEqual(['DIAGNOSIS_CODE_NEEDS_7TH_CHARACTER']);
    for (const example of examples) expect(findings[0]?.message).toContain(example);
    expect(findings[0]?.message).not.toContain(invented);
  });

  it('refuses a made-up injury code as unknown rather than asking for a 7th character', () => {
    expect(codesOf(findingsFor(['S46.05'], loaded))).toEqual(['DIAGNOSIS_CODE_UNKNOWN']);
  });

  it('says so when no code set is loaded for the year of the date of service', () => {
    const findings = findingsFor(['M54.50'], loaded, { serviceDate: '2025-06-02' });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'DIAGNOSIS_CODE_NOT_CHECKED',
        level: 'info',
        path: 'diagnoses.0.code',
      }),
    ]);
    expect(findings[0]?.message).toContain('fiscal year 2025');
  });
});

describe('diagnosis rules without the code set', () => {
  it('trusts the built-in table for its fiscal year and notes every other code as not checked', () => {
    expect(findingsFor(['M54.50', 'M62.830'], builtIn)).toEqual([]);
    const findings = findingsFor(['M54.50', 'M41.125'], builtIn);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'DIAGNOSIS_CODE_NOT_CHECKED',
        level: 'info',
        path: 'diagnoses.1.code',
      }),
    ]);
    expect(findings[0]?.message).toContain('not checked against');
  });

  it('notes table codes as not checked outside the table’s fiscal year', () => {
    expect(codesOf(findingsFor(['M54.50'], builtIn, { serviceDate: FY2026_DATE }))).toEqual([
      'DIAGNOSIS_CODE_NOT_CHECKED',
    ]);
  });

  it('refuses the header M54.5 from the built-in table, with its children', () => {
    const findings = findingsFor(['M54.5'], builtIn);
    expect(codesOf(findings)).toEqual(['DIAGNOSIS_CODE_NOT_BILLABLE']);
    expect(findings[0]?.message).toContain('M54.50, M54.51, M54.59.');
  });

  it('refuses an injury code without its 7th character from its format alone', () => {
    expect(codesOf(findingsFor(['S33.5'], builtIn))).toEqual(['DIAGNOSIS_CODE_NEEDS_7TH_CHARACTER']);
    expect(codesOf(findingsFor(['S33.5'], builtIn, { serviceDate: FY2026_DATE }))).toEqual([
      'DIAGNOSIS_CODE_NEEDS_7TH_CHARACTER',
    ]);
    expect(findingsFor(['S33.5XXD'], builtIn)).toEqual([]);
    // Burns by extent have no 7th character.
    expect(codesOf(findingsFor(['T31.0'], builtIn))).toEqual(['DIAGNOSIS_CODE_NOT_CHECKED']);
  });
});

describe('rules on the diagnosis list', () => {
  it('warns about an Excludes1 pair, and not about codes that may go together', () => {
    const findings = findingsFor(['M54.50', 'S39.012D'], loaded);
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'DIAGNOSIS_CODES_EXCLUDE_EACH_OTHER',
        level: 'warning',
        path: 'diagnoses.1.code',
        source: expect.stringContaining('§I.A.12.a'),
      }),
    ]);
    expect(findings[0]?.message).toContain('diagnoses.0.code');
    expect(findings[0]?.message).toContain('the Excludes1 note at M54.5 reads “low back strain (S39.012)”');
    expect(findingsFor(['M54.50', 'M62.830'], loaded)).toEqual([]);
  });

  // Guidelines I.B.10: the residual condition first, the sequela code after it, and no Excludes1
  // conflict between them, in the neck as in the low back.
  it.each([
    ['M54.2', 'S16.1XXS'],
    ['M54.50', 'S39.012S'],
  ])('accepts the residual %s with the sequela %s, and not the other way round', (residual, sequela) => {
    expect(findingsFor([residual, sequela], loaded)).toEqual([]);
    expect(findingsFor([sequela, residual], loaded)).toEqual([
      expect.objectContaining({ code: 'SEQUELA_CODE_FIRST', level: 'warning', path: 'diagnoses.0.code' }),
    ]);
  });

  it('warns about the Excludes1 pairs the issue lists', () => {
    expect(codesOf(findingsFor(['R52', 'M54.2'], loaded))).toEqual(['DIAGNOSIS_CODES_EXCLUDE_EACH_OTHER']);
    expect(codesOf(findingsFor(['Z47.89', 'S82.201D'], loaded))).toEqual([
      'DIAGNOSIS_CODES_EXCLUDE_EACH_OTHER',
    ]);
  });

  it('warns about an initial-encounter injury code in a course of therapy', () => {
    expect(findingsFor(['S13.4XXA'], loaded)).toEqual([
      expect.objectContaining({
        code: 'INJURY_CODE_INITIAL_ENCOUNTER',
        level: 'warning',
        path: 'diagnoses.0.code',
      }),
    ]);
    expect(findingsFor(['S13.4XXD'], loaded)).toEqual([]);
    expect(findingsFor(['S13.4XXA'], loaded, { ongoingTherapy: false })).toEqual([]);
  });

  it('warns when an external-cause code is listed first', () => {
    expect(codesOf(findingsFor(['V43.52XA', 'S13.4XXD'], loaded, { ongoingTherapy: false }))).toEqual([
      'EXTERNAL_CAUSE_CODE_FIRST',
    ]);
    expect(findingsFor(['S13.4XXD', 'V43.52XA'], loaded, { ongoingTherapy: false })).toEqual([]);
  });
});

describe('diagnosis rules in the LMN', () => {
  it('refuses a header code in an LMN as in every other kind', () => {
    const input = loadExample('lmn-insurance');
    input.diagnoses[0].code = 'M54.5';
    const report = check('lmn', input, { today: TODAY, codeSets });
    expect(report.ok).toBe(false);
    expect(codesOf(report.findings)).toEqual(['DIAGNOSIS_CODE_NOT_BILLABLE']);
  });

  it('treats an LMN for care already under way as a course of therapy', () => {
    const input = loadExample('lmn-insurance');
    input.diagnoses = [{ code: 'S39.012A' }];
    expect(codesOf(check('lmn', input, { today: TODAY, codeSets }).findings)).toEqual([]);
    input.treatment.startDate = '2026-11-02';
    expect(codesOf(check('lmn', input, { today: TODAY, codeSets }).findings)).toEqual([
      'INJURY_CODE_INITIAL_ENCOUNTER',
    ]);
  });
});
