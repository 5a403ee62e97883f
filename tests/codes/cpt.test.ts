import { describe, expect, it } from 'vitest';
import { CPT_CODES, isProcedureCodeFormat, lookupCpt } from '../../src/codes/cpt.js';

describe('CPT_CODES', () => {
  it('lists the DOMAIN §2.1 codes once each', () => {
    const codes = CPT_CODES.map((entry) => entry.code);
    expect([...codes].sort()).toEqual(
      [
        '97124',
        '97140',
        '97112',
        '97110',
        '97530',
        '97010',
        '97012',
        '97014',
        'G0283',
        '97035',
        '97161',
        '97162',
        '97163',
        '97164',
        '98940',
        '98941',
        '98942',
        '98943',
      ].sort(),
    );
  });

  it('marks the 15-minute codes as timed', () => {
    const timed = CPT_CODES.filter((entry) => entry.timed).map((entry) => entry.code);
    expect(timed.sort()).toEqual(['97035', '97110', '97112', '97124', '97140', '97530']);
  });

  it('uses short labels of our own and well-formed codes', () => {
    for (const entry of CPT_CODES) {
      expect(isProcedureCodeFormat(entry.code)).toBe(true);
      expect(entry.label.length).toBeLessThanOrEqual(60);
      expect(entry.system).toBe(/^\d/.test(entry.code) ? 'CPT' : 'HCPCS');
    }
  });
});

describe('lookupCpt', () => {
  it('finds a code, ignoring case and spaces', () => {
    expect(lookupCpt('97124')).toEqual({
      code: '97124',
      label: 'Massage therapy',
      timed: true,
      system: 'CPT',
    });
    expect(lookupCpt(' g0283 ')?.timed).toBe(false);
    expect(lookupCpt('98940')?.label).toBe('Chiropractic spinal manipulation, 1–2 regions');
  });

  it('misses codes we do not list', () => {
    expect(lookupCpt('99213')).toBeUndefined();
    expect(lookupCpt('')).toBeUndefined();
  });
});

describe('isProcedureCodeFormat', () => {
  it.each(['97124', '00100', 'G0283', 'A4556'])('accepts %s', (code) => {
    expect(isProcedureCodeFormat(code)).toBe(true);
  });

  it.each(['9712', '971240', 'g0283', 'GG283', '9712A', ' 97124', ''])('rejects %j', (code) => {
    expect(isProcedureCodeFormat(code)).toBe(false);
  });
});
