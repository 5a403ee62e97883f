// Property-based fuzzing of every kind through the HTTP app: whatever a client sends, the answer is
// never a 5xx, never an unhandled rejection, and every 200 for a letter is a PDF pdfjs can read.
// `npm run fuzz` runs more cases (FUZZ_RUNS); FUZZ_SEED replays another sequence.
import { createServer, type Server } from 'node:http';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { createRenderPool, type RenderPool } from '../../src/server/render-pool.js';
import { listExamples, type Example } from '../support/examples.js';
import { parseBinary } from '../support/http.js';
import { readPdf, TODAY } from '../support/pdf.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const EXAMPLES = listExamples();
const SHARE = { mutated: 0.6, raw: 0.2, pool: 0.2 };

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

const ROUTES = ['', '', '', '/check', '/preview'] as const;
type Route = (typeof ROUTES)[number];

interface Case {
  kind: string;
  route: Route;
  query: string;
  body: string;
  contentType: string;
}

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

/** Sends one case and checks what came back; returns the answer for the property's own checks. */
async function send(server: Server, { kind, route, query, body, contentType }: Case): Promise<Answer> {
  const response = await request(server)
    .post(`/v1/letters/${kind}${route}${query}`)
    .set('Content-Type', contentType)
    .send(body)
    .buffer(true)
    .parse(parseBinary);
  const answer = {
    status: response.status,
    type: String(response.headers['content-type']),
    body: response.body as Buffer,
  };
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
  return answer;
}

function listen(app: ReturnType<typeof createApp>): Promise<Server> {
  const server = createServer(app);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
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
  const statuses = new Map<number, number>();
  const count = ({ status }: Answer) => {
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    inProcess = await listen(createApp({ letterOptions: { today: TODAY } }));
    pool = createRenderPool({ threads: 2, queue: 8, timeoutMs: 60_000, today: TODAY });
    pooled = await listen(createApp({ letterOptions: { today: TODAY }, renderer: pool }));
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await Promise.all([close(inProcess), close(pooled)]);
    await pool.close();
    expect(unhandled).toEqual([]);
    // The fuzz must reach letters that render, not only refusals.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(RUNS / 20);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(RUNS / 20);
  });

  const perExample = Math.ceil((RUNS * SHARE.mutated) / EXAMPLES.length);
  it.each(EXAMPLES.map((example, index) => [example.name, example, index] as const))(
    '%s: valid and mutated inputs',
    async (_name, example, index) => {
      await fc.assert(
        fc.asyncProperty(letterCase(example), async (sent) => {
          count(await send(inProcess, sent));
        }),
        { numRuns: perExample, seed: SEED + index },
      );
    },
    120_000 + perExample * 500,
  );

  const rawRuns = Math.ceil(RUNS * SHARE.raw);
  it(
    'truncated JSON, wrong types, wrong content types',
    async () => {
      await fc.assert(
        fc.asyncProperty(rawCase, async (sent) => {
          count(await send(inProcess, sent));
        }),
        { numRuns: rawRuns, seed: SEED - 1 },
      );
    },
    120_000 + rawRuns * 100,
  );

  const poolRuns = Math.ceil((RUNS * SHARE.pool) / EXAMPLES.length);
  it.each(EXAMPLES.map((example, index) => [example.name, example, index] as const))(
    '%s: through the worker pool (inputs copied to render threads)',
    async (_name, example, index) => {
      await fc.assert(
        fc.asyncProperty(letterCase(example), async (sent) => {
          count(await send(pooled, sent));
        }),
        { numRuns: poolRuns, seed: SEED + 100 + index },
      );
    },
    120_000 + poolRuns * 500,
  );
});
