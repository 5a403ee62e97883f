import { describe, expect, it } from 'vitest';
import { isValidNpi } from '../../src/codes/npi.js';

describe('isValidNpi', () => {
  it.each(['1234567893', '1558598797', '1245319599', '1000000004', '2000000002', '1999999992'])(
    'accepts %s (a valid check digit)',
    (npi) => {
      expect(isValidNpi(npi)).toBe(true);
    },
  );

  it.each([
    ['1234567890', 'wrong check digit'],
    ['1234567892', 'wrong check digit'],
    ['2000000008', 'wrong check digit'],
    ['0123456789', 'first digit not 1 or 2'],
    ['12345678', 'not 10 digits'],
  ])('rejects %s (%s)', (npi) => {
    expect(isValidNpi(npi)).toBe(false);
  });

  it.each(['', '12345678931', '123456789X', ' 1234567893', '1234-567893', '３２３４５６７８９３'])(
    'rejects the malformed %j',
    (npi) => {
      expect(isValidNpi(npi)).toBe(false);
    },
  );
});
