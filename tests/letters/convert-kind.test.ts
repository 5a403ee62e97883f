import { describe, expect, it } from 'vitest';
import { check, convertInput, UnknownKindError } from '../../src/index.js';
import { loadExample, TODAY } from '../support/pdf.js';

describe('convertInput', () => {
  it('turns a prescription into an LMN with nothing retyped, and says what the LMN does not take', () => {
    const prescription = loadExample('prescription');
    const { input, dropped } = convertInput('prescription', 'lmn', prescription, { purpose: 'insurance' });
    for (const shared of ['date', 'patient', 'provider', 'diagnoses', 'treatment'])
      expect(input[shared]).toEqual(prescription[shared]);
    expect(input.purpose).toBe('insurance');
    // Everything not carried over is named, and nothing else is missing.
    const carried = Object.keys(prescription).filter((key) => !dropped.includes(key));
    expect(Object.keys(input).sort()).toEqual([...carried, 'purpose'].sort());
    // What the LMN adds is asked for, and nothing of the prescription is reported wrong.
    const { issues } = check('lmn', input, { today: TODAY });
    expect(issues.map(({ path }) => path).every((path) => /^(recipient|coverage|clinical)/.test(path))).toBe(
      true,
    );
  });

  it('keeps an LMN purpose and lists the fields the target kind lacks, nested ones too', () => {
    const lmn = loadExample('lmn-hsa-fsa');
    const back = convertInput('lmn', 'lmn', lmn);
    expect(back).toEqual({ input: lmn, dropped: [] });
    const { dropped } = convertInput('lmn', 'prescription', lmn);
    expect(dropped).toContain('purpose');
    expect(
      dropped.filter(
        (path) =>
          ![
            'purpose',
            'recipient',
            'coverage',
            'clinical',
            'packet',
            'coverPage',
            'language',
            'enclosures',
          ].includes(path.split('.')[0] ?? ''),
      ),
    ).toEqual([]);
  });

  it('refuses an unknown kind', () => {
    expect(() => convertInput('memo', 'lmn', {})).toThrow(UnknownKindError);
  });
});
