// Property-based fuzzing of every kind through the HTTP app on a loopback port: whatever a client
// sends (mutated letters, crafted PNG/JPEG images, extreme dates, Unicode controls, invalid UTF-8 and
// BOMs, broken JSON), the answer is never a 5xx and never a hang, /healthz answers within 1 s after
// every case, nothing rejects unhandled, and every 200 for a letter is a PDF pdfjs can read.
// `npm run fuzz` runs more cases (FUZZ_RUNS); FUZZ_SEED replays another sequence; FUZZ_REPORT names a
// file for the counts (statuses, hangs, health checks).
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createRenderPool, type RenderPool } from '../../src/server/render-pool.js';
import {
  CRAFTED_JPEGS,
  CRAFTED_PNGS,
  ihdr,
  jpeg,
  png,
  pngChunk,
  rgbaPng,
} from '../support/crafted-images.js';
import { listExamples, type Example } from '../support/examples.js';
import { readPdf, TODAY } from '../support/pdf.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const EXAMPLES = listExamples();
const SHARE = { mutated: 0.45, raw: 0.1, images: 0.1, dates: 0.1, bytes: 0.1, pool: 0.15 };
/** An answer later than this is a hang (the render timeout is 60 s; nothing should come near it). */
const HANG_MS = 30_000;

const EDGE_STRINGS = [
  'e\u0301',
  `a${'\u0301'.repeat(300)}`,
  'Nguyễn Thị Minh Khai',
  'Ελένη Παπαδοπούλου',
  'Жанна Петрова',
  'Ångström Ñúñez İß',
  'שלום עליכם',
  'مرحبا',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '😀',
  '👩🏽‍⚕️',
  '🇺🇸',
  '\u0000',
  'a\u0000b',
  '\u0007',
  '\u001B[31m',
  '\uFEFF',
  '\u2028',
  '\u00A0',
  '\t',
  '\r\n',
  ' ',
  '',
  '<b>{{x}}</b>',
  '{{{raw}}}',
  '</p><script>alert(1)</script>',
  '&amp;&lt;',
  '%s%d%n',
  '${x}',
  '../../etc/passwd',
  'ﬀ',
  // Line and paragraph separators, stacked combining marks, bidi and other invisible controls.
  '\u2029',
  'a\u2028b',
  `O${'\u0301'.repeat(30)}`,
  `${'\u0336'.repeat(12)}x${'\u20DD'.repeat(8)}`,
  '\u202Aleft\u202C',
  '\u202Bright\u202C',
  '\u202Doverride\u202C',
  '\u2066isolate\u2069',
  '\u2067\u2068\u2069',
  '\u061C',
  '\u200B\u200C\u200D\u2060',
  '\u00AD',
  '\u0085',
  '\uFFFE\uFFFF',
  '\uDB40\uDC01',
];
const PRINTABLE_WORDS = [
  'Nguyễn',
  'Ελένη',
  'Жанна',
  "O'Brien-Smith",
  'José',
  'Ñúñez',
  'Zoë',
  'e\u0301',
  'back',
  'pain',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const anyCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const text = fc.oneof(
  fc.constantFrom(...EDGE_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({
    unit: fc.oneof({ weight: 9, arbitrary: anyCodePoint }, { weight: 1, arbitrary: loneSurrogate }),
    maxLength: 30,
  }),
  fc
    .tuple(fc.constantFrom(...EDGE_STRINGS), fc.string({ maxLength: 10 }), fc.constantFrom(...EDGE_STRINGS))
    .map((parts) => parts.join('')),
);
const hugeText = fc
  .tuple(fc.constantFrom('x', 'é', '😀', 'a\u0301', 'שׁ'), fc.integer({ min: 5_000, max: 300_000 }))
  .map(([unit, count]) => unit.repeat(count));

/** Stands for JSON arrays nested `depth` deep: JSON.stringify itself cannot write them. */
const DEEP = /"@@deep:(\d+)@@"/g;
const deep = fc.integer({ min: 10, max: 100_000 }).map((depth) => `@@deep:${depth}@@`);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: text },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(0, -1, 1e308, 2 ** 53 + 1, 0.1, -0),
    ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: hugeText },
  { weight: 1, arbitrary: deep },
);

