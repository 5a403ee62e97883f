// `lmnkit render|check <kind> bundle.json [--from fhir] [--with overlay.json]`, as the built program runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../support/pdf.js';
import { exampleCase, examplePath, firstOfType, KINDS, pathOf, resourceIn, type Json } from './support.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LMNKIT_ICD10CM: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

const workDir = () => mkdtempSync(join(tmpdir(), 'lmnkit-fhir-cli-'));

describe('lmnkit render from a FHIR Bundle', () => {
  it.each(KINDS)('%s: writes the letter from its Bundle and overlay (exit 0)', async (kind) => {
    const out = join(workDir(), `${kind}.pdf`);
    const result = run([
      'render',
      kind,
      examplePath(kind, 'bundle'),
      '--with',
      examplePath(kind, 'overlay'),
      '-o',
      out,
    ]);
    expect(result).toMatchObject({ code: 0, stdout: `${out}\n` });
    const patient = firstOfType(exampleCase(kind).bundle, 'Patient');
    const { text } = await readPdf(readFileSync(out));
    expect(text).toContain(`${patient.name[0].given[0]} ${patient.name[0].family}`);
  });

  it('takes --from fhir, and reports what it could not map on stderr', () => {
    const out = join(workDir(), 'letter.pdf');
    const bundle = examplePath('prescription', 'bundle');
    const result = run([
      'render',
      'prescription',
      bundle,
      '--from',
      'fhir',
      '--with',
      examplePath('prescription', 'overlay'),
      '-o',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'Bundle.entry[0].resource(Composition/b2e4-composition): is a resource type lmnkit does not read [unmapped]\n',
    );
  });

  it('prints unmapped elements in the --json report', () => {
    const out = join(workDir(), 'letter.pdf');
    const result = run([
      'render',
      'prescription',
      examplePath('prescription', 'bundle'),
      '--with',
      examplePath('prescription', 'overlay'),
      '-o',
      out,
      '--json',
    ]);
    expect(JSON.parse(result.stdout)).toEqual({
      output: out,
      findings: [],
      unmapped: [
        {
          path: 'Bundle.entry[0].resource(Composition/b2e4-composition)',
          reason: 'is a resource type lmnkit does not read',
        },
      ],
    });
  });

  it('names a bad value at its place in the Bundle (exit 3, nothing written)', () => {
    const dir = workDir();
    const { bundle } = exampleCase('lmn');
    resourceIn(bundle, 'a1f3-condition-1').code.coding[0].code = 'M5';
    const out = join(dir, 'letter.pdf');
    const result = run([
      'render',
      'lmn',
      writeJson(dir, 'case.json', bundle),
      '--with',
      examplePath('lmn', 'overlay'),
      '-o',
      out,
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe(
      `${pathOf(bundle, 'a1f3-condition-1')}.code.coding[0].code: must be an ICD-10-CM code such as M54.50 (field diagnoses.0.code)\n`,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('names the candidates of an ambiguity (exit 3)', () => {
    const dir = workDir();
    const { bundle } = exampleCase('lmn');
    const coverage = firstOfType(bundle, 'Coverage');
    (bundle.entry as Json[]).push({ resource: { ...coverage, id: 'second' } });
    const result = run([
      'check',
      'lmn',
      writeJson(dir, 'case.json', bundle),
      '--with',
      examplePath('lmn', 'overlay'),
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      `Bundle: holds 2 candidates for the coverage (Coverage) and nothing says which one the letter is about: ${pathOf(bundle, 'a1f3-coverage')}, Bundle.entry[${bundle.entry.length - 1}].resource(Coverage/second);`,
    );
  });
});

describe('lmnkit check from a FHIR Bundle', () => {
  it('finds the Bundle by its resourceType and says what the overlay must give', () => {
    const result = run(['check', 'appeal', examplePath('appeal', 'bundle'), '--json']);
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout) as Json;
    expect(report).toMatchObject({ ok: false, unmapped: [] });
    expect(report.issues).toContainEqual({
      path: 'overlay.clinical.history',
      code: 'REQUIRED',
      message: 'is required',
    });
    expect(report.issues).toContainEqual(
      expect.objectContaining({ path: 'overlay.denial.level', code: 'REQUIRED' }),
    );
  });

  it('is ok with the overlay', () => {
    expect(
      run(['check', 'appeal', examplePath('appeal', 'bundle'), '--with', examplePath('appeal', 'overlay')]),
    ).toMatchObject({ code: 0, stdout: 'ok\n' });
  });

  it('reads a Bundle as letter input with --from json', () => {
    const result = run(['check', 'lmn', examplePath('lmn', 'bundle'), '--from', 'json', '--json']);
    expect(result.code).toBe(3);
    expect((JSON.parse(result.stdout) as Json).issues).toContainEqual(
      expect.objectContaining({ code: 'UNKNOWN_FIELD' }),
    );
  });

  it.each([
    [['--from', 'xml'], '--from takes fhir or json'],
    [['--from', 'json', '--with', 'x.json'], '--with goes with a FHIR Bundle'],
  ])('refuses %j (exit 2)', (flags, message) => {
    const result = run(['check', 'lmn', examplePath('lmn', 'bundle'), ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('names an overlay it cannot read', () => {
    const result = run([
      'check',
      'lmn',
      examplePath('lmn', 'bundle'),
      '--with',
      join(workDir(), 'missing.json'),
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/^overlay: cannot read .*missing\.json: no such file\n$/);
  });

  it('never prints a value of the Bundle', () => {
    const canary = 'Zqcliicanary';
    const dir = workDir();
    const { bundle, overlay } = exampleCase('appeal');
    const patient = resourceIn(bundle, 'd4c6-patient');
    patient.name[0].family = `${canary}\u0007`;
    patient.birthDate = canary;
    resourceIn(bundle, 'd4c6-practitioner').identifier[0].value = canary;
    const path = writeJson(dir, 'case.json', bundle);
    const overlayPath = writeJson(dir, 'overlay.json', overlay);
    for (const command of ['check', 'render']) {
      const result = run([command, 'appeal', path, '--with', overlayPath, '-o', join(dir, 'out.pdf')]);
      expect(result.code).toBe(3);
      expect(result.stdout + result.stderr).not.toContain(canary);
    }
  });
});
