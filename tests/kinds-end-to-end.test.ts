// Each new kind from its example, through the library, the CLI and HTTP; and the ICD-10-CM code
// sets through every way of configuring them.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { CodeSetUnreadableError, generate, kinds, loadIcd10cm, preview } from '../src/index.js';
import { createApp } from '../src/server/app.js';
import { ICD10CM_FILES, loadSharedCodeSets } from './support/code-sets.js';
import { loadExample, readPdf, TODAY } from './support/pdf.js';

const BIN = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
const codeSets = await loadSharedCodeSets();

const KINDS = [
  { kind: 'prescription', patient: 'James Whitaker', says: 'Prescription for medical massage therapy' },
  { kind: 'prior-auth', patient: 'Grace Oyelaran', says: 'Prior Authorization Request — manual therapy' },
  {
    kind: 'appeal',
    patient: 'Daniel Brennan',
    says: 'First-Level Internal Appeal — denied claim for manual therapy',
  },
] as const;

function examplePath(kind: string): string {
  return fileURLToPath(new URL(`../examples/${kind}.json`, import.meta.url));
}

function run(args: string[], options: { input?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    LMNKIT_ICD10CM: undefined,
    ...options.env,
  };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    env,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeInput(input: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'lmnkit-kinds-')), 'input.json');
  writeFileSync(path, JSON.stringify(input));
  return path;
}

/** The appeal with a well-formed code that only the full code set can refuse. */
function appealWithUnknownCode(): Record<string, any> {
  const input = loadExample('appeal');
  input.diagnoses[1] = { code: 'M62.839', description: 'Muscle spasm, other site' };
  return input;
}

describe.each(KINDS)('$kind', ({ kind, patient, says }) => {
  it('renders from its example through the library', async () => {
    const { pdf } = await generate<string>(kind, loadExample(kind), { today: TODAY, codeSets });
    const { text, pages } = await readPdf(pdf);
    expect(text).toContain(says);
    expect(text).toContain(patient);
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(text).not.toContain('DRAFT');
    expect(preview<string>(kind, loadExample(kind), { today: TODAY })).toContain(patient);
  });

  it('renders from its example through the CLI', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lmnkit-kinds-')), `${kind}.pdf`);
    const result = run([
      'render',
      kind,
      examplePath(kind),
      '-o',
      out,
      '--json',
      '--icd10cm',
      ...ICD10CM_FILES,
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ output: out });
    const { text } = await readPdf(readFileSync(out));
    expect(text).toContain(says);
  });

  it('renders from its example through HTTP', async () => {
    const app = createApp({ letterOptions: { today: TODAY, codeSets } });
    const response = await request(app)
      .post(`/v1/letters/${kind}`)
      .send(loadExample(kind))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect((await readPdf(response.body as Buffer)).text).toContain(patient);
    const checked = await request(app).post(`/v1/letters/${kind}/check`).send(loadExample(kind));
    expect(checked.body).toMatchObject({ ok: true, issues: [] });
    const previewed = await request(app).post(`/v1/letters/${kind}/preview`).send(loadExample(kind));
    expect(previewed.text).toContain(patient);
    expect((await request(app).get(`/v1/kinds/${kind}/schema`)).body).toHaveProperty('$schema');
  });

  it('answers bad input with every problem and its path, never a crash', async () => {
    const app = createApp({ letterOptions: { today: TODAY } });
    const input = loadExample(kind);
    input.provider.npi = '1234567890';
    input.patient.dateOfBirth = '2026-02-30';
    input.diagnoses[0].code = '??';
    const response = await request(app).post(`/v1/letters/${kind}`).send(input);
    expect(response.status).toBe(422);
    const issues = response.body.issues as { path: string }[];
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'diagnoses.0.code',
      'patient.dateOfBirth',
      'provider.npi',
    ]);
    for (const nonsense of [null, [], 'letter', { date: 5 }]) {
      expect(
        (await request(app).post(`/v1/letters/${kind}`).send(JSON.stringify(nonsense)).type('json')).status,
      ).toBe(422);
    }
  });
});

