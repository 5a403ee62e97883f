import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { BroadcastChannel } from 'node:worker_threads';
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createRenderPool, type RenderPoolOptions } from '../../src/server/render-pool.js';
import { expectProblem, parseBinary } from '../support/http.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const HELD_WORKER = new URL('../support/held-render-worker.mjs', import.meta.url);
const letter = () => loadExample('lmn-insurance');
const WAIT = { timeout: 10_000 };

describe('API keys', () => {
  const app = createApp({ letterOptions: { today: TODAY }, apiKeys: ['key-one', 'key-two'] });

  it.each([
    ['no key', {}],
    ['a wrong bearer key', { Authorization: 'Bearer key-three' }],
    ['a wrong X-API-Key', { 'X-API-Key': 'key-on' }],
    ['a key in another scheme', { Authorization: 'Basic key-one' }],
  ])('answers 401 problem+json with %s', async (_name, headers: Record<string, string>) => {
    const letterResponse = await request(app).post('/v1/letters/lmn').set(headers).send(letter());
    expectProblem(letterResponse, 401);
    expect(letterResponse.headers['www-authenticate']).toBe('Bearer realm="lmnkit"');
    expectProblem(await request(app).get('/v1/kinds').set(headers), 401);
    expectProblem(await request(app).post('/v1/letters/nope/check').set(headers).send({}), 401);
  });

  it('accepts every configured key, as a bearer token or in X-API-Key', async () => {
    const asBearer = await request(app)
      .post('/v1/letters/lmn')
      .set('Authorization', 'Bearer key-two')
      .send(letter())
      .buffer(true)
      .parse(parseBinary);
    expect(asBearer.status).toBe(200);
    expect((await readPdf(asBearer.body as Buffer)).text).toContain('Maria Delgado-Reyes');
    const checked = await request(app)
      .post('/v1/letters/lmn/check')
      .set('X-API-Key', 'key-one')
      .send(letter());
    expect(checked.body).toMatchObject({ ok: true });
  });

  it('leaves health, the OpenAPI document and the web form open', async () => {
    expect((await request(app).get('/healthz')).status).toBe(200);
    expect((await request(app).get('/openapi.json')).status).toBe(200);
    expect((await request(app).get('/')).status).toBe(200);
  });

  it('is off when no key is configured', async () => {
    expect((await request(createApp()).get('/v1/kinds')).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends helmet headers with a CSP that allows only same-origin scripts', async () => {
    const response = await request(createApp()).get('/healthz');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(response.headers).not.toHaveProperty('x-powered-by');
  });
});

describe('CORS', () => {
  const origin = 'https://ehr.example.org';

  it('sends no CORS headers unless origins are configured', async () => {
    const app = createApp();
    const simple = await request(app).get('/v1/kinds').set('Origin', origin);
    expect(simple.headers).not.toHaveProperty('access-control-allow-origin');
    const preflight = await request(app)
      .options('/v1/letters/lmn')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers).not.toHaveProperty('access-control-allow-origin');
    expect(preflight.headers).not.toHaveProperty('access-control-allow-headers');
  });

  it('allows the configured origins only, and answers their preflights without a key', async () => {
    const app = createApp({ letterOptions: { today: TODAY }, corsOrigins: [origin], apiKeys: ['key-one'] });
    const preflight = await request(app)
      .options('/v1/letters/lmn')
      .set('Origin', origin)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(origin);
    expect(preflight.headers['access-control-allow-headers']).toContain('Authorization');
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');

    const checked = await request(app)
      .post('/v1/letters/lmn/check')
      .set('Origin', origin)
      .set('X-API-Key', 'key-one')
      .send(letter());
    expect(checked.status).toBe(200);
    expect(checked.headers['access-control-allow-origin']).toBe(origin);
    expect(checked.headers['access-control-expose-headers']).toContain('Lmnkit-Findings');

    const elsewhere = await request(app).get('/healthz').set('Origin', 'https://evil.example.com');
    expect(elsewhere.headers).not.toHaveProperty('access-control-allow-origin');
  });
});

describe('request ids and timing', () => {
  const app = createApp({ letterOptions: { today: TODAY } });

  it('echoes a sane X-Request-Id and replaces anything else with a UUID', async () => {
    const sane = await request(app).get('/healthz').set('X-Request-Id', 'ehr-42.a:b_c');
    expect(sane.headers['x-request-id']).toBe('ehr-42.a:b_c');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect((await request(app).get('/healthz')).headers['x-request-id']).toMatch(uuid);
    for (const insane of ['two words', 'x'.repeat(129), '<script>'])
      expect(
        (await request(app).get('/healthz').set('X-Request-Id', insane)).headers['x-request-id'],
      ).toMatch(uuid);
  });

  it('sends Server-Timing with the render time', async () => {
    const timing = /^render;dur=\d+\.\d$/;
    const generated = await request(app).post('/v1/letters/lmn').send(letter());
    expect(generated.headers['server-timing']).toMatch(timing);
    const previewed = await request(app).post('/v1/letters/lmn/preview').send(letter());
    expect(previewed.headers['server-timing']).toMatch(timing);
    const checked = await request(app).post('/v1/letters/lmn/check').send(letter());
    expect(checked.headers['server-timing']).toMatch(/^check;dur=\d+\.\d$/);
  });

  it('answers 422 for input nested deeper than any letter', async () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const body = JSON.stringify({ ...letter(), clinical: 'DEEP' }).replace('"DEEP"', deep);
    const response = await request(app).post('/v1/letters/lmn').type('json').send(body);
    expectProblem(response, 422);
    expect(response.body.issues).toEqual([
      { path: '', code: 'NESTED_TOO_DEEPLY', message: 'is nested more than 32 levels deep' },
    ]);
  });
});

