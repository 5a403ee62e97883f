import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { kinds } from '../../src/index.js';
import { createApp } from '../../src/server/app.js';
import { readPracticeFile } from '../../src/server/practice.js';
import { loadExample } from '../support/pdf.js';

const app = createApp();

function expectProblem(response: request.Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

describe('web form', () => {
  it('serves the page with its script and stylesheet, and nothing inline', async () => {
    const page = await request(app).get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    // The page's CSP allows scripts and styles from the service only: no inline code at all.
    expect(page.text).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(page.text).not.toMatch(/\son[a-z]+=/i);
    expect(page.text).not.toMatch(/<style|\sstyle=/);
    const assets = [...page.text.matchAll(/(?:src|href)="(\/form\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toEqual(['/form/form.css', '/form/form.js']);
    const script = await request(app).get('/form/form.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    const style = await request(app).get('/form/form.css');
    expect(style.headers['content-type']).toMatch(/^text\/css/);
    expectProblem(await request(app).get('/form/missing.js'), 404);
  });

  it('gives each kind its schema and layout hints', async () => {
    for (const { kind, title } of kinds()) {
      const response = await request(app).get(`/v1/kinds/${kind}/form`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ kind, title, schema: { $schema: expect.any(String) } });
      expect(response.body.hints.sections.length).toBeGreaterThan(3);
    }
    const lmn = await request(app).get('/v1/kinds/lmn/form');
    expect(lmn.body.hints.patientMode).toEqual({ purpose: 'hsa-fsa' });
    expect(lmn.body.hints.fields['diagnoses.*.code']).toMatchObject({ widget: 'icd10cm' });
    expectProblem(await request(app).get('/v1/kinds/nope/form'), 404);
  });

  it('looks up ICD-10-CM codes by words or by code', async () => {
    const words = await request(app).get('/v1/icd10cm').query({ q: 'low back' });
    expect(words.status).toBe(200);
    expect(words.body[0]).toEqual({ code: 'M54.50', title: 'Low back pain, unspecified', billable: true });
    const codes = await request(app).get('/v1/icd10cm').query({ q: 'm54.4', limit: '2' });
    expect((codes.body as { code: string }[]).map((match) => match.code)).toEqual(['M54.40', 'M54.41']);
    expect((await request(app).get('/v1/icd10cm').query({ q: 'zzzz' })).body).toEqual([]);
    const everyday = await request(app).get('/v1/icd10cm').query({ q: 'neck pain' });
    expect((everyday.body as { code: string }[]).map((match) => match.code)).toContain('M54.2');
    const official = await request(app).get('/v1/icd10cm').query({ q: 'S83.511A', date: '2026-12-01' });
    expect(official.body).toEqual([{ code: 'S83.511A', title: '', billable: true }]);
  });

  it('refuses a look-up without words or with a bad limit', async () => {
    expectProblem(await request(app).get('/v1/icd10cm'), 400);
    expectProblem(await request(app).get('/v1/icd10cm?q=a&q=b'), 400);
    expectProblem(await request(app).get('/v1/icd10cm').query({ q: 'back', limit: '0' }), 400);
    expectProblem(await request(app).get('/v1/icd10cm').query({ q: 'back', limit: '51' }), 400);
  });

  it('lists the examples with their kinds and serves each one', async () => {
    const list = await request(app).get('/form/examples');
    const files = readdirSync(new URL('../../examples/', import.meta.url)).filter((file) =>
      file.endsWith('.json'),
    );
    expect(list.body).toHaveLength(files.length);
    expect(new Set((list.body as { kind: string }[]).map((example) => example.kind))).toEqual(
      new Set(kinds().map(({ kind }) => kind)),
    );
    expect(list.body).toContainEqual({ name: 'lmn-hsa-fsa', kind: 'lmn', purpose: 'hsa-fsa' });
    const example = await request(app).get('/form/examples/lmn-hsa-fsa');
    expect(example.headers['content-type']).toMatch(/^application\/json/);
    expect(example.body).toEqual(loadExample('lmn-hsa-fsa'));
    expectProblem(await request(app).get('/form/examples/nope'), 404);
    expectProblem(await request(app).get('/form/examples/..%2Fpackage'), 404);
  });

  it('ships the form in the package', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      files: string[];
    };
    // `src` ships whole (the source maps point into it), the form's files with it.
    expect(pkg.files).toEqual(expect.arrayContaining(['src', 'examples/*.json']));
  });
});

describe('practice file', () => {
  const PRACTICE = new URL('../../examples/practice/practice.json', import.meta.url);

  it('serves the practice the service was started with, and no content without one', async () => {
    const profile = readPracticeFile(fileURLToPath(PRACTICE));
    const response = await request(createApp({ practice: profile })).get('/v1/practice');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(JSON.parse(readFileSync(PRACTICE, 'utf8')));
    expect((await request(app).get('/v1/practice')).status).toBe(204);
  });

  it('refuses a practice file that cannot be read, is not JSON or has a wrong field, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lmnkit-practice-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ practice: { name: 'X' }, providers: [{ npi: '1234567890' }] }));
    const notJson = join(dir, 'not.json');
    writeFileSync(notJson, '{');
    expect(() => readPracticeFile(join(dir, 'missing.json'))).toThrow(
      '--practice / LMNKIT_PRACTICE: the file cannot be read',
    );
    expect(() => readPracticeFile(notJson)).toThrow('the file is not JSON');
    expect(() => readPracticeFile(bad)).toThrow(/providers\.0\.npi is not a valid NPI/);
    expect(() => readPracticeFile(bad)).toThrow(/practice\.address is required/);
  });
});

describe('drafts over HTTP', () => {
  const facts = {
    purpose: 'hsa-fsa',
    date: '2026-11-27',
    patient: { firstName: 'Liam', lastName: 'Nguyen', dateOfBirth: '1990-03-04' },
  };

  it('checks, previews and writes a draft with ?draft=true, and refuses a bad value of it', async () => {
    const checked = await request(app).post('/v1/letters/lmn/check?draft=true').send(facts);
    expect(checked.body).toMatchObject({ ok: true, issues: [] });
    const strict = await request(app).post('/v1/letters/lmn/check').send(facts);
    expect(strict.body.ok).toBe(false);
    const preview = await request(app).post('/v1/letters/lmn/preview?draft=1').send(facts);
    expect(preview.text).toContain('[provider&#39;s NPI]');
    const pdf = await request(app).post('/v1/letters/lmn?draft=true').send(facts);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expectProblem(await request(app).post('/v1/letters/lmn/check?draft=maybe').send(facts), 400);
  });
});
