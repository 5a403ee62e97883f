import { readFileSync } from 'node:fs';
import { jsonSchema, kinds } from '../index.js';
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from './problem.js';
import { FHIR_REQUEST_CONTENT } from './fhir-body.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// One response per status, listing the problem types (README "Problem types") it carries.
const STATUS_NAMES: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  413: 'ContentTooLarge',
  415: 'UnsupportedMediaType',
  422: 'InvalidInput',
  500: 'Defect',
  503: 'Unavailable',
};

const PROBLEMS = Object.fromEntries(
  Object.entries(STATUS_NAMES).map(([status, name]) => {
    const types = Object.entries(PROBLEM_TYPES).filter(([, about]) => about.status === Number(status));
    const description = types
      .map(([type, about]) => `\`${problemTypeUri(type as ProblemType)}\`: ${about.description}`)
      .join(' ');
    return [status, [name, description]];
  }),
) as Record<ProblemStatus, [string, string]>;

type ProblemStatus = 400 | 401 | 404 | 405 | 406 | 413 | 415 | 422 | 500 | 503;

const text = { type: 'string' } as const;

const SCHEMAS = {
  Issue: {
    type: 'object',
    properties: { path: text, code: text, message: text },
    required: ['path', 'code', 'message'],
  },
  Finding: {
    type: 'object',
    properties: {
      code: text,
      level: { enum: ['error', 'warning', 'info'] },
      path: text,
      message: text,
      source: text,
    },
    required: ['code', 'level', 'path', 'message', 'source'],
  },
  CheckReport: {
    type: 'object',
    properties: {
      ok: { type: 'boolean' },
      issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } },
      findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
    },
    required: ['ok', 'issues', 'findings'],
  },
  KindSummary: {
    type: 'object',
    properties: { kind: text, title: text, purposes: { type: 'array', items: text } },
    required: ['kind', 'title', 'purposes'],
  },
  ProblemType: {
    type: 'object',
    properties: { type: text, status: { type: 'integer' }, title: text, description: text },
    required: ['type', 'status', 'title', 'description'],
  },
  Problem: {
    description: 'RFC 9457 problem details; `type` is one of GET /problems.',
    type: 'object',
    properties: {
      type: { type: 'string', format: 'uri-reference' },
      title: text,
      status: { type: 'integer' },
      detail: text,
      code: text,
      issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } },
      findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
    },
    required: ['type', 'title', 'status', 'detail'],
  },
};

function problemResponses(statuses: readonly ProblemStatus[]): Record<string, unknown> {
  return Object.fromEntries(
    statuses.map((status) => [String(status), { $ref: `#/components/responses/${PROBLEMS[status][0]}` }]),
  );
}

function json(schema: unknown): Record<string, unknown> {
  return { 'application/json': { schema } };
}

const header = (description: string) => ({ description, schema: text });
const REQUEST_ID = header('The request id (the sane X-Request-Id sent, or a new UUID).');

function operationName(verb: string, kind: string): string {
  return verb + kind.replace(/(^|-)(\w)/g, (_match, _dash, letter: string) => letter.toUpperCase());
}

/**
 * The service's OpenAPI 3.1 document; each kind's input schema is its JSON Schema from the zod
 * schema (the same as `GET /v1/kinds/:kind/schema`).
 */
