import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadExample, readPdf } from '../support/pdf.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/lmn-insurance.json', import.meta.url));

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'lmnkit-cli-'));
}

function writeInput(dir: string, input: unknown): string {
  const path = join(dir, 'input.json');
  writeFileSync(path, JSON.stringify(input));
  return path;
}

describe('lmnkit CLI', () => {
  it('renders an example to PDF and exits 0', async () => {
    const out = join(workDir(), 'letter.pdf');
    const result = run(['render', 'lmn', EXAMPLE, '-o', out]);
    expect(result).toMatchObject({ code: 0, stdout: `${out}\n` });
    const { text } = await readPdf(readFileSync(out));
    expect(text).toContain('Maria Delgado-Reyes');
  });

  it('reads the input from stdin and reports findings as JSON', () => {
    const dir = workDir();
    const input = loadExample('lmn-insurance');
    input.clinical.priorTreatments = [];
    const out = join(dir, 'letter.pdf');
    const result = run(['render', 'lmn', '-', '-o', out, '--json'], { input: JSON.stringify(input) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      output: out,
      findings: [expect.objectContaining({ code: 'NO_PRIOR_TREATMENT', level: 'info' })],
    });
  });

  it.each(['America/Los_Angeles', 'Pacific/Kiritimati'])(
    'writes January 5, 2026 for 2026-01-05 with TZ=%s',
    async (tz) => {
      const dir = workDir();
      const input = loadExample('lmn-insurance');
      input.date = '2026-01-05';
      input.provider.signature.electronic.attestedOn = '2026-01-05';
      input.treatment.startDate = '2026-01-12';
      input.clinical.treatingSince = '2025-12-01';
      const out = join(dir, 'letter.pdf');
      expect(run(['render', 'lmn', writeInput(dir, input), '-o', out], { env: { TZ: tz } }).code).toBe(0);
      const { text } = await readPdf(readFileSync(out));
      expect(text).toContain('January 5, 2026');
      expect(text).toContain('January 12, 2026 through March 8, 2026');
      expect(text).not.toMatch(/January [46], 2026/);
    },
  );

  it('exits 3 with one path: message line per problem', () => {
    const dir = workDir();
    const input = loadExample('lmn-insurance');
    input.provider.npi = '1234567890';
    input.patient.dateOfBirth = '2026-02-30';
    const out = join(dir, 'letter.pdf');
    const result = run(['render', 'lmn', writeInput(dir, input), '-o', out]);
    expect(result.code).toBe(3);
    expect(result.stderr.trim().split('\n').sort()).toEqual([
      'patient.dateOfBirth: is not a real calendar date',
      'provider.npi: is not a valid NPI (check digit does not match)',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 3 for malformed JSON', () => {
    const result = run(['check', 'lmn', '-'], { input: '{"date": ' });
    expect(result).toMatchObject({ code: 3, stderr: '(input): the input is not valid JSON\n' });
  });

  it('exits 3 on blocking findings and writes the letter with --force', () => {
    const dir = workDir();
    const input = loadExample('lmn-hsa-fsa');
    input.treatment.duration = { months: 14 };
    const path = writeInput(dir, input);
    const out = join(dir, 'letter.pdf');
    const blocked = run(['render', 'lmn', path, '-o', out]);
    expect(blocked.code).toBe(3);
    expect(blocked.stderr).toContain('treatment.duration: HSA/FSA administrators accept at most 12 months');
    expect(existsSync(out)).toBe(false);
    expect(run(['render', 'lmn', path, '-o', out, '--force']).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('check exits 0 for a good letter and 3 for a bad one', () => {
    expect(run(['check', 'lmn', EXAMPLE])).toMatchObject({ code: 0, stdout: 'ok\n' });
    const result = run(['check', 'lmn', '-', '--json'], { input: JSON.stringify({ purpose: 'insurance' }) });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([{ path: 'date', code: 'REQUIRED', message: 'is required' }]),
    });
  });

  it('exits 2 for usage errors and unknown kinds', () => {
    expect(run([]).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run(['render', 'lmn']).code).toBe(2);
    expect(run(['render', 'lmn', EXAMPLE, '--bogus']).code).toBe(2);
    expect(run(['schema', 'nope']).code).toBe(2);
  });

  it('exits 4 when the letter cannot be written, leaving no partial file', () => {
    const dir = workDir();
    const result = run(['render', 'lmn', EXAMPLE, '-o', join(dir, 'missing-folder', 'letter.pdf')]);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('could not be written');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits 1 for anything unexpected', async () => {
    const broken = new Writable({
      write(_chunk, _encoding, callback) {
        callback();
      },
    });
    broken.write = () => {
      throw new Error('stdout closed');
    };
    const stderr = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    expect(await main(['kinds'], { stdout: broken, stderr, stdin: process.stdin })).toBe(1);
  });

  it('lists the kinds and prints a JSON Schema', () => {
    expect(run(['kinds']).stdout).toContain('lmn\tLetter of Medical Necessity\tinsurance, hsa-fsa');
    const schema = JSON.parse(run(['schema', 'lmn']).stdout) as { $schema: string };
    expect(schema.$schema).toContain('json-schema.org');
  });

  it('renders the HTML preview with --html', () => {
    const out = join(workDir(), 'letter.html');
    expect(run(['render', 'lmn', EXAMPLE, '--html', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Maria Delgado-Reyes');
  });
});