describe('the four kinds', () => {
  it('are listed by the library and the CLI', () => {
    expect(kinds().map((kind) => kind.kind)).toEqual(['lmn', 'prescription', 'prior-auth', 'appeal']);
    const listed = run(['kinds']).stdout.split('\n').filter(Boolean);
    expect(listed).toEqual([
      'lmn\tLetter of Medical Necessity\tinsurance, hsa-fsa',
      'prescription\tPrescription / referral\t',
      'prior-auth\tPrior-authorization request\t',
      'appeal\tAppeal of a denied claim\t',
    ]);
  });
});

describe('ICD-10-CM code sets', () => {
  it('loads one set per fiscal year and refuses unreadable files or two of the same year', async () => {
    expect((await loadIcd10cm(ICD10CM_FILES)).fiscalYears).toEqual([2026, 2027]);
    await expect(loadIcd10cm(['/nonexistent/icd10cm_codes_2027.txt'])).rejects.toThrow(
      CodeSetUnreadableError,
    );
    await expect(loadIcd10cm([ICD10CM_FILES[0]!, ICD10CM_FILES[0]!])).rejects.toThrow(/fiscal year 2026/);
  });

  it('are built in, and --icd10cm replaces a year for check and render', () => {
    const path = writeInput(appealWithUnknownCode());
    const without = run(['check', 'appeal', path]);
    expect(without.code).toBe(3);
    expect(without.stderr).toContain(
      'diagnoses.1.code: This is not a valid ICD-10-CM code for fiscal year 2027',
    );
    // A FY2027 file of our own that lists the code takes the place of the built-in list.
    const codes = join(mkdtempSync(join(tmpdir(), 'lmnkit-codes-')), 'icd10cm_codes_2027.txt');
    writeFileSync(codes, 'M5450\nM62830\nM62839\n');
    expect(run(['check', 'appeal', path, '--icd10cm', codes])).toMatchObject({ code: 0 });
    const output = join(dirname(codes), 'appeal.pdf');
    const rendered = run(['render', 'appeal', path, '-o', output, '--icd10cm', codes]);
    expect(rendered.code).toBe(0);
    expect(readFileSync(output).subarray(0, 5).toString()).toBe('%PDF-');
    const refused = run(['render', 'appeal', path, '-o', join(tmpdir(), 'never.pdf')]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('diagnoses.1.code: This is not a valid ICD-10-CM code');
  });

  it('are read from LMNKIT_ICD10CM, separated by the path delimiter', () => {
    const path = writeInput(appealWithUnknownCode());
    const result = run(['check', 'appeal', path, '--json'], {
      env: { LMNKIT_ICD10CM: ICD10CM_FILES.join(delimiter) },
    });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      findings: expect.arrayContaining([
        expect.objectContaining({ code: 'DIAGNOSIS_CODE_UNKNOWN', path: 'diagnoses.1.code' }),
      ]),
    });
  });

  it('exits 2 naming the file when a code set cannot be loaded', () => {
    const result = run([
      'check',
      'appeal',
      examplePath('appeal'),
      '--icd10cm',
      '/nonexistent/icd10cm_codes_2027.txt',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('/nonexistent/icd10cm_codes_2027.txt: file not found');
  });

  it('are passed by serve to every letter the service checks', async () => {
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, LMNKIT_ICD10CM: ICD10CM_FILES.join(delimiter) },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      // The service logs JSON lines on stdout; the first says where it listens.
      const url = await new Promise<string>((resolve, reject) => {
        let log = '';
        server.stdout.on('data', (chunk: Buffer) => {
          log += chunk.toString();
          const match = /"url":"(http:\/\/[^"]+)"/.exec(log);
          if (match?.[1]) resolve(match[1]);
        });
        server.once('exit', () => {
          reject(new Error('the server exited'));
        });
      });
      const response = await fetch(`${url}/v1/letters/appeal/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(appealWithUnknownCode()),
      });
      const report = (await response.json()) as { findings: { code: string }[] };
      expect(report.findings.map((finding) => finding.code)).toContain('DIAGNOSIS_CODE_UNKNOWN');
    } finally {
      server.kill('SIGTERM');
    }
  });
});
