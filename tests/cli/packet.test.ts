import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadExample, readPdf } from '../support/pdf.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const HSA_FSA = fileURLToPath(new URL('../../examples/lmn-hsa-fsa.json', import.meta.url));
const INSURANCE = fileURLToPath(new URL('../../examples/lmn-insurance.json', import.meta.url));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'lmnkit-packet-'));
}

describe('lmnkit render --packet', () => {
  it('adds the claim-packet page to an HSA/FSA letter, and leaves it out without the flag', async () => {
    const dir = workDir();
    const withPacket = join(dir, 'with.pdf');
    const without = join(dir, 'without.pdf');
    expect(run(['render', 'lmn', HSA_FSA, '-o', withPacket, '--packet'])).toMatchObject({ code: 0 });
    expect(run(['render', 'lmn', HSA_FSA, '-o', without])).toMatchObject({ code: 0 });
    const packetPages = (await readPdf(readFileSync(withPacket))).pages;
    const plainPages = (await readPdf(readFileSync(without))).pages;
    expect(packetPages).toHaveLength(plainPages.length + 1);
    expect(packetPages.at(-1)).toContain('Claim packet: what to submit');
    expect(plainPages.join('\n')).not.toContain('Claim packet');
  });

  it('adds it to the HTML preview too', () => {
    const out = join(workDir(), 'letter.html');
    expect(run(['render', 'lmn', HSA_FSA, '-o', out, '--html', '--packet'])).toMatchObject({ code: 0 });
    expect(readFileSync(out, 'utf8')).toContain('Claim packet: what to submit');
  });

  it('refuses --packet on a letter that has no packet, naming the field', () => {
    const out = join(workDir(), 'letter.pdf');
    const result = run(['render', 'lmn', INSURANCE, '-o', out, '--packet']);
    expect(result).toMatchObject({ code: 3, stderr: 'packet: is not a known field\n' });
    expect(existsSync(out)).toBe(false);
  });
});

describe('lmnkit check: administrator profiles', () => {
  it("reports a missing field with its path, the administrator's rule and exit 3", () => {
    const dir = workDir();
    const input = loadExample('lmn-hsa-fsa-fsafeds');
    delete input.coverage.employer;
    const path = join(dir, 'input.json');
    writeFileSync(path, JSON.stringify(input));
    const result = run(['check', 'lmn', path]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      "coverage.employer: FSAFEDS requires the account holder's employer in the letter: the Federal FSA Program may deny a letter that is missing any item on its list. [error ADMINISTRATOR_FIELD_MISSING]",
    );
    const json = JSON.parse(run(['check', 'lmn', path, '--json']).stdout) as {
      ok: boolean;
      findings: unknown[];
    };
    expect(json.ok).toBe(false);
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        code: 'ADMINISTRATOR_FIELD_MISSING',
        path: 'coverage.employer',
        source: expect.stringContaining('fsafeds.com'),
      }),
    );
  });
});
