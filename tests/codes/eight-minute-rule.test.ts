import { describe, expect, it } from 'vitest';
import { distributeUnits, unitsForMinutes } from '../../src/codes/eight-minute-rule.js';

describe('unitsForMinutes', () => {
  it.each([
    [0, 0],
    [7, 0],
    [8, 1],
    [22, 1],
    [23, 2],
    [37, 2],
    [38, 3],
    [52, 3],
    [53, 4],
    [67, 4],
    [68, 5],
    [82, 5],
    [83, 6],
    [97, 6],
    [98, 7],
    [112, 7],
    [113, 8],
    [127, 8],
    [128, 9],
  ])('%d minutes → %d units', (minutes, units) => {
    expect(unitsForMinutes(minutes)).toBe(units);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d minutes', (minutes) => {
    expect(() => unitsForMinutes(minutes)).toThrow(RangeError);
  });
});

describe('distributeUnits', () => {
  it('33 min 97110 + 7 min 97140 → 2 + 1 (the 7-minute code has the larger leftover)', () => {
    expect(
      distributeUnits([
        { code: '97110', minutes: 33 },
        { code: '97140', minutes: 7 },
      ]),
    ).toEqual([
      { code: '97110', minutes: 33, units: 2, maxUnits: 2 },
      { code: '97140', minutes: 7, units: 1, maxUnits: 1 },
    ]);
  });

  // Pub. 100-04 ch. 5 §20.2 example 2: 20 minutes of 97112 and 20 of 97110 make 3 units, and
  // either code may carry the second unit.
  it('20 min 97112 + 20 min 97110 → 3 units, the extra one on either code', () => {
    expect(
      distributeUnits([
        { code: '97112', minutes: 20 },
        { code: '97110', minutes: 20 },
      ]),
    ).toEqual([
      { code: '97112', minutes: 20, units: 2, maxUnits: 2 },
      { code: '97110', minutes: 20, units: 1, maxUnits: 2 },
    ]);
  });

  it('24 min 97112 + 23 min 97110 → 2 + 1 (leftovers 9 vs 8)', () => {
    expect(
      distributeUnits([
        { code: '97112', minutes: 24 },
        { code: '97110', minutes: 23 },
      ]),
    ).toEqual([
      { code: '97112', minutes: 24, units: 2, maxUnits: 2 },
      { code: '97110', minutes: 23, units: 1, maxUnits: 1 },
    ]);
  });

  it('7 + 7 + 7 min → one unit, to the earlier code on the tie', () => {
    expect(
      distributeUnits([
        { code: '97110', minutes: 7 },
        { code: '97140', minutes: 7 },
        { code: '97112', minutes: 7 },
      ]).map((procedure) => procedure.units),
    ).toEqual([1, 0, 0]);
  });

  it('gives the unit to the code with the most minutes', () => {
    expect(
      distributeUnits([
        { code: '97110', minutes: 6 },
        { code: '97140', minutes: 7 },
        { code: '97112', minutes: 5 },
      ]).map((procedure) => procedure.units),
    ).toEqual([0, 1, 0]);
  });

  it('bills untimed codes one unit each and leaves them out of the total', () => {
    expect(
      distributeUnits([
        { code: '97161', minutes: 30 },
        { code: '97124', minutes: 20 },
        { code: '98940', minutes: 10 },
        { code: '97010', minutes: 15 },
      ]),
    ).toEqual([
      { code: '97161', minutes: 30, units: 1, maxUnits: 1 },
      { code: '97124', minutes: 20, units: 1, maxUnits: 1 },
      { code: '98940', minutes: 10, units: 1, maxUnits: 1 },
      { code: '97010', minutes: 15, units: 1, maxUnits: 1 },
    ]);
  });

  it('gives a lone timed code under 8 minutes no unit', () => {
    expect(distributeUnits([{ code: '97140', minutes: 7 }])).toEqual([
      { code: '97140', minutes: 7, units: 0, maxUnits: 0 },
    ]);
  });

  it('bills a long single code by the table', () => {
    expect(distributeUnits([{ code: '97124', minutes: 60 }])[0]?.units).toBe(4);
    expect(distributeUnits([{ code: '97124', minutes: 127 }])[0]?.units).toBe(8);
  });

  it('never counts a code it does not know as timed: the caller must say', () => {
    expect(() => distributeUnits([{ code: '97999', minutes: 20 }])).toThrow(RangeError);
    expect(distributeUnits([{ code: '97999', minutes: 20, timed: false }])).toEqual([
      { code: '97999', minutes: 20, units: 1, maxUnits: 1 },
    ]);
    // 97018 (paraffin) is untimed: one unit, whatever its minutes.
    expect(distributeUnits([{ code: '97018', minutes: 45 }])[0]?.units).toBe(1);
  });

  it('never bills more units than the total allows', () => {
    for (let a = 0; a <= 60; a++) {
      for (let b = 0; b <= 60; b += 7) {
        const units = distributeUnits([
          { code: '97110', minutes: a },
          { code: '97140', minutes: b },
        ]).reduce((sum, procedure) => sum + procedure.units, 0);
        expect(units).toBe(unitsForMinutes(a + b));
      }
    }
  });

  it('does not change its input and refuses negative minutes', () => {
    const input = [{ code: '97110', minutes: 33 }];
    distributeUnits(input);
    expect(input).toEqual([{ code: '97110', minutes: 33 }]);
    expect(() => distributeUnits([{ code: '97110', minutes: -5 }])).toThrow(RangeError);
  });

  it('returns nothing for no procedures', () => {
    expect(distributeUnits([])).toEqual([]);
  });
});
