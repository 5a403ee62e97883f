// HTTP conventions clients expect (issue 12 §5) and the body and caching defects of issue 11.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { PROBLEM_TYPES } from '../../src/server/problem.js';
import { expectProblem, parseBinary } from '../support/http.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const app = createApp({ letterOptions: { today: TODAY } });
const letter = () => loadExample('lmn-insurance');

describe('methods', () => {
  it.each([
    ['/healthz', 'POST', 'GET, HEAD, OPTIONS'],
    ['/openapi.json', 'DELETE', 'GET, HEAD, OPTIONS'],
    ['/v1/kinds', 'POST', 'GET, HEAD, OPTIONS'],
    ['/v1/kinds/lmn/schema', 'PUT', 'GET, HEAD, OPTIONS'],
    ['/v1/letters/lmn', 'GET', 'POST, OPTIONS'],
    ['/v1/letters/lmn/check', 'GET', 'POST, OPTIONS'],
    ['/v1/letters/lmn/preview', 'DELETE', 'POST, OPTIONS'],
    ['/v1/icd10cm', 'POST', 'GET, HEAD, OPTIONS'],
    ['/', 'POST', 'GET, HEAD, OPTIONS'],
  ])('%s answers %s with 405 and Allow', async (path, method, allow) => {
    const response = await request(app)[method.toLowerCase() as 'get'](path);
    expectProblem(response, 405);
    expect(response.body.type).toBe('/problems/method-not-allowed');
    expect(response.headers.allow).toBe(allow);
    const options = await request(app).options(path);
    expect([options.status, options.headers.allow]).toEqual([204, allow]);
  });
});

describe('content negotiation', () => {
  it('writes the PDF by default and for Accept that allows it', async () => {
    for (const accept of [undefined, 'application/pdf', '*/*', 'application/*;q=0.5, text/html']) {
      const sent = request(app).post('/v1/letters/lmn').send(letter());
      const response = await (accept === undefined ? sent : sent.set('Accept', accept))
        .buffer(true)
        .parse(parseBinary);
      expect([accept, response.status, response.headers['content-type']]).toEqual([
        accept,
        200,
        'application/pdf',
      ]);
    }
  });

  it.each([
    ['/v1/letters/lmn', 'text/html'],
    ['/v1/letters/lmn', 'application/json'],
    ['/v1/letters/lmn/check', 'application/pdf'],
    ['/v1/letters/lmn/preview', 'application/pdf'],
  ])('%s answers Accept: %s with 406', async (path, accept) => {
    const response = await request(app).post(path).set('Accept', accept).send(letter());
    expectProblem(response, 406);
    expect(response.body.type).toBe('/problems/not-acceptable');
  });
});

describe('caching', () => {
  it('marks letters, previews, check reports and problems no-store', async () => {
    const invalid = { ...letter(), patient: {} };
    const answers = await Promise.all([
      request(app).post('/v1/letters/lmn').send(letter()),
      request(app).post('/v1/letters/lmn/preview').send(letter()),
      request(app).post('/v1/letters/lmn/check').send(letter()),
      request(app).post('/v1/letters/lmn').send(invalid),
      request(app).post('/v1/letters/lmn/preview').send(invalid),
      request(app).post('/v1/letters/lmn').type('json').send('{"patient": '),
      request(app).get('/v1/letters/lmn'),
    ]);
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 422, 422, 400, 405]);
    for (const response of answers) expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('query parameters', () => {
  it.each(['yes', 'TRUE', '', 'true&force=false'])('refuses ?force=%s with 400', async (value) => {
    const response = await request(app).post(`/v1/letters/lmn?force=${value}`).send(letter());
    expectProblem(response, 400);
    expect(response.body.type).toBe('/problems/invalid-query');
    expect(response.body.detail).toMatch(/force/);
  });

  it.each(['true', '1', 'false', '0'])('accepts ?force=%s', async (value) => {
    const response = await request(app).post(`/v1/letters/lmn?force=${value}`).send(letter());
    expect(response.status).toBe(200);
  });
});

/** Sends bytes as they are (supertest would serialise a Buffer as JSON) to the app on a loopback port. */
async function postBytes(path: string, body: Buffer, contentType = 'application/json') {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: new Uint8Array(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get('content-type') ?? '', bytes };
  } finally {
    server.close();
  }
}

describe('text encoding of the body', () => {
  const json = Buffer.from(JSON.stringify(letter()), 'utf8');

  it('refuses invalid UTF-8 as a malformed body, never printing U+FFFD', async () => {
    // "Ma\xC3\x28ria": a broken two-byte sequence in the patient's first name.
    const broken = Buffer.from(JSON.stringify(letter()).replace('"Maria"', '"Ma@@ria"'), 'utf8');
    const at = broken.indexOf('@@');
    broken[at] = 0xc3;
    broken[at + 1] = 0x28;
    for (const route of ['', '/check', '/preview']) {
      const response = await postBytes(`/v1/letters/lmn${route}`, broken);
      expect([response.status, response.type]).toEqual([400, 'application/problem+json; charset=utf-8']);
      expect(JSON.parse(response.bytes.toString('utf8'))).toMatchObject({
        type: '/problems/malformed-body',
        detail: 'The request body is not valid UTF-8.',
      });
    }
  });

  it('accepts a UTF-8 byte-order mark', async () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]);
    const response = await postBytes('/v1/letters/lmn', withBom);
    expect(response.status).toBe(200);
    expect((await readPdf(response.bytes)).text).toContain('Maria Delgado-Reyes');
  });

  it('refuses a charset other than UTF-8 with 415', async () => {
    const utf16 = Buffer.from(JSON.stringify(letter()), 'utf16le');
    const response = await postBytes('/v1/letters/lmn/check', utf16, 'application/json; charset=utf-16le');
    expect(response.status).toBe(415);
  });
});

describe('problem types', () => {
  it('documents every type at the URI it names', async () => {
    const listed = await request(app).get('/problems');
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(Object.keys(PROBLEM_TYPES).length);
    for (const entry of listed.body as { type: string; status: number }[]) {
      const one = await request(app).get(entry.type);
      expect(one.body).toEqual(entry);
      expect(entry).toMatchObject({ status: expect.any(Number), title: expect.any(String) });
    }
    expectProblem(await request(app).get('/problems/nope'), 404);
  });

  it('names the kind of each problem', async () => {
    const invalid = await request(app)
      .post('/v1/letters/lmn')
      .send({ ...letter(), patient: {} });
    expect(invalid.body.type).toBe('/problems/invalid-input');
    const unknown = await request(app).post('/v1/letters/nope').send(letter());
    expect(unknown.body.type).toBe('/problems/unknown-kind');
    const missing = await request(app).get('/nope');
    expect(missing.body.type).toBe('/problems/not-found');
    const notJson = await request(app).post('/v1/letters/lmn').type('text').send('x');
    expect(notJson.body.type).toBe('/problems/unsupported-media-type');
  });
});
