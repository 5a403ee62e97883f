import { describe, expect, it } from 'vitest';
import { CPT_CODES, isProcedureCodeFormat, lookupCpt } from '../../src/codes/cpt.js';

describe('CPT_CODES', () => {
  it('lists the physical-medicine, manual-therapy, chiropractic and evaluation codes once each', () => {
    const codes = CPT_CODES.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of [
      '97010',
      '97018',
      '97039',
      '97110',
      '97546',
      '97750',
      '97763',
      '98943',
      'G0283',
      '97168',
    ]) {
      expect(codes).toContain(code);
    }
  });

  it('marks the 15-minute codes as timed and the rest as one unit a session', () => {
    const timed = CPT_CODES.filter((entry) => entry.timed).map((entry) => entry.code);
    expect(timed.sort()).toEqual(
      [
        '97032',
        '97033',
        '97034',
        '97035',
        '97036',
        '97110',
        '97112',
        '97113',
        '97116',
        '97124',
        '97129',
        '97130',
        '97140',
        '97530',
        '97533',
        '97535',
        '97537',
        '97542',
        '97750',
        '97755',
        '97760',
        '97761',
        '97763',
      ].sort(),
    );
    expect(lookupCpt('97018')?.timed).toBe(false);
    expect(lookupCpt('97546')?.hourly).toBe(true);
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