export function buildOpenApi({ apiKeys }: { apiKeys: boolean }): Record<string, unknown> {
  const all = kinds();
  const guarded = apiKeys ? { security: [{ bearerKey: [] }, { apiKeyHeader: [] }] } : {};
  const auth: ProblemStatus[] = apiKeys ? [401] : [];
  const letterErrors: ProblemStatus[] = [400, ...auth, 404, 405, 406, 413, 415, 422, 500, 503];
  // A check runs on the event loop (no queue, no thread): never 503; 422 for JSON nested too deeply.
  const checkErrors: ProblemStatus[] = [400, ...auth, 404, 405, 406, 413, 415, 422, 500];
  const paths: Record<string, unknown> = {
    '/v1/verify': {
      post: {
        operationId: 'verifyLetter',
        summary: 'What a receiver can check in a letter (README "Trust: what a receiver can check")',
        ...guarded,
        requestBody: {
          required: true,
          content: {
            'application/pdf': { schema: { type: 'string', format: 'binary', maxLength: 10485760 } },
          },
        },
        responses: {
          200: {
            description:
              'The report: ok, kind, date, signature (signer, valid, coversWholeFile), sameTextAsData, claims, problems.',
            content: json({ type: 'object', required: ['ok', 'lmnkitLetter', 'claims', 'problems'] }),
          },
          ...problemResponses([...auth, 405, 413, 415, 422, 500]),
        },
      },
    },
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Liveness',
        responses: {
          200: {
            description: 'Up.',
            content: json({ type: 'object', properties: { status: { const: 'ok' } } }),
          },
        },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'openApi',
        summary: 'This document',
        responses: { 200: { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } },
      },
    },
    '/problems': {
      get: {
        operationId: 'listProblemTypes',
        summary: 'Every problem type the service answers with',
        responses: {
          200: {
            description: 'The problem types.',
            content: json({ type: 'array', items: { $ref: '#/components/schemas/ProblemType' } }),
          },
        },
      },
    },
    '/problems/{name}': {
      get: {
        operationId: 'problemType',
        summary: 'One problem type: what a problem `type` URI refers to',
        parameters: [
          { name: 'name', in: 'path', required: true, schema: { enum: Object.keys(PROBLEM_TYPES) } },
        ],
        responses: {
          200: {
            description: 'The problem type.',
            content: json({ $ref: '#/components/schemas/ProblemType' }),
          },
          ...problemResponses([404]),
        },
      },
    },
    '/v1/practice': {
      get: {
        operationId: 'getPractice',
        summary: 'The practice the service was started with (--practice / LMNKIT_PRACTICE)',
        ...guarded,
        responses: {
          200: {
            description: 'The practice profile: letterhead and providers, no patient data.',
            content: json({ type: 'object' }),
          },
          204: { description: 'The service was started without a practice file.' },
          ...problemResponses(apiKeys ? [401] : []),
        },
      },
    },
    '/v1/kinds': {
      get: {
        operationId: 'listKinds',
        summary: 'The letter kinds',
        ...guarded,
        responses: {
          200: {
            description: 'Every kind.',
            content: json({ type: 'array', items: { $ref: '#/components/schemas/KindSummary' } }),
          },
          ...problemResponses(apiKeys ? [401] : []),
        },
      },
    },
    '/v1/kinds/{kind}/schema': {
      get: {
        operationId: 'kindSchema',
        summary: "A kind's input as JSON Schema (draft 2020-12)",
        ...guarded,
        parameters: [
          { name: 'kind', in: 'path', required: true, schema: { enum: all.map((summary) => summary.kind) } },
        ],
        responses: {
          200: {
            description: 'The JSON Schema.',
            content: { 'application/schema+json': { schema: { type: 'object' } } },
          },
          ...problemResponses(apiKeys ? [401, 404] : [404]),
        },
      },
    },
    '/v1/kinds/{kind}/form': {
      get: {
        operationId: 'kindForm',
        summary: "A kind's JSON Schema with the web form's layout hints (sections, labels, help)",
        ...guarded,
        parameters: [
          { name: 'kind', in: 'path', required: true, schema: { enum: all.map((summary) => summary.kind) } },
        ],
        responses: {
          200: { description: '{kind, title, purposes, schema, hints}.', content: json({ type: 'object' }) },
          ...problemResponses(apiKeys ? [401, 404] : [404]),
        },
      },
    },
    '/v1/icd10cm': {
      get: {
        operationId: 'searchIcd10cm',
        summary: 'Look up the built-in ICD-10-CM table by code prefix or title words',
        ...guarded,
        parameters: [
          { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
          {
            name: 'limit',
            in: 'query',
            required: false,
            schema: { type: 'integer', minimum: 1, maximum: 50 },
          },
        ],
        responses: {
          200: {
            description: 'Matching codes, billable first.',
            content: json({
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  code: { type: 'string' },
                  title: { type: 'string' },
                  billable: { type: 'boolean' },
                },
              },
            }),
          },
          ...problemResponses(apiKeys ? [400, 401] : [400]),
        },
      },
    },
  };
  for (const { kind, title } of all) {
    const requestBody = {
      required: true,
      content: { ...json({ $ref: `#/components/schemas/${kind}` }), ...FHIR_REQUEST_CONTENT },
    };
    const timing = header('`render;dur=<ms>`: the time spent rendering.');
    const draft = {
      name: 'draft',
      in: 'query',
      description:
        'A draft (`true` or `1`): each missing field prints as a placeholder such as "[provider\'s NPI]", every page says DRAFT, findings never block, and a draft with placeholders cannot be signed. Any value but these four is 400.',
      schema: { enum: ['true', '1', 'false', '0'] },
    };
    paths[`/v1/letters/${kind}`] = {
      post: {
        operationId: operationName('generate', kind),
        summary: `Write a ${title} as PDF`,
        ...guarded,
        parameters: [
          {
            name: 'force',
            in: 'query',
            description:
              'Write the letter despite blocking findings (`true` or `1`); any value but these four is 400.',
            schema: { enum: ['true', '1', 'false', '0'] },
          },
          draft,
        ],
        requestBody,
        responses: {
          200: {
            description: 'The letter.',
            headers: {
              'Lmnkit-Findings': header('Findings as `CODE;level=…;path=…`, comma-separated.'),
              'Server-Timing': timing,
              'X-Request-Id': REQUEST_ID,
            },
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
          ...problemResponses(letterErrors),
        },
      },
    };
    paths[`/v1/letters/${kind}/check`] = {
      post: {
        operationId: operationName('check', kind),
        summary: `Check a ${title}: every input problem and finding, no letter`,
        ...guarded,
        parameters: [draft],
        requestBody,
        responses: {
          200: { description: 'The report.', content: json({ $ref: '#/components/schemas/CheckReport' }) },
          ...problemResponses(checkErrors),
        },
      },
    };
    paths[`/v1/letters/${kind}/preview`] = {
      post: {
        operationId: operationName('preview', kind),
        summary: `Preview a ${title} as a standalone HTML page`,
        ...guarded,
        parameters: [draft],
        requestBody,
        responses: {
          200: {
            description: 'The page.',
            headers: { 'Server-Timing': timing, 'X-Request-Id': REQUEST_ID },
            content: { 'text/html': { schema: text } },
          },
          ...problemResponses(letterErrors),
        },
      },
    };
  }
  const responses = Object.fromEntries(
    Object.entries(PROBLEMS).map(([status, [name, description]]) => [
      name,
      {
        description,
        ...(status === '503' && { headers: { 'Retry-After': header('Seconds to wait before retrying.') } }),
        ...(status === '405' && { headers: { Allow: header('The methods the route takes.') } }),
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    ]),
  );
  const kindSchemas = Object.fromEntries(
    all.map(({ kind }) => {
      const schema = jsonSchema(kind);
      delete schema.$schema;
      return [kind, schema];
    }),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: 'lmnkit',
      version,
      description:
        'Letters of medical necessity, prescriptions, prior-authorization requests and appeal letters for massage and manual therapy, as PDF.',
    },
    paths,
    components: {
      schemas: { ...kindSchemas, ...SCHEMAS },
      responses,
      securitySchemes: {
        bearerKey: { type: 'http', scheme: 'bearer', description: 'An API key from LMNKIT_API_KEYS.' },
        apiKeyHeader: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      },
    },
  };
}
