import { describe, expect, it } from 'vitest';
import { CARC_CODES, isCarcFormat, lookupCarc } from '../../src/codes/carc.js';

describe('lookupCarc', () => {
  it('returns our notes on CO-50', () => {
    expect(lookupCarc('CO-50')).toEqual({
      code: 'CO-50',
      group: 'CO',
      number: 50,
      meaning: 'The payer says the service was not medically necessary.',
      appealAdvice: expect.stringContaining('letter of medical necessity'),
      appealable: true,
    });
  });

  it.each([
    ['co50', 'CO-50'],
    [' CO 50 ', 'CO-50'],
    ['50', 'CO-50'],
    ['PR-1', 'PR-1'],
    ['1', 'PR-1'],
    ['pr-50', 'PR-50'],
    ['OA-22', 'OA-22'],
    ['PI-97', 'PI-97'],
    ['CO-050', 'CO-50'],
  ])('reads %j as %s', (input, code) => {
    expect(lookupCarc(input)?.code).toBe(code);
  });

  it('says which denials an appeal letter can change', () => {
    expect(lookupCarc('CO-50')?.appealable).toBe(true);
    expect(lookupCarc('CO-151')?.appealable).toBe(true);
    expect(lookupCarc('CO-197')?.appealable).toBe(true);
    expect(lookupCarc('CO-96')?.appealable).toBe(false);
    expect(lookupCarc('CO-16')?.appealable).toBe(false);
    expect(lookupCarc('CO-45')?.appealable).toBe(false);
    expect(lookupCarc('PR-2')?.appealable).toBe(false);
  });

  it('gives CARC 18 group OA, as X12 requires', () => {
    expect(lookupCarc('18')?.code).toBe('OA-18');
  });

  it('misses codes outside the table and malformed input', () => {
    expect(lookupCarc('CO-999')).toBeUndefined();
    expect(lookupCarc('CO-B7')).toBeUndefined();
    expect(lookupCarc('XX-50')).toBeUndefined();
    expect(lookupCarc('')).toBeUndefined();
  });
});

describe('CARC_CODES', () => {
  it('covers each code once', () => {
    const numbers = CARC_CODES.map((entry) => entry.number);
    expect([...numbers].sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 11, 16, 18, 19, 20, 21, 22, 29, 45, 50, 96, 97, 119, 151, 167, 170, 185, 197, 198, 204, 242,
      243,
    ]);
  });
});

describe('isCarcFormat', () => {
  it.each(['CO-50', 'co50', 'PR-1', '50', 'OA 23', 'CO-B7', 'P12'])('accepts %j', (code) => {
    expect(isCarcFormat(code)).toBe(true);
  });

  it.each(['', 'CO-', 'CO-5000', 'XX-50', 'CO--50', '50a', 'N130'])('rejects %j', (code) => {
    expect(isCarcFormat(code)).toBe(false);
  });
});
