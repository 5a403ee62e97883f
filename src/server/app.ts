import { isUtf8 } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import {
  check,
  jsonSchema,
  kinds,
  LmnkitError,
  RuleError,
  UnknownKindError,
  ValidationError,
  type Finding,
  type GenerateOptions,
  type PracticeProfile,
} from '../index.js';
import { allowCors } from './allow-cors.js';
import { createFhirBody } from './fhir-body.js';
import { createLogger, describeError, logRequests, requestIdOf, type Logger } from './logger.js';
import { buildOpenApi } from './openapi.js';
import { createWebForm } from './web-form.js';
import { createPracticeRoute } from './practice.js';
import { allowOnly } from './allow-only.js';
import { PROBLEM_TYPES, problemTypeUri, sendProblem, type ProblemType } from './problem.js';
import {
  createInProcessRenderer,
  QueueFullError,
  RenderCancelledError,
  RenderDefectError,
  RenderThreadLostError,
  RenderTimeoutError,
  type Renderer,
} from './render-pool.js';
import { requireApiKey } from './require-api-key.js';
import { mountVerify } from './verify-route.js';

export interface AppOptions {
  /** Passed to every check, and to every letter when no `renderer` is given (code sets, clock). */
  letterOptions?: Omit<GenerateOptions, 'force'>;
  /** Writes PDFs and previews: `lmnkit serve` passes a worker pool; default: in process. */
  renderer?: Renderer;
  /** Keys accepted on /v1 (Bearer or X-API-Key); none: /v1 is open. */
  apiKeys?: readonly string[];
  /** Origins CORS allows ('*': any); none: no CORS headers. */
  corsOrigins?: readonly string[];
  /** Where request and defect lines go; default: nowhere. */
  logger?: Logger;
  /** The practice the web form offers (`GET /v1/practice`). */
  practice?: PracticeProfile;
}

const BODY_LIMIT = '1mb';
const MAX_DEPTH = 32;
const RETRY_AFTER_SECONDS = 1;

function requireJson(req: Request, res: Response, next: () => void): void {
  if (!req.is(['application/json', 'application/*+json'])) {
    sendProblem(
      res,
      'unsupported-media-type',
      'Send the letter input as JSON with Content-Type: application/json.',
    );
    return;
  }
  next();
}

/** Thrown from the body parser's verify step; body-parser keeps `type` (mapped to a problem below). */
class BodyEncodingError extends Error {
  constructor(readonly type: 'charset.unsupported' | 'encoding.malformed') {
    super(type);
  }
}

/** JSON is UTF-8 (RFC 8259 §8.1): anything else is refused, never decoded into U+FFFD. */
function verifyUtf8(_req: unknown, _res: unknown, body: Buffer, encoding: string): void {
  if (encoding.toLowerCase() !== 'utf-8') throw new BodyEncodingError('charset.unsupported');
  if (!isUtf8(body)) throw new BodyEncodingError('encoding.malformed');
}

/** Whether JSON nests deeper than any letter: such input could not even be copied to a render thread. */
function isNestedTooDeeply(value: unknown): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [item, depth] = entry;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

function rejectDeepNesting(req: Request, _res: Response, next: () => void): void {
  if (isNestedTooDeeply(req.body)) {
    const message = `is nested more than ${MAX_DEPTH} levels deep`;
    throw new ValidationError([{ path: '', code: 'NESTED_TOO_DEEPLY', message }]);
  }
  next();
}

/** 406 unless the client accepts the route's one media type (no Accept header accepts anything). */
function requireAcceptable(type: string): RequestHandler {
  return (req, res, next) => {
    if (req.accepts(type) === false) {
      sendProblem(res, 'not-acceptable', `This route answers with ${type} only.`);
      return;
    }
    next();
  };
}

/** `?force=` (or `?draft=`) is `true`/`1` or `false`/`0`, once; anything else is a mistake worth saying, not `false`. */
function readForce(query: Request['query'], name = 'force'): boolean | undefined {
  const force = query[name];
  if (force === undefined) return false;
  if (force === 'true' || force === '1') return true;
  if (force === 'false' || force === '0') return false;
  return undefined;
}

