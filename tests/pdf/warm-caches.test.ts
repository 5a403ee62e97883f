import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listExamples } from '../support/examples.js';
import { loadExample, readPdf } from '../support/pdf.js';

const SCRIPT = fileURLToPath(new URL('../support/render-letters.mjs', import.meta.url));

interface Letter {
  kind: string;
  input: Record<string, any>;
}

/** Renders the letters in order in a new node process (the built library); the last one's PDF. */
function renderInFreshProcess(letters: Letter[]): Buffer {
  const result = spawnSync(process.execPath, [SCRIPT], { input: JSON.stringify(letters), encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return Buffer.from(result.stdout, 'base64');
}

/** The insurance LMN for a patient whose name has composite glyphs (accents built from other glyphs). */
function letterFor(firstName: string, lastName: string): Letter {
  const input = loadExample('lmn-insurance');
  Object.assign(input.patient, { firstName, lastName });
  return { kind: 'lmn', input };
}

describe('caches shared between letters', () => {
  it('give a letter written after others the bytes it has when written first in a fresh process', async () => {
    const target = letterFor('Zoë', 'Nguyễn-Ørsted');
    const before = [
      ...listExamples(),
      letterFor('Åsa', 'Ñúñez'),
      letterFor('Zoë', 'Nguyen'),
      letterFor('Ïñigo', 'Ørsted'),
      target,
      letterFor('Ümit', 'Çelik'),
    ];
    const first = renderInFreshProcess([target]);
    const afterOthers = renderInFreshProcess([...before, target]);
    expect(afterOthers.equals(first)).toBe(true);
    const { text } = await readPdf(afterOthers);
    expect(text).toContain('Patient: Zoë Nguyễn-Ørsted');
    expect(text).toContain('I have been treating Ms. Nguyễn-Ørsted since September 8, 2026');
  });
});
