import { describe, expect, it } from 'vitest';
import { OUTCOME_MEASURES, assessChange, lookupOutcomeMeasure } from '../../src/codes/outcome-measures.js';

describe('OUTCOME_MEASURES', () => {
  it('describes each instrument with its scale, MCID and source', () => {
    expect(
      OUTCOME_MEASURES.map(({ id, min, max, higherIsBetter, mcid, mcidRelative, unit }) => [
        id,
        min,
        max,
        higherIsBetter,
        mcid,
        mcidRelative,
        unit,
      ]),
    ).toEqual([
      ['NPRS', 0, 10, false, 2, 0.3, 'points'],
      ['VAS', 0, 100, false, 15, 0.3, 'mm'],
      ['VAS-CM', 0, 10, false, 1.5, 0.3, 'cm'],
      ['ODI', 0, 100, false, 10, 0.3, 'points'],
      ['NDI', 0, 50, false, 7.5, null, 'points'],
      ['NDI-%', 0, 100, false, 15, null, '%'],
      ['PSFS', 0, 10, true, 2, null, 'points'],
      ['LEFS', 0, 80, true, 9, null, 'points'],
      ['QUICKDASH', 0, 100, false, 13.6, null, 'points'],
      ['DASH', 0, 100, false, 10.2, null, 'points'],
      ['SPADI', 0, 100, false, 13, null, 'points'],
      ['ROM', 0, 180, true, null, null, 'degrees'],
    ]);
    for (const measure of OUTCOME_MEASURES.filter((row) => row.mcid !== null)) {
      expect(measure.source?.url).toMatch(/^https:\/\/doi\.org\//);
    }
  });

  // Farrar 2001: 2 points or 30 %; Ostelo 2008: ODI 10 points or 30 %.
  it('accepts the relative threshold the source papers give', () => {
    expect(assessChange({ instrument: 'NPRS', baseline: 3, current: 1.5 }).meetsMcid).toBe(true);
    expect(assessChange({ instrument: 'ODI', baseline: 16, current: 8 }).meetsMcid).toBe(true);
    expect(assessChange({ instrument: 'ODI', baseline: 44, current: 36 }).meetsMcid).toBe(false);
    expect(assessChange({ instrument: 'LEFS', baseline: 40, current: 49 }).meetsMcid).toBe(true);
    expect(assessChange({ instrument: 'NDI-%', baseline: 40, current: 30 }).meetsMcid).toBe(false);
  });

  it('finds an instrument by id, any case', () => {
    expect(lookupOutcomeMeasure('odi')?.name).toBe('Oswestry Disability Index');
    expect(lookupOutcomeMeasure('SF-36')).toBeUndefined();
  });
});

describe('assessChange', () => {
  it('counts a drop in pain as a positive change', () => {
    expect(assessChange({ instrument: 'NPRS', baseline: 7, current: 4 })).toEqual({
      change: 3,
      improved: true,
      meetsMcid: true,
    });
  });

  it('says when an improvement is below the MCID', () => {
    expect(assessChange({ instrument: 'NPRS', baseline: 7, current: 6 })).toEqual({
      change: 1,
      improved: true,
      meetsMcid: false,
    });
    expect(assessChange({ instrument: 'ODI', baseline: 40, current: 31 }).meetsMcid).toBe(false);
    expect(assessChange({ instrument: 'ODI', baseline: 40, current: 30 }).meetsMcid).toBe(true);
    expect(assessChange({ instrument: 'NDI', baseline: 20, current: 12.5 }).meetsMcid).toBe(true);
    expect(assessChange({ instrument: 'VAS', baseline: 60, current: 46 }).meetsMcid).toBe(false);
  });

  it('counts a rise as improvement where higher is better', () => {
    expect(assessChange({ instrument: 'PSFS', baseline: 3, current: 6.5 })).toEqual({
      change: 3.5,
      improved: true,
      meetsMcid: true,
    });
    expect(assessChange({ instrument: 'ROM', baseline: 40, current: 55 })).toEqual({
      change: 15,
      improved: true,
      meetsMcid: null,
    });
  });

  it('reports a worsening as a negative change', () => {
    expect(assessChange({ instrument: 'NPRS', baseline: 4, current: 7 })).toEqual({
      change: -3,
      improved: false,
      meetsMcid: false,
    });
    expect(assessChange({ instrument: 'PSFS', baseline: 5, current: 5 })).toEqual({
      change: 0,
      improved: false,
      meetsMcid: false,
    });
  });

  it('does not let floating-point noise miss the MCID', () => {
    expect(assessChange({ instrument: 'PSFS', baseline: 0.3, current: 2.3 })).toEqual({
      change: 2,
      improved: true,
      meetsMcid: true,
    });
  });

  it('allows unknown instruments, lower is better unless told', () => {
    expect(assessChange({ instrument: 'LEFS-custom', baseline: 30, current: 20 })).toEqual({
      change: 10,
      improved: true,
      meetsMcid: null,
    });
    expect(
      assessChange({ instrument: 'Grip (kg)', baseline: 20, current: 26, higherIsBetter: true }),
    ).toEqual({
      change: 6,
      improved: true,
      meetsMcid: null,
    });
  });

  it('uses the known direction of a known instrument', () => {
    expect(assessChange({ instrument: 'nprs', baseline: 7, current: 4, higherIsBetter: true }).change).toBe(
      3,
    );
  });
});