describe('the render pool', () => {
  let pool: ReturnType<typeof createRenderPool> | undefined;
  let channel: BroadcastChannel | undefined;
  afterEach(async () => {
    channel?.close();
    await pool?.close();
    pool = channel = undefined;
  });

  function startPool(options: Partial<RenderPoolOptions> = {}) {
    pool = createRenderPool({ threads: 1, queue: 0, timeoutMs: 30_000, today: TODAY, ...options });
    return { pool, app: createApp({ letterOptions: { today: TODAY }, renderer: pool }) };
  }

  /** Letters held by the held worker: each announces itself, none renders before release(). */
  function holdLetters() {
    channel = new BroadcastChannel('lmnkit-held-render');
    const held: (() => void)[] = [];
    channel.onmessage = (event) => {
      if ((event as { data?: unknown }).data === 'held') held.shift()?.();
    };
    return {
      nextHeld: () => new Promise<void>((resolve) => held.push(resolve)),
      release: () => channel?.postMessage('release'),
    };
  }

  it('renders in a worker thread with the same answers as in process', async () => {
    const { app } = startPool({ threads: 2, queue: 4 });
    const response = await request(app)
      .post('/v1/letters/lmn')
      .send(letter())
      .buffer(true)
      .parse(parseBinary);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['server-timing']).toMatch(/^render;dur=/);
    expect((await readPdf(response.body as Buffer)).text).toContain('Maria Delgado-Reyes');

    const inProcess = createApp({ letterOptions: { today: TODAY } });
    const invalid = { ...letter(), provider: { ...letter().provider, npi: '1234567890' } };
    const blocked = loadExample('lmn-hsa-fsa');
    blocked.treatment.duration = { months: 13 };
    for (const [path, body, status] of [
      ['/v1/letters/lmn', invalid, 422],
      ['/v1/letters/lmn', blocked, 422],
      ['/v1/letters/lmn/preview', invalid, 422],
      ['/v1/letters/nope', letter(), 404],
    ] as const) {
      const fromPool = await request(app).post(path).send(body);
      expectProblem(fromPool, status);
      expect(fromPool.body).toEqual((await request(inProcess).post(path).send(body)).body);
    }
  });

  it.each([0, 1])(
    'answers 503 problem+json with Retry-After when the one thread is busy and the queue (%i) is full',
    async (queue) => {
      const { pool, app } = startPool({ queue, workerFile: HELD_WORKER });
      const { nextHeld, release } = holdLetters();
      const held = nextHeld();
      const admitted = Array.from({ length: queue + 1 }, () =>
        request(app)
          .post('/v1/letters/lmn')
          .send(letter())
          .then((response) => response),
      );
      await held;
      await vi.waitFor(() => expect(pool.pending).toBe(queue + 1), WAIT);

      const refused = await request(app).post('/v1/letters/lmn').send(letter());
      expectProblem(refused, 503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.body.code).toBe('QUEUE_FULL');
      expectProblem(await request(app).post('/v1/letters/lmn/preview').send(letter()), 503);

      release();
      for (const response of await Promise.all(admitted)) expect(response.status).toBe(200);
    },
  );

  it('frees a queued place when its client goes away', async () => {
    const { pool, app } = startPool({ queue: 1, workerFile: HELD_WORKER });
    const { nextHeld, release } = holdLetters();
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/letters/lmn`;
    const post = (signal?: AbortSignal) =>
      fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(letter()),
        ...(signal && { signal }),
      });

    const held = nextHeld();
    const first = post();
    await held;
    const leaving = new AbortController();
    const second = post(leaving.signal).catch(() => 'gone');
    await vi.waitFor(() => expect(pool.pending).toBe(2), WAIT);
    leaving.abort();
    await vi.waitFor(() => expect(pool.pending).toBe(1), WAIT);
    const third = post();
    await vi.waitFor(() => expect(pool.pending).toBe(2), WAIT);

    release();
    expect((await first).status).toBe(200);
    expect((await third).status).toBe(200);
    expect(await second).toBe('gone');
    server.close();
  });

  it('answers 503 with Retry-After when a letter is not ready in time', async () => {
    const { pool, app } = startPool({ timeoutMs: 300, workerFile: HELD_WORKER });
    const response = await request(app).post('/v1/letters/lmn').send(letter());
    expectProblem(response, 503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.body.code).toBe('RENDER_TIMEOUT');
    expect(pool.pending).toBe(0);
  });
});
