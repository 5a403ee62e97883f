import { describe, expect, it } from 'vitest';
import { procedureRules } from '../../src/letters/procedure-rules.js';

const codesOf = (procedures: { code: string; minutes?: number; units?: number }[]) =>
  procedureRules({ procedures, sessionMinutes: 60 }).map((finding) => [finding.code, finding.path]);

describe('procedure rules', () => {
  // Pub. 100-04 ch. 5 §20.2 example 2: 20 + 20 minutes make 3 units, the extra one on either code.
  it('lets either code of a tie carry the extra unit, but not both', () => {
    expect(
      codesOf([
        { code: '97112', minutes: 20, units: 2 },
        { code: '97110', minutes: 20, units: 1 },
      ]),
    ).toEqual([]);
    expect(
      codesOf([
        { code: '97112', minutes: 20, units: 1 },
        { code: '97110', minutes: 20, units: 2 },
      ]),
    ).toEqual([]);
    expect(
      codesOf([
        { code: '97112', minutes: 20, units: 2 },
        { code: '97110', minutes: 20, units: 2 },
      ]),
    ).toEqual([['TIMED_UNITS_EXCEED_TOTAL', 'treatment.procedures']]);
    // Example 3: 33 minutes of 97110 and 7 of 97140; the extra unit is 97140's, not 97110's.
    expect(
      codesOf([
        { code: '97110', minutes: 33, units: 3 },
        { code: '97140', minutes: 7 },
      ]),
    ).toEqual([['UNITS_EXCEED_MINUTES', 'treatment.procedures.0.units']]);
  });

  it('says that a single timed service under 8 minutes makes no billable unit', () => {
    const findings = procedureRules({ procedures: [{ code: '97140', minutes: 7 }], sessionMinutes: 30 });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'TIMED_CODE_WITHOUT_UNITS',
        level: 'warning',
        path: 'treatment.procedures.0.minutes',
      }),
    ]);
    expect(findings[0]?.message).toContain('7 timed minutes are fewer than 8');
  });

  it('warns about a code it does not know and never counts it as timed', () => {
    expect(codesOf([{ code: '97999', minutes: 30, units: 4 }])).toEqual([
      ['PROCEDURE_CODE_UNKNOWN', 'treatment.procedures.0.code'],
    ]);
    // 97018 (paraffin) is untimed: more than 1 unit is refused.
    expect(codesOf([{ code: '97018', minutes: 30, units: 2 }])).toEqual([
      ['UNITS_EXCEED_MINUTES', 'treatment.procedures.0.units'],
    ]);
  });
});
