// Issue 11: inputs that once froze the server, crashed a render thread or passed check and failed
// the PDF; load shed before the body is read; a render thread lost mid-letter.
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BroadcastChannel } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createRenderPool, type RenderPool } from '../../src/server/render-pool.js';
import { CRAFTED_JPEGS, CRAFTED_PNGS, ihdr, png, pngChunk, rgbaPng } from '../support/crafted-images.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';
import { deflateSync } from 'node:zlib';

const HELD_WORKER = new URL('../support/held-render-worker.mjs', import.meta.url);
const DYING_WORKER = new URL('../support/dying-render-worker.mjs', import.meta.url);

async function listen(app: ReturnType<typeof createApp>): Promise<{ server: Server; url: string }> {
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function withLogo(logo: Buffer): unknown {
  const input = loadExample('lmn-insurance');
  input.provider.practice.logo = logo.toString('base64');
  return input;
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  });
}

/** /healthz must answer within a second: nothing a client sent may hold the event loop. */
async function expectHealthy(url: string): Promise<void> {
  const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
  expect(response.status).toBe(200);
}

describe('crafted images over HTTP, in process and through the pool', () => {
  let pool: RenderPool;
  const servers: Server[] = [];
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    pool = createRenderPool({ threads: 1, queue: 4, timeoutMs: 30_000, today: TODAY });
    const inProcess = await listen(createApp({ letterOptions: { today: TODAY } }));
    const pooled = await listen(createApp({ letterOptions: { today: TODAY }, renderer: pool }));
    servers.push(inProcess.server, pooled.server);
    urls['in process'] = inProcess.url;
    urls.pooled = pooled.url;
  });

  afterAll(async () => {
    for (const server of servers) server.close();
    await pool.close();
  });

  const crafted = Object.entries({ ...CRAFTED_PNGS, ...CRAFTED_JPEGS });
  it.each(crafted)(
    '%s: 422 INVALID_IMAGE on check, preview and PDF, and /healthz still answers',
    async (_name, logo) => {
      for (const url of Object.values(urls)) {
        const check = await post(`${url}/v1/letters/lmn/check`, withLogo(logo));
        expect(check.status).toBe(200);
        const report = (await check.json()) as { ok: boolean; issues: { path: string; code: string }[] };
        expect(report.ok).toBe(false);
        expect(report.issues).toContainEqual(
          expect.objectContaining({ path: 'provider.practice.logo', code: 'INVALID_IMAGE' }),
        );
        for (const route of ['', '/preview']) {
          const response = await post(
            `${url}/v1/letters/lmn${route}?force=true`.replace('/preview?force=true', '/preview'),
            withLogo(logo),
          );
          expect(response.status).toBe(422);
          const problem = (await response.json()) as { issues: { path: string; code: string }[] };
          expect(problem.issues).toEqual([
            expect.objectContaining({ path: 'provider.practice.logo', code: 'INVALID_IMAGE' }),
          ]);
        }
        await expectHealthy(url);
      }
    },
  );

  it('renders sound images that pdfkit decodes itself (alpha, indexed transparency, interlaced)', async () => {
    const indexed = png(
      ihdr(2, 1, 8, 3),
      pngChunk('PLTE', Buffer.from([255, 0, 0, 0, 0, 255])),
      pngChunk('tRNS', Buffer.from([0])),
      pngChunk('IDAT', deflateSync(Buffer.from([0, 0, 1]))),
      pngChunk('IEND'),
    );
    const interlaced = png(
      ihdr(5, 3, 8, 6, 1),
      pngChunk('IDAT', deflateSync(Buffer.alloc(67))),
      pngChunk('IEND'),
    );
    // 2000×2000 RGBA is the largest square the limits take (16 MB decoded): it renders within the thread's heap limits.
    for (const logo of [rgbaPng(40, 20), indexed, interlaced, rgbaPng(2000, 2000)]) {
      const response = await post(`${urls.pooled}/v1/letters/lmn?force=true`, withLogo(logo));
      expect(response.status).toBe(200);
      expect((await readPdf(new Uint8Array(await response.arrayBuffer()))).text).toContain(
        'Maria Delgado-Reyes',
      );
    }
  });
});

describe('a busy render pool', () => {
  let pool: RenderPool | undefined;
  let server: Server | undefined;
  let channel: BroadcastChannel | undefined;

  afterEach(async () => {
    channel?.close();
    server?.close();
    await pool?.close();
  });

  function listenFor(name: string) {
    channel = new BroadcastChannel(name);
    const held: (() => void)[] = [];
    channel.onmessage = (event) => {
      if ((event as { data?: unknown }).data === 'held') held.shift()?.();
    };
    return {
      nextHeld: () => new Promise<void>((resolve) => held.push(resolve)),
      say: (message: string) => channel?.postMessage(message),
    };
  }

  it('refuses a letter with 503 before reading its body when the queue is full', async () => {
    pool = createRenderPool({
      threads: 1,
      queue: 0,
      timeoutMs: 30_000,
      today: TODAY,
      workerFile: HELD_WORKER,
    });
    const listening = await listen(createApp({ letterOptions: { today: TODAY }, renderer: pool }));
    server = listening.server;
    const { nextHeld, say } = listenFor('lmnkit-held-render');
    const held = nextHeld();
    const first = post(`${listening.url}/v1/letters/lmn`, loadExample('lmn-insurance'));
    await held;

    // A body announced as 500 KB of which only the first bytes ever arrive: the answer cannot wait for it.
    const { port } = server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; code: string }>((resolve, reject) => {
      const sent = httpRequest(
        {
          port,
          host: '127.0.0.1',
          method: 'POST',
          path: '/v1/letters/lmn',
          headers: { 'Content-Type': 'application/json', 'Content-Length': 500_000 },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, code: (JSON.parse(text) as { code: string }).code }),
          );
        },
      );
      sent.on('error', reject);
      sent.write('{"date": "2026-');
    });
    expect(answer).toEqual({ status: 503, code: 'QUEUE_FULL' });
    say('release');
    expect((await first).status).toBe(200);
  });

  it('answers one 503 when a render thread dies mid-letter, then renders on its replacement', async () => {
    pool = createRenderPool({
      threads: 1,
      queue: 2,
      timeoutMs: 30_000,
      today: TODAY,
      workerFile: DYING_WORKER,
    });
    const listening = await listen(createApp({ letterOptions: { today: TODAY }, renderer: pool }));
    server = listening.server;
    const { nextHeld, say } = listenFor('lmnkit-dying-render');

    let held = nextHeld();
    const doomed = post(`${listening.url}/v1/letters/lmn`, loadExample('lmn-insurance'));
    await held;
    say('die');
    const lost = await doomed;
    expect(lost.status).toBe(503);
    expect(lost.headers.get('retry-after')).toBe('1');
    expect(await lost.json()).toMatchObject({
      type: '/problems/service-unavailable',
      code: 'RENDER_THREAD_LOST',
    });
    await expectHealthy(listening.url);

    held = nextHeld();
    const retried = post(`${listening.url}/v1/letters/lmn`, loadExample('lmn-insurance'));
    await held;
    say('release');
    const response = await retried;
    expect(response.status).toBe(200);
    expect((await readPdf(new Uint8Array(await response.arrayBuffer()))).text).toContain(
      'Maria Delgado-Reyes',
    );
    expect(pool.pending).toBe(0);
  });
});
