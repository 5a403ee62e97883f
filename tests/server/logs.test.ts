import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createLogger } from '../../src/server/logger.js';
import type { Renderer } from '../../src/server/render-pool.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';
import { startBuiltServer } from '../support/server.js';

const CANARY = 'Qqcanary9917';
const KEY = 'service-key-5531';

function withCanary(name = 'lmn-insurance'): Record<string, any> {
  const input = loadExample(name);
  input.patient.lastName = CANARY;
  input.clinical.history = `${CANARY} reports low back pain.`;
  return input;
}

interface Sent {
  path: string;
  body: string;
  type?: string;
  key?: string;
  expected: number;
  /** The route pattern logged: never the path itself. */
  route: string | null;
}

describe('logs and error bodies never carry field values', () => {
  it('from the built server, for letters written and refused', async () => {
    const server = await startBuiltServer(['--threads', '2'], { LMNKIT_API_KEYS: `${KEY},${CANARY}-key` });
    const invalid = withCanary();
    invalid.provider.npi = CANARY;
    invalid.patient.firstName = `${CANARY}\u0007`;
    const blocked = withCanary('lmn-hsa-fsa');
    blocked.treatment.duration = { months: 13 };
    const letter = JSON.stringify(withCanary());
    const sent: Sent[] = [
      { path: '/v1/letters/lmn', body: letter, expected: 200, route: '/v1/letters/:kind' },
      {
        // A malformed ?force= is refused (400) without echoing it.
        path: `/v1/letters/lmn?force=${CANARY}&note=${CANARY}`,
        body: letter,
        expected: 400,
        route: '/v1/letters/:kind',
      },
      { path: '/v1/letters/lmn/preview', body: letter, expected: 200, route: '/v1/letters/:kind/preview' },
      {
        path: '/v1/letters/lmn/check',
        body: JSON.stringify(invalid),
        expected: 200,
        route: '/v1/letters/:kind/check',
      },
      { path: '/v1/letters/lmn', body: JSON.stringify(invalid), expected: 422, route: '/v1/letters/:kind' },
      {
        path: '/v1/letters/lmn/preview',
        body: JSON.stringify(invalid),
        expected: 422,
        route: '/v1/letters/:kind/preview',
      },
      { path: '/v1/letters/lmn', body: JSON.stringify(blocked), expected: 422, route: '/v1/letters/:kind' },
      { path: `/v1/letters/${CANARY}`, body: letter, expected: 404, route: '/v1/letters/:kind' },
      { path: `/v1/${CANARY}`, body: letter, expected: 404, route: null },
      {
        path: '/v1/letters/lmn',
        body: `{"patient": {"lastName": "${CANARY}"`,
        expected: 400,
        route: '/v1/letters/:kind',
      },
      {
        path: '/v1/letters/lmn',
        body: `{"x": "${CANARY.repeat(90_000)}"}`,
        expected: 413,
        route: '/v1/letters/:kind',
      },
      {
        path: '/v1/letters/lmn',
        body: `lastName=${CANARY}`,
        type: 'text/plain',
        expected: 415,
        route: '/v1/letters/:kind',
      },
      { path: '/v1/letters/lmn', body: letter, key: CANARY, expected: 401, route: null },
      {
        path: '/v1/letters/lmn',
        body: `${'['.repeat(100)}"${CANARY}"${']'.repeat(100)}`,
        expected: 422,
        route: '/v1/letters/:kind',
      },
    ];
    let pdfText = '';
    for (const { path, body, type = 'application/json', key = KEY, expected } of sent) {
      const response = await fetch(server.url + path, {
        method: 'POST',
        headers: { 'Content-Type': type, Authorization: `Bearer ${key}` },
        body,
      });
      expect([path, response.status]).toEqual([path, expected]);
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (response.headers.get('content-type') === 'application/pdf') pdfText += (await readPdf(bytes)).text;
      else if (response.status >= 400) expect(Buffer.from(bytes).toString('utf8')).not.toContain(CANARY);
    }
    server.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    expect(pdfText).toContain(CANARY);
    const requests = server.logs().filter((line) => line.msg === 'request');
    expect(requests.map(({ status, route }) => [status, route])).toEqual(
      sent.map(({ expected, route }) => [expected, route]),
    );
    for (const line of requests) {
      expect(line).toMatchObject({
        level: 'info',
        reqId: expect.any(String),
        method: 'POST',
        ms: expect.any(Number),
        bytes: expect.any(Number),
      });
    }
    expect(server.output()).not.toContain(CANARY);
    expect(server.output()).not.toContain(KEY);
  });

  it('from defects: the line names the error, never its message', async () => {
    const lines: string[] = [];
    const captured = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString('utf8'));
        callback();
      },
    });
    const fail = () => {
      const cause = new RangeError(`offset out of range for "${CANARY}"`);
      return Promise.reject(new TypeError(`Cannot read ${CANARY}`, { cause }));
    };
    const renderer: Renderer = { generate: fail, preview: fail, close: () => Promise.resolve() };
    const app = createApp({ letterOptions: { today: TODAY }, renderer, logger: createLogger(captured) });

    const response = await request(app)
      .post('/v1/letters/lmn')
      .set('X-Request-Id', 'defect-1')
      .send(withCanary());
    expect(response.status).toBe(500);
    expect(response.text).not.toContain(CANARY);

    const entries = lines.map((line) => JSON.parse(line) as Record<string, any>);
    const defect = entries.find((entry) => entry.msg === 'defect');
    expect(defect).toMatchObject({
      level: 'error',
      reqId: 'defect-1',
      error: { name: 'TypeError', cause: { name: 'RangeError' } },
    });
    expect(defect?.error.frames).toEqual(
      expect.arrayContaining([expect.stringContaining('tests/server/logs.test.ts')]),
    );
    expect(entries.find((entry) => entry.msg === 'request')).toMatchObject({
      status: 500,
      reqId: 'defect-1',
    });
    expect(lines.join('')).not.toContain(CANARY);
  });
});
