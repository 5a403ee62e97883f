import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FINDINGS } from '../../src/letters/findings/index.js';
import { renderFindingsPage } from '../../src/letters/findings/render-page.js';

describe('findings catalogue', () => {
  it('is what docs/findings.md shows (run `npm run docs` after changing it)', () => {
    const page = readFileSync(new URL('../../docs/findings.md', import.meta.url), 'utf8');
    expect(page).toBe(renderFindingsPage());
  });

  it('cites sources a user can open, never our notes', () => {
    for (const [code, entry] of Object.entries(FINDINGS)) {
      for (const source of entry.sources) {
        expect(source.url, code).toMatch(/^https:\/\//);
        expect(`${source.document} ${source.url}`, code).not.toMatch(/DOMAIN|LETTERS\.md|ADMINISTRATORS/);
      }
      expect(entry.title.length, code).toBeGreaterThan(0);
      expect(entry.fix.length, code).toBeGreaterThan(0);
    }
  });
});
