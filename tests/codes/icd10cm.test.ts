import { describe, expect, it } from 'vitest';
import {
  isIcdCodeFormat,
  isInjuryCode,
  normalizeIcdCode,
  toDisplay,
  toDotless,
} from '../../src/codes/icd10cm.js';

describe('normalizeIcdCode', () => {
  it.each([
    [' m54.50', 'M54.50'],
    ['m5450', 'M54.50'],
    ['M54.50', 'M54.50'],
    ['M 54 50', 'M54.50'],
    ['r52', 'R52'],
    ['r52.', 'R52'],
    ['s134xxa', 'S13.4XXA'],
    ['qa0011', 'QA0.011'],
    ['\tM72.2\n', 'M72.2'],
  ])('%j → %j', (raw, display) => {
    expect(normalizeIcdCode(raw)).toBe(display);
  });
});

describe('isIcdCodeFormat', () => {
  it.each(['R52', 'M54.2', 'M54.50', 'S13.4XXA', 'M67.A01', 'M1A.0011', 'QA0.011', 'Z3A.08', 'U07.1'])(
    'accepts %s',
    (code) => {
      expect(isIcdCodeFormat(code)).toBe(true);
    },
  );

  it.each([
    ['M5450', 'display form has the dot'],
    ['m54.50', 'lower case'],
    ['M54.', 'dot without more characters'],
    ['M5', 'too short'],
    ['M54.50XXA', 'too long'],
    ['M545.0', 'dot in the wrong place'],
    ['154.50', 'starts with a digit'],
    ['M54.5O', 'letter O after position 1'],
    ['MO4.5', 'letter O after position 1'],
    ['M54-50', 'hyphen'],
    ['', 'empty'],
  ])('rejects %j (%s)', (code) => {
    expect(isIcdCodeFormat(code)).toBe(false);
  });

  it('accepts an O in position 1 (obstetrics chapter)', () => {
    expect(isIcdCodeFormat('O99.89')).toBe(true);
  });
});

describe('toDotless and toDisplay', () => {
  it('convert between the storage and display forms, from either form', () => {
    expect(toDotless('M54.50')).toBe('M5450');
    expect(toDotless('M5450')).toBe('M5450');
    expect(toDisplay('M5450')).toBe('M54.50');
    expect(toDisplay('M54.50')).toBe('M54.50');
    expect(toDisplay('Z47')).toBe('Z47');
    expect(toDisplay('S134XXD')).toBe('S13.4XXD');
  });
});

describe('isInjuryCode', () => {
  it.each([
    ['S13.4XXA', true],
    ['s39012d', true],
    ['T14.8XXA', true],
    ['M54.50', false],
    ['V43.52XA', false],
  ])('%s → %s', (code, expected) => {
    expect(isInjuryCode(code)).toBe(expected);
  });
});
