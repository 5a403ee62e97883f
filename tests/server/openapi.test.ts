import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { jsonSchema, kinds } from '../../src/index.js';
import { createApp } from '../../src/server/app.js';

type Json = Record<string, any>;

async function fetchDocument(options: Parameters<typeof createApp>[0] = {}): Promise<Json> {
  const response = await request(createApp(options)).get('/openapi.json');
  expect(response.status).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.body as Json;
}

/** Every `$ref` in the document, with where it points. */
function collectRefs(value: unknown, refs: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectRefs(item, refs);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') refs.push(item);
      else collectRefs(item, refs);
    }
  }
  return refs;
}

function resolvePointer(document: Json, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], document);
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document with the fields the specification requires', async () => {
    const document = await fetchDocument();
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({
      title: 'lmnkit',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    const operations = Object.entries(document.paths as Json).flatMap(([path, item]) => {
      expect(path.startsWith('/')).toBe(true);
      return Object.entries(item as Json).filter(([method]) => METHODS.includes(method));
    });
    const ids = operations.map(([, operation]) => String((operation as Json).operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [, operation] of operations) {
      const responses = Object.entries((operation as Json).responses as Json);
      expect(responses.length).toBeGreaterThan(0);
      for (const [status, response] of responses) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        expect((response as Json).description ?? (response as Json).$ref).toEqual(expect.any(String));
      }
    }
    for (const [, operation] of operations)
      for (const parameter of ((operation as Json).parameters ?? []) as Json[]) {
        expect(parameter).toMatchObject({
          name: expect.any(String),
          in: expect.stringMatching(/^(path|query)$/),
        });
        if (parameter.in === 'path') expect(parameter.required).toBe(true);
      }
  });

  it('has generate, check and preview paths for every kind, each taking the kind schema', async () => {
    const document = await fetchDocument();
    for (const { kind } of kinds()) {
      const body = { $ref: `#/components/schemas/${kind}` };
      for (const suffix of ['', '/check', '/preview']) {
        const operation = document.paths[`/v1/letters/${kind}${suffix}`]?.post as Json;
        expect(operation.requestBody.content['application/json'].schema).toEqual(body);
      }
      expect(Object.keys(document.paths[`/v1/letters/${kind}`].post.responses['200'].content)).toEqual([
        'application/pdf',
      ]);
    }
    expect(document.paths).toHaveProperty(['/v1/kinds/{kind}/schema']);
    expect(document.paths).toHaveProperty(['/healthz']);
  });

  it('carries each kind schema generated from its zod schema, and every $ref resolves', async () => {
    const document = await fetchDocument();
    for (const { kind } of kinds()) {
      const schema = jsonSchema(kind);
      delete schema.$schema;
      expect(document.components.schemas[kind]).toEqual(schema);
    }
    const refs = collectRefs(document);
    expect(refs.length).toBeGreaterThan(kinds().length);
    for (const ref of refs) expect(resolvePointer(document, ref), ref).toBeDefined();
  });

  it('declares the API-key schemes, and requires them only when keys are configured', async () => {
    const open = await fetchDocument();
    expect(Object.keys(open.components.securitySchemes)).toEqual(['bearerKey', 'apiKeyHeader']);
    expect(open.paths['/v1/letters/lmn'].post).not.toHaveProperty('security');
    const guarded = await fetchDocument({ apiKeys: ['k1'] });
    expect(guarded.paths['/v1/letters/lmn'].post.security).toEqual([{ bearerKey: [] }, { apiKeyHeader: [] }]);
    expect(guarded.paths['/v1/letters/lmn'].post.responses).toHaveProperty('401');
    expect(guarded.paths['/healthz'].get).not.toHaveProperty('security');
  });
});

describe('OpenAPI answers', () => {
  it('gives the PDF a binary schema', async () => {
    const document = await fetchDocument();
    expect(document.paths['/v1/letters/lmn'].post.responses['200'].content['application/pdf']).toEqual({
      schema: { type: 'string', format: 'binary' },
    });
  });

  it('lists every status /check answers, each observed from the app', async () => {
    const document = await fetchDocument();
    const listed = Object.keys(document.paths['/v1/letters/lmn/check'].post.responses).sort();
    expect(listed).toEqual(['200', '400', '404', '405', '406', '413', '415', '422', '500']);
    const app = createApp();
    const post = () => request(app).post('/v1/letters/lmn/check');
    const observed = await Promise.all([
      post().send({}),
      post().type('json').send('{'),
      request(app).post('/v1/letters/nope/check').send({}),
      request(app).get('/v1/letters/lmn/check'),
      post().set('Accept', 'application/pdf').send({}),
      post().send({ x: 'x'.repeat(1_100_000) }),
      post().type('text').send('x'),
      post()
        .type('json')
        .send(`${'['.repeat(40)}${']'.repeat(40)}`),
    ]);
    expect(observed.map((response) => response.status)).toEqual([200, 400, 404, 405, 406, 413, 415, 422]);
  });
});

describe('GET /v1/kinds/:kind/schema', () => {
  it("answers each kind's JSON Schema", async () => {
    const app = createApp();
    for (const { kind } of kinds()) {
      const response = await request(app).get(`/v1/kinds/${kind}/schema`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/schema\+json/);
      expect(response.body).toEqual(jsonSchema(kind));
    }
  });
});