type Path = (string | number)[];

function listPaths(node: unknown, path: Path = [], paths: Path[] = []): Path[] {
  if (node !== null && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      const childPath = [...path, Array.isArray(node) ? Number(key) : key];
      paths.push(childPath);
      listPaths(child, childPath, paths);
    }
  }
  return paths;
}

interface Edit {
  at: number;
  op: 'set' | 'delete' | 'add' | 'text';
  key: string;
  value: unknown;
  words: string[];
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('set', 'set', 'delete', 'add', 'text', 'text', 'text'),
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'purpose', '')),
  value,
  words: fc.array(fc.constantFrom(...PRINTABLE_WORDS), { minLength: 1, maxLength: 6 }),
});

/** The example with the edits applied: 'text' keeps a free-text field valid, the others break things. */
function applyEdits(example: Record<string, unknown>, edits: readonly Edit[]): unknown {
  const root: unknown = structuredClone(example);
  for (const { at, op, key, value: replacement, words } of edits) {
    const paths = listPaths(root);
    const path = paths[at % Math.max(paths.length, 1)];
    if (path === undefined) return replacement;
    const holder = path
      .slice(0, -1)
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], root) as Record<
      string,
      unknown
    >;
    const last = path.at(-1)!;
    const current = holder[last];
    if (op === 'text' && typeof current === 'string' && /^\p{L}[\p{L} ,.'-]*\s/u.test(current))
      holder[last] = words.join(' ');
    else if (op === 'delete') {
      if (Array.isArray(holder)) holder.splice(Number(last), 1);
      else Reflect.deleteProperty(holder, last);
    } else if (op === 'add' && current !== null && typeof current === 'object' && !Array.isArray(current))
      Object.defineProperty(current, key, {
        value: replacement,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else if (op === 'set') holder[last] = replacement;
  }
  return root;
}

function toJson(body: unknown): string {
  return JSON.stringify(body).replace(DEEP, (_match, depth: string) => {
    const count = Number(depth);
    return `${'['.repeat(count)}${']'.repeat(count)}`;
  });
}

// Images: the crafted files of issue 11, and sound ones with lengths, sizes and bytes rewritten.
const SOUND_IMAGES = [
  rgbaPng(6, 4),
  jpeg(16, 12),
  png(ihdr(2, 2, 8, 2), pngChunk('IDAT', Buffer.alloc(0)), pngChunk('IEND')),
];
const LENGTHS = [0, 1, 12, 13, 0x7fffffff, 0x80000000, 0xfffffff4, 0xffffffff];
const SIDES = [0, 1, 4000, 4001, 11000, 60000, 65535, 0xffffffff];
const imageBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(...Object.values(CRAFTED_PNGS), ...Object.values(CRAFTED_JPEGS)),
  fc
    .record({
      sound: fc.constantFrom(...SOUND_IMAGES),
      edits: fc.array(
        fc.record({
          at: fc.nat(),
          kind: fc.constantFrom('length', 'side', 'byte', 'cut'),
          value: fc.nat(),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    })
    .map(({ sound, edits }) => {
      let bytes = Buffer.from(sound);
      for (const { at, kind, value } of edits) {
        const offset = at % Math.max(bytes.length - 4, 1);
        if (kind === 'cut') bytes = bytes.subarray(0, offset);
        else if (kind === 'byte') bytes[offset] = value % 256;
        else if (bytes.length >= 24) {
          // PNG: the first chunk's length is at 8, IHDR's width and height at 16 and 20.
          const where = kind === 'length' ? [8, 33][value % 2]! : [16, 20][value % 2]!;
          if (where + 4 <= bytes.length)
            bytes.writeUInt32BE((kind === 'length' ? LENGTHS : SIDES)[value % 8]!, where);
        }
      }
      return bytes;
    }),
);
const IMAGE_FIELDS = [
  ['provider', 'practice', 'logo'],
  ['provider', 'signature', 'image'],
] as const;

function setPath(root: Record<string, any>, path: readonly string[], value: unknown): void {
  let holder = root;
  for (const key of path.slice(0, -1)) {
    if (holder[key] === null || typeof holder[key] !== 'object') holder[key] = {};
    holder = holder[key] as Record<string, any>;
  }
  holder[path.at(-1)!] = value;
}

const EXTREME_DATES = [
  '0000-01-01',
  '0001-01-01',
  '0100-03-01',
  '0999-12-31',
  '1000-01-01',
  '1899-12-31',
  '1900-01-01',
  '1970-01-01',
  '2024-02-29',
  '2026-02-29',
  '2100-12-31',
  '2101-01-01',
  '9999-01-01',
  '9999-12-31',
  '10000-01-01',
  '+002026-01-01',
  '-000001-01-01',
  '2026-13-01',
  '2026-00-10',
  '2026-01-32',
  '2026-1-5',
  '2026-01-05T23:59:59Z',
  '2026-01-05 ',
];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The example with some of its dates (or all of them) set to extremes. */
function withExtremeDates(example: Example): fc.Arbitrary<unknown> {
  const datePaths = listPaths(example.input).filter((path) => {
    const value = path.reduce<unknown>(
      (node, part) => (node as Record<string, unknown>)[part],
      example.input,
    );
    return typeof value === 'string' && DATE.test(value);
  });
  return fc
    .record({
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      dates: fc.array(fc.constantFrom(...EXTREME_DATES), { minLength: 4, maxLength: 4 }),
      all: fc.boolean(),
    })
    .map(({ picks, dates, all }) => {
      const root = structuredClone(example.input);
      const chosen = all ? datePaths : picks.map((pick) => datePaths[pick % datePaths.length]!);
      chosen.forEach((path, index) => setPath(root, path.map(String), dates[index % dates.length]));
      return root;
    });
}

/** Bytes no JSON.stringify can write: BOMs, invalid UTF-8, UTF-16, NULs, at a random place. */
const BYTE_PATCHES = [
  [0xef, 0xbb, 0xbf],
  [0xc3, 0x28],
  [0xa0, 0xa1],
  [0xe2, 0x28, 0xa1],
  [0xf0, 0x28, 0x8c, 0xbc],
  [0xf8, 0xa1, 0xa1, 0xa1, 0xa1],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xff, 0xfe],
  [0x00],
  [0x80],
];

const ROUTES = ['', '', '', '/check', '/preview'] as const;
type Route = (typeof ROUTES)[number];

interface Case {
  kind: string;
  route: Route;
  query: string;
  body: string | Buffer;
  contentType: string;
}

function imageCase(example: Example): fc.Arbitrary<Case> {
  return fc.record({
    kind: fc.constant(example.kind),
    route: fc.constantFrom(...ROUTES),
    query: fc.constantFrom('', '?force=true'),
    body: fc
      .tuple(fc.constantFrom(...IMAGE_FIELDS), imageBytes, fc.boolean())
      .map(([path, bytes, dataUri]) => {
        const root = structuredClone(example.input);
        const base64 = bytes.toString('base64');
        setPath(root, path, dataUri ? `data:image/png;base64,${base64}` : base64);
        return JSON.stringify(root);
      }),
    contentType: fc.constant('application/json'),
  });
}

function dateCase(example: Example): fc.Arbitrary<Case> {
  return fc.record({
    kind: fc.constant(example.kind),
    route: fc.constantFrom(...ROUTES),
    query: fc.constantFrom('', '?force=true'),
    body: withExtremeDates(example).map((input) => JSON.stringify(input)),
    contentType: fc.constant('application/json'),
  });
}

const bytesCase: fc.Arbitrary<Case> = fc.record({
  kind: fc.constantFrom(...EXAMPLES.map(({ kind }) => kind)),
  route: fc.constantFrom(...ROUTES),
  query: fc.constantFrom('', '?force=true'),
  body: fc
    .tuple(fc.constantFrom(...EXAMPLES), fc.constantFrom(...BYTE_PATCHES), fc.nat(), fc.boolean())
    .map(([{ input }, patch, at, bomFirst]) => {
      const json = Buffer.from(JSON.stringify(input), 'utf8');
      if (bomFirst) return Buffer.concat([Buffer.from(patch), json]);
      const where = at % json.length;
      return Buffer.concat([json.subarray(0, where), Buffer.from(patch), json.subarray(where)]);
    }),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
  ),
});

function letterCase(example: Example): fc.Arbitrary<Case> {
  return fc.record({
    kind: fc.oneof(
      { weight: 19, arbitrary: fc.constant(example.kind) },
      fc.constantFrom('nope', '%F0%9F%98%80', 'lmn%00'),
    ),
    route: fc.constantFrom(...ROUTES),
    query: fc.constantFrom('', '', '?force=true', '?force=1', '?force=%00', '?force=true&force=false'),
    body: fc
      .oneof(
        { weight: 1, arbitrary: fc.constant([] as Edit[]) },
        { weight: 8, arbitrary: fc.array(edit, { minLength: 1, maxLength: 4 }) },
      )
      .map((edits) => toJson(applyEdits(example.input, edits))),
    contentType: fc.constant('application/json'),
  });
}

const rawCase: fc.Arbitrary<Case> = fc.record({
  kind: fc.constantFrom(...EXAMPLES.map(({ kind }) => kind)),
  route: fc.constantFrom(...ROUTES),
  query: fc.constant(''),
  body: fc.oneof(
    fc.tuple(fc.constantFrom(...EXAMPLES), fc.nat()).map(([{ input }, cut]) => {
      const json = JSON.stringify(input);
      return json.slice(0, cut % json.length);
    }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((json) => JSON.stringify(json)),
    fc.constantFrom(
      '',
      '{',
      '{"date": ',
      '[1,2',
      'null',
      '"x"',
      '1e999',
      '{"__proto__": {"x": 1}}',
      '\uFEFF{}',
    ),
    deep.map(toJson),
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/merge-patch+json',
    'application/json; charset=latin1',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
  ),
});

interface Answer {
  status: number;
  type: string;
  body: Buffer;
}

/** Sends one case and checks what came back, then that /healthz answers within a second. */
async function send(url: string, { kind, route, query, body, contentType }: Case): Promise<Answer> {
  let answer: Answer;
  try {
    const response = await fetch(`${url}/v1/letters/${kind}${route}${query}`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: typeof body === 'string' ? body : new Uint8Array(body),
      signal: AbortSignal.timeout(HANG_MS),
    });
    answer = {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: Buffer.from(await response.arrayBuffer()),
    };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') tally.hangs++;
    else {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      tally.fetchErrors[cause] = (tally.fetchErrors[cause] ?? 0) + 1;
      // Past the 1 MB limit the server answers 413 without reading the rest and closes the
      // connection; a client still sending may see the reset first. Nothing else may fail so.
      if (Buffer.byteLength(body) > 1024 * 1024)
        return expectHealthy(url, { status: 413, type: '', body: Buffer.alloc(0) });
    }
    throw error;
  }
  tally.statuses[answer.status] = (tally.statuses[answer.status] ?? 0) + 1;
  expect(answer.status).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({
      status: answer.status,
      detail: expect.any(String),
    });
  } else if (route === '') {
    expect([answer.status, answer.type]).toEqual([200, 'application/pdf']);
    expect((await readPdf(answer.body)).pages.length).toBeGreaterThan(0);
  } else if (route === '/check') {
    expect(JSON.parse(answer.body.toString('utf8'))).toMatchObject({
      ok: expect.any(Boolean),
      issues: expect.any(Array),
    });
  } else {
    expect(answer.type).toMatch(/^text\/html/);
    expect(answer.body.toString('utf8')).toMatch(/^<!doctype html>/i);
  }
  return expectHealthy(url, answer);
}

/** /healthz answers within a second after every case: nothing a client sent holds the event loop. */
async function expectHealthy(url: string, answer: Answer): Promise<Answer> {
  try {
    const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
    expect(health.status).toBe(200);
    tally.healthChecks++;
  } catch (error) {
    tally.healthTimeouts++;
    throw error;
  }
  return answer;
}

function writeReport(): void {
  if (process.env.FUZZ_REPORT)
    writeFileSync(process.env.FUZZ_REPORT, `${JSON.stringify({ runs: RUNS, seed: SEED, ...tally })}\n`);
}

/** What the run saw, for FUZZ_REPORT: statuses by code, hangs, /healthz answers. */
const tally = {
  cases: 0,
  statuses: {} as Record<number, number>,
  hangs: 0,
  healthChecks: 0,
  healthTimeouts: 0,
  fetchErrors: {} as Record<string, number>,
};

function listen(app: ReturnType<typeof createApp>): Promise<Server> {
  const server = createServer(app);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function urlOf(server: Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe(`fuzzing the HTTP app (${RUNS} cases, seed ${SEED})`, () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  let inProcess: Server;
  let pooled: Server;
  let pool: RenderPool;
  const urls = { inProcess: '', pooled: '' };
  const sendTo = (which: keyof typeof urls) => async (sent: Case) => {
    tally.cases++;
    await send(urls[which], sent);
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    inProcess = await listen(createApp({ letterOptions: { today: TODAY } }));
    pool = createRenderPool({ threads: 2, queue: 8, timeoutMs: 60_000, today: TODAY });
    pooled = await listen(createApp({ letterOptions: { today: TODAY }, renderer: pool }));
    urls.inProcess = urlOf(inProcess);
    urls.pooled = urlOf(pooled);
  });

  // The counts so far after every test, so that a long run can be followed.
  afterEach(writeReport);

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await Promise.all([close(inProcess), close(pooled)]);
    await pool.close();
    writeReport();
    expect(unhandled).toEqual([]);
    expect(tally.hangs).toBe(0);
    expect(tally.healthTimeouts).toBe(0);
    // The fuzz must reach letters that render, not only refusals.
    expect(tally.statuses[200] ?? 0).toBeGreaterThan(RUNS / 20);
    expect(tally.statuses[422] ?? 0).toBeGreaterThan(RUNS / 20);
  });

  const perExample = (share: number) => Math.ceil((RUNS * share) / EXAMPLES.length);
  const examples = EXAMPLES.map((example, index) => [example.name, example, index] as const);
  // A bound against hangs, not a timing: generous, since the machine may be shared.
  const timeout = (runs: number) => 120_000 + runs * 2_000;

  it.each(examples)(
    '%s: valid and mutated inputs',
    async (_name, example, index) => {
      await fc.assert(fc.asyncProperty(letterCase(example), sendTo('inProcess')), {
        numRuns: perExample(SHARE.mutated),
        seed: SEED + index,
      });
    },
    timeout(perExample(SHARE.mutated)),
  );

  it.each(examples)(
    '%s: crafted and rewritten PNG/JPEG images',
    async (_name, example, index) => {
      await fc.assert(fc.asyncProperty(imageCase(example), sendTo('inProcess')), {
        numRuns: perExample(SHARE.images),
        seed: SEED + 200 + index,
      });
    },
    timeout(perExample(SHARE.images)),
  );

  it.each(examples)(
    '%s: extreme and malformed dates',
    async (_name, example, index) => {
      await fc.assert(fc.asyncProperty(dateCase(example), sendTo('inProcess')), {
        numRuns: perExample(SHARE.dates),
        seed: SEED + 300 + index,
      });
    },
    timeout(perExample(SHARE.dates)),
  );

  const rawRuns = Math.ceil(RUNS * SHARE.raw);
  it(
    'truncated JSON, wrong types, wrong content types',
    async () => {
      await fc.assert(fc.asyncProperty(rawCase, sendTo('inProcess')), { numRuns: rawRuns, seed: SEED - 1 });
    },
    timeout(rawRuns),
  );

  const bytesRuns = Math.ceil(RUNS * SHARE.bytes);
  it(
    'invalid UTF-8, byte-order marks and stray bytes',
    async () => {
      await fc.assert(fc.asyncProperty(bytesCase, sendTo('inProcess')), {
        numRuns: bytesRuns,
        seed: SEED - 2,
      });
    },
    timeout(bytesRuns),
  );

  it.each(examples)(
    '%s: through the worker pool (inputs copied to render threads), images included',
    async (_name, example, index) => {
      const anyCase = fc.oneof(
        { weight: 3, arbitrary: letterCase(example) },
        imageCase(example),
        dateCase(example),
      );
      await fc.assert(fc.asyncProperty(anyCase, sendTo('pooled')), {
        numRuns: perExample(SHARE.pool),
        seed: SEED + 100 + index,
      });
    },
    timeout(perExample(SHARE.pool)),
  );
});
