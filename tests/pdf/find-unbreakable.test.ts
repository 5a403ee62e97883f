import { describe, expect, it } from 'vitest';
import { findUnbreakable } from '../../src/pdf/find-unbreakable.js';

const kept = (text: string): string[] => findUnbreakable(text).map(([start, end]) => text.slice(start, end));

describe('findUnbreakable', () => {
  it('keeps phone numbers whole', () => {
    expect(kept('Call (415) 555-0133 or 415-555-0134, ext. 12 or +1 415 555 0135.')).toEqual([
      '(415) 555-0133',
      '415-555-0134',
      '+1 415 555 0135',
    ]);
    expect(kept('Fax (916) 555-0199 ext. 4')).toEqual(['(916) 555-0199 ext. 4']);
  });

  it('keeps dates whole, in English and Spanish', () => {
    expect(kept('from November 30, 2026 through Jan. 24 and 1 de diciembre de 2026')).toEqual([
      'November 30, 2026',
      'Jan. 24',
      '1 de diciembre de 2026',
    ]);
  });

  it('keeps a number with its unit, and a code with its count of units', () => {
    expect(kept('97140 × 2 units, then 45 minutes for 8 weeks (16 sessions)')).toEqual([
      '97140 × 2 units',
      '45 minutes',
      '8 weeks',
      '16 sessions',
    ]);
  });

  it('keeps a code with its code system, and a regulation with its section', () => {
    expect(kept('CPT 97124 and NPI 1558598797 under 29 CFR 2560.503-1')).toEqual([
      'CPT 97124',
      'NPI 1558598797',
      '29 CFR 2560.503-1',
    ]);
  });

  it('merges phrases that overlap and finds nothing in plain prose', () => {
    expect(kept('CPT 97140 × 2 units')).toEqual(['CPT 97140 × 2 units']);
    expect(findUnbreakable('No numbers in this sentence at all.')).toEqual([]);
  });
});
