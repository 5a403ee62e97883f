import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const app = createApp({ letterOptions: { today: TODAY } });

function expectProblem(response: request.Response, status: number) {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    type: expect.stringMatching(/^\/problems\/[a-z-]+$/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
}

describe('HTTP API', () => {
  it('answers health and lists kinds and schemas', async () => {
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok' });
    expect((await request(app).get('/v1/kinds')).body).toEqual([
      { kind: 'lmn', title: 'Letter of Medical Necessity', purposes: ['insurance', 'hsa-fsa'] },
      { kind: 'prescription', title: 'Prescription / referral', purposes: [] },
      { kind: 'prior-auth', title: 'Prior-authorization request', purposes: [] },
      { kind: 'appeal', title: 'Appeal of a denied claim', purposes: [] },
    ]);
    const schema = await request(app).get('/v1/kinds/lmn/schema');
    expect(schema.status).toBe(200);
    expect(schema.body).toHaveProperty('$schema');
  });

  it('returns the PDF for a valid letter', async () => {
    const response = await request(app)
      .post('/v1/letters/lmn')
      .send(loadExample('lmn-hsa-fsa'))
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { text } = await readPdf(response.body as Buffer);
    expect(text).toContain('Liam Nguyen');
  });

  it('summarises findings in a header', async () => {
    const input = loadExample('lmn-insurance');
    input.clinical.priorTreatments = [];
    const response = await request(app).post('/v1/letters/lmn').send(input);
    expect(response.status).toBe(200);
    expect(response.headers['lmnkit-findings']).toBe(
      'NO_PRIOR_TREATMENT;level=info;path=clinical.priorTreatments',
    );
  });

  it('checks and previews', async () => {
    const checked = await request(app).post('/v1/letters/lmn/check').send(loadExample('lmn-insurance'));
    expect(checked.body).toEqual({ ok: true, issues: [], findings: [] });
    const previewed = await request(app).post('/v1/letters/lmn/preview').send(loadExample('lmn-insurance'));
    expect(previewed.status).toBe(200);
    expect(previewed.headers['content-type']).toMatch(/^text\/html/);
    expect(previewed.text).toContain('Maria Delgado-Reyes');
  });

  it('answers 422 with every issue for invalid input', async () => {
    const input = loadExample('lmn-insurance');
    input.provider.npi = '1234567890';
    input.diagnoses[0].code = '??';
    const response = await request(app).post('/v1/letters/lmn').send(input);
    expectProblem(response, 422);
    expect(response.body.issues).toEqual([
      { path: 'provider.npi', code: 'INVALID_NPI', message: expect.any(String) },
      { path: 'diagnoses.0.code', code: 'INVALID_ICD10CM', message: expect.any(String) },
    ]);
    const checked = await request(app).post('/v1/letters/lmn/check').send(input);
    expect(checked.status).toBe(200);
    expect(checked.body.ok).toBe(false);
  });

  it('answers 422 for blocking findings, and 200 with ?force=true', async () => {
    const input = loadExample('lmn-hsa-fsa');
    input.treatment.duration = { months: 13 };
    const blocked = await request(app).post('/v1/letters/lmn').send(input);
    expectProblem(blocked, 422);
    expect(blocked.body.issues).toEqual([
      { path: 'treatment.duration', code: 'HSA_FSA_DURATION_OVER_12_MONTHS', message: expect.any(String) },
      // HealthEquity, the example's administrator, counts its 12 months from the letter date.
      { path: 'treatment.duration', code: 'ADMINISTRATOR_DURATION_TOO_LONG', message: expect.any(String) },
    ]);
    expect((await request(app).post('/v1/letters/lmn?force=true').send(input)).status).toBe(200);
  });

  it('answers 400 for malformed JSON', async () => {
    const response = await request(app)
      .post('/v1/letters/lmn')
      .set('Content-Type', 'application/json')
      .send('{"date": ');
    expectProblem(response, 400);
  });

  it('answers 404 for an unknown kind or route', async () => {
    expectProblem(await request(app).post('/v1/letters/nope').send({}), 404);
    expectProblem(await request(app).get('/v1/kinds/nope/schema'), 404);
    expectProblem(await request(app).get('/nowhere'), 404);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const input = loadExample('lmn-insurance');
    input.clinical.history = 'x'.repeat(1_100_000);
    expectProblem(await request(app).post('/v1/letters/lmn').send(input), 413);
  });

  it('answers 415 for a body that is not JSON', async () => {
    expectProblem(
      await request(app).post('/v1/letters/lmn').set('Content-Type', 'text/plain').send('hello'),
      415,
    );
    expectProblem(await request(app).post('/v1/letters/lmn/check').type('form').send({ a: 1 }), 415);
  });

  it('keeps field values out of error bodies', async () => {
    const canary = 'Qqcanary9917';
    const input = loadExample('lmn-insurance');
    input.patient.lastName = `${canary}\u0007`;
    input.provider.npi = canary;
    const response = await request(app).post('/v1/letters/lmn').send(input);
    expect(response.status).toBe(422);
    expect(response.text).not.toContain(canary);
  });
});
