// FHIR bodies on the letter routes of the built service, on a loopback port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../support/pdf.js';
import { startBuiltServer, type BuiltServer } from '../support/server.js';
import { exampleCase, firstOfType, KINDS, pathOf, resourceIn, type Json } from './support.js';

const CANARY = 'Zqhttpcanary';
let server: BuiltServer;

beforeAll(async () => {
  server = await startBuiltServer(['--threads', '1']);
});

afterAll(async () => {
  server.kill('SIGTERM');
  await server.exited;
});

function post(path: string, type: string, body: unknown, accept?: string) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': type, ...(accept !== undefined && { Accept: accept }) },
    body: JSON.stringify(body),
  });
}

const envelope = (kind: string) => {
  const { bundle, overlay } = exampleCase(kind);
  return { bundle, overlay };
};
const ENVELOPE = 'application/vnd.lmnkit.fhir+json';
const BUNDLE = 'application/fhir+json';

describe('POST /v1/letters/:kind with a FHIR body', () => {
  it.each(KINDS)('%s: the letter from {bundle, overlay}', async (kind) => {
    const body = envelope(kind);
    const response = await post(`/v1/letters/${kind}`, ENVELOPE, body);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const { text } = await readPdf(new Uint8Array(await response.arrayBuffer()));
    const patient = firstOfType(body.bundle, 'Patient');
    expect(text).toContain(`${patient.name[0].given[0]} ${patient.name[0].family}`);
  });

  it('previews from {bundle, overlay}', async () => {
    const response = await post('/v1/letters/appeal/preview', ENVELOPE, envelope('appeal'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('UH26-3318-70452');
  });

  it('checks a bare Bundle: what the overlay must give, and what could not be mapped', async () => {
    const { bundle } = exampleCase('prescription');
    const response = await post('/v1/letters/prescription/check', BUNDLE, bundle, 'application/json');
    expect(response.status).toBe(200);
    const report = (await response.json()) as Json;
    expect(report.ok).toBe(false);
    expect(report.issues).toContainEqual({ path: 'overlay.date', code: 'REQUIRED', message: 'is required' });
    expect(report.unmapped).toEqual([
      {
        path: 'Bundle.entry[0].resource(Composition/b2e4-composition)',
        reason: 'is a resource type lmnkit does not read',
      },
    ]);
  });

  it('checks {bundle, overlay}: ok', async () => {
    const response = await post('/v1/letters/lmn/check', ENVELOPE, envelope('lmn'));
    expect(await response.json()).toEqual({ ok: true, issues: [], findings: [], unmapped: [] });
  });

  it('answers a bad value with 422 and its Bundle path', async () => {
    const body = envelope('lmn');
    resourceIn(body.bundle, 'a1f3-condition-1').code.coding[0].code = 'M5';
    const response = await post('/v1/letters/lmn', ENVELOPE, body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      type: '/problems/invalid-input',
      issues: [
        {
          path: `${pathOf(body.bundle, 'a1f3-condition-1')}.code.coding[0].code`,
          code: 'INVALID_ICD10CM',
          message: 'must be an ICD-10-CM code such as M54.50 (field diagnoses.0.code)',
        },
      ],
    });
  });

  it('answers an ambiguous Bundle with 422 naming the candidates', async () => {
    const { bundle } = exampleCase('appeal');
    (bundle.entry as Json[]).push({ resource: { ...firstOfType(bundle, 'Patient'), id: 'twin' } });
    const response = await post('/v1/letters/appeal/preview', BUNDLE, bundle);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as Json;
    expect(problem.issues).toEqual([
      expect.objectContaining({
        path: 'Bundle',
        code: 'FHIR_AMBIGUOUS',
        message: expect.stringContaining(
          `${pathOf(bundle, 'd4c6-patient')}, ${pathOf(bundle, 'twin')}`,
        ) as string,
      }),
    ]);
  });

  it('answers blocking findings with 422 at their Bundle path', async () => {
    const body = envelope('lmn');
    body.overlay.purpose = 'hsa-fsa';
    delete body.overlay.recipient;
    const order = resourceIn(body.bundle, 'a1f3-order');
    order.occurrenceTiming.repeat.boundsDuration = { value: 13, unit: 'months', code: 'mo' };
    const response = await post('/v1/letters/lmn', ENVELOPE, body);
    expect(response.status).toBe(422);
    expect(((await response.json()) as Json).issues).toEqual([
      expect.objectContaining({
        path: `${pathOf(body.bundle, 'a1f3-order')}.occurrenceTiming.repeat.boundsDuration.value`,
        code: 'HSA_FSA_DURATION_OVER_12_MONTHS',
      }),
    ]);
  });

  it('refuses an envelope member it does not know (422)', async () => {
    const response = await post('/v1/letters/lmn', ENVELOPE, { ...envelope('lmn'), extra: {} });
    expect(response.status).toBe(422);
    expect(((await response.json()) as Json).issues).toEqual([
      expect.objectContaining({ path: 'extra', code: 'FHIR_INVALID_ENVELOPE' }),
    ]);
  });

  it('keeps patient data out of logs and problem bodies', async () => {
    const body = envelope('appeal');
    const patient = resourceIn(body.bundle, 'd4c6-patient');
    patient.name[0].family = `${CANARY}\u202E`;
    patient.birthDate = CANARY;
    resourceIn(body.bundle, 'd4c6-practitioner').identifier[0].value = CANARY;
    const twins = exampleCase('appeal').bundle;
    (twins.entry as Json[]).push({ resource: { ...patient, id: 'twin' } });
    const answers = await Promise.all([
      post('/v1/letters/appeal', ENVELOPE, body),
      post('/v1/letters/appeal/check', ENVELOPE, body),
      post('/v1/letters/appeal', BUNDLE, twins),
    ]);
    const texts = await Promise.all(answers.map((response) => response.text()));
    expect(answers.map((response) => response.status)).toEqual([422, 200, 422]);
    expect(texts.join('\n')).not.toContain(CANARY);
    expect(server.output()).not.toContain(CANARY);
  });
});