function replyUnavailable(res: Response, error: LmnkitError): void {
  res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  sendProblem(res, 'service-unavailable', `${error.message} Retry in a moment.`, { code: error.code });
}

function findingsHeader(findings: Finding[]): string {
  return findings.map((finding) => `${finding.code};level=${finding.level};path=${finding.path}`).join(', ');
}

function serverTiming(name: string, ms: number): string {
  return `${name};dur=${ms.toFixed(1)}`;
}

/** Aborts when the connection closes before the answer is complete: the client is gone. */
function clientGone(res: Response): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

function kindParam(req: Request): string {
  return String(req.params.kind);
}

/** The Express application (no listen): JSON in, PDF/HTML/JSON or problem+json out. */
export function createApp(options: AppOptions = {}): express.Express {
  const app = express();
  const letterOptions = options.letterOptions ?? {};
  const renderer = options.renderer ?? createInProcessRenderer(letterOptions);
  const logger = options.logger ?? createLogger(process.stdout, 'silent');
  const apiKeys = options.apiKeys ?? [];
  let openApi: Record<string, unknown> | undefined;
  app.disable('x-powered-by');
  app.set('etag', false);

  app.use(logRequests(logger));
  // Plain-HTTP deployments inside a clinic network must not have the form's assets upgraded to https.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(allowCors(options.corsOrigins ?? []));
  app.use('/v1', requireApiKey(apiKeys));

  app.use(createWebForm());
  app.use(createPracticeRoute(options.practice));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.all('/healthz', allowOnly(['GET']));
  app.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApi({ apiKeys: apiKeys.length > 0 });
    res.json(openApi);
  });
  app.all('/openapi.json', allowOnly(['GET']));
  app.get('/problems', (_req, res) => {
    res.json(
      Object.entries(PROBLEM_TYPES).map(([name, about]) => describeProblem(name as ProblemType, about)),
    );
  });
  app.get('/problems/:name', (req, res) => {
    const name = req.params.name as ProblemType;
    if (!Object.hasOwn(PROBLEM_TYPES, name)) {
      sendProblem(res, 'not-found', 'No such problem type; GET /problems lists them.');
      return;
    }
    res.json(describeProblem(name, PROBLEM_TYPES[name]));
  });
  app.all(['/problems', '/problems/:name'], allowOnly(['GET']));
  app.get('/v1/kinds', (_req, res) => {
    res.json(kinds());
  });
  app.all('/v1/kinds', allowOnly(['GET']));
  app.get('/v1/kinds/:kind/schema', (req, res) => {
    res.type('application/schema+json').json(jsonSchema(kindParam(req)));
  });
  app.all('/v1/kinds/:kind/schema', allowOnly(['GET']));

  // Letters, previews and check reports carry patient data: no cache may keep them.
  app.use('/v1/letters', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  // A full queue is refused before the body is read: a client retrying at once costs almost nothing.
  const shedLoad: RequestHandler = (_req, res, next) => {
    if (renderer.isFull?.() === true) {
      res.set('Connection', 'close');
      replyUnavailable(res, new QueueFullError());
      return;
    }
    next();
  };
  // A FHIR Bundle (README "FHIR R4 input") becomes the letter input once parsed.
  const fhirBody = createFhirBody(letterOptions);
  const parseBody: RequestHandler[] = [
    requireJson,
    express.json({ limit: BODY_LIMIT, strict: false, type: () => true, verify: verifyUtf8 }),
    rejectDeepNesting,
    fhirBody.mapBody,
  ];

  app.post(
    '/v1/letters/:kind',
    requireAcceptable('application/pdf'),
    shedLoad,
    ...parseBody,
    async (req, res) => {
      const force = readForce(req.query);
      const draft = readForce(req.query, 'draft');
      if (force === undefined || draft === undefined) {
        sendProblem(res, 'invalid-query', 'force and draft must each be given once, as true, 1, false or 0.');
        return;
      }
      const { pdf, findings, ms } = await renderer.generate(kindParam(req), req.body, {
        force,
        draft,
        signal: clientGone(res),
      });
      if (findings.length > 0) res.set('Lmnkit-Findings', findingsHeader(findings));
      res
        .set('Server-Timing', serverTiming('render', ms))
        .type('application/pdf')
        .set('Content-Disposition', `attachment; filename="${kindParam(req)}.pdf"`)
        .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
    },
  );
  // A check is a few milliseconds of validation and rules (images included, bounded): it stays on the event loop.
  app.post('/v1/letters/:kind/check', requireAcceptable('application/json'), ...parseBody, (req, res) => {
    const started = performance.now();
    const draft = readForce(req.query, 'draft');
    if (draft === undefined) {
      sendProblem(res, 'invalid-query', 'draft must be given once, as true, 1, false or 0.');
      return;
    }
    const report = check(kindParam(req), req.body, { ...letterOptions, draft });
    res.set('Server-Timing', serverTiming('check', performance.now() - started)).json(report);
  });
  app.post(
    '/v1/letters/:kind/preview',
    requireAcceptable('text/html'),
    shedLoad,
    ...parseBody,
    async (req, res) => {
      const draft = readForce(req.query, 'draft');
      if (draft === undefined) {
        sendProblem(res, 'invalid-query', 'draft must be given once, as true, 1, false or 0.');
        return;
      }
      const { html, ms } = await renderer.preview(kindParam(req), req.body, {
        draft,
        signal: clientGone(res),
      });
      res.set('Server-Timing', serverTiming('render', ms)).type('html').send(html);
    },
  );
  app.all(['/v1/letters/:kind', '/v1/letters/:kind/check', '/v1/letters/:kind/preview'], allowOnly(['POST']));
  mountVerify(app);

  app.use((_req, res) => {
    sendProblem(res, 'not-found', 'No such resource.');
  });
  app.use(fhirBody.locateProblems);
  app.use(errorHandler(logger));
  return app;
}

