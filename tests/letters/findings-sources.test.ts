import { describe, expect, it } from 'vitest';
import { BILLING_FINDINGS } from '../../src/letters/findings/billing.js';
import { COVERAGE_FINDINGS } from '../../src/letters/findings/coverage.js';
import { DIAGNOSIS_FINDINGS } from '../../src/letters/findings/diagnosis.js';
import { FINDINGS } from '../../src/letters/findings/index.js';

// Consistency checks of the input itself, which no outside rule states.
const WITHOUT_SOURCE = new Set(['DIAGNOSIS_WITHOUT_DESCRIPTION', 'INJURY_DATE_AFTER_LETTER']);

describe.each([
  ['diagnosis', DIAGNOSIS_FINDINGS],
  ['coverage', COVERAGE_FINDINGS],
  ['billing', BILLING_FINDINGS],
])('the %s findings', (_area, entries) => {
  it.each(Object.entries(entries))('%s cites a primary source a user can open', (code, entry) => {
    expect(FINDINGS).toHaveProperty(code);
    expect(entry.title).toMatch(/^[A-Z].*[^.]$/);
    expect(entry.fix).toMatch(/^[A-Z].*\.$/);
    if (WITHOUT_SOURCE.has(code)) {
      expect(entry.sources).toEqual([]);
      return;
    }
    expect(entry.sources.length).toBeGreaterThan(0);
    for (const source of entry.sources) {
      expect(source.url).toMatch(/^https:\/\/[a-z0-9.-]+\.(gov|mil|org)\//);
      expect(`${source.document} ${source.section ?? ''}`).not.toMatch(/DOMAIN|LETTERS\.md|ADMINISTRATORS/);
    }
  });
});