interface BodyParserError {
  type?: string;
  status?: number;
}

function describeProblem(
  name: ProblemType,
  { status, title, description }: { status: number; title: string; description: string },
) {
  return { type: problemTypeUri(name), status, title, description };
}

const BODY_PROBLEMS: Partial<Record<string, [ProblemType, string]>> = {
  'entity.parse.failed': ['malformed-body', 'The request body is not valid JSON.'],
  'encoding.malformed': ['malformed-body', 'The request body is not valid UTF-8.'],
  'entity.too.large': ['content-too-large', `The request body is over ${BODY_LIMIT}.`],
  'charset.unsupported': ['unsupported-media-type', 'Send UTF-8 JSON.'],
  'encoding.unsupported': ['unsupported-media-type', 'Send UTF-8 JSON, without Content-Encoding.'],
};

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof RenderCancelledError) return; // nobody is left to answer
    if (error instanceof ValidationError) {
      sendProblem(res, 'invalid-input', error.message, { code: error.code, issues: error.issues });
      return;
    }
    if (error instanceof RuleError) {
      const blocking = error.findings.filter((finding) => finding.level === 'error');
      sendProblem(res, 'blocking-findings', error.message, {
        code: error.code,
        issues: blocking.map(({ path, code, message }) => ({ path, code, message })),
        findings: error.findings,
      });
      return;
    }
    if (error instanceof UnknownKindError) {
      sendProblem(res, 'unknown-kind', error.message, { code: error.code });
      return;
    }
    if (
      error instanceof QueueFullError ||
      error instanceof RenderTimeoutError ||
      error instanceof RenderThreadLostError
    ) {
      if (error instanceof RenderThreadLostError)
        logger.error({ reqId: requestIdOf(res), error: describeError(error.cause) }, 'render thread lost');
      replyUnavailable(res, error);
      return;
    }
    const parserError = error as BodyParserError;
    const bodyProblem = BODY_PROBLEMS[parserError.type ?? ''];
    if (bodyProblem !== undefined) {
      sendProblem(res, ...bodyProblem);
      return;
    }
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      sendProblem(res, 'malformed-body', 'The request could not be read.');
      return;
    }
    const described = error instanceof RenderDefectError ? error.defect : describeError(error);
    logger.error({ reqId: requestIdOf(res), error: described }, 'defect');
    sendProblem(res, 'internal-error', 'The letter could not be produced because of a defect in lmnkit.', {
      ...(error instanceof LmnkitError && { code: error.code }),
    });
  };
}
