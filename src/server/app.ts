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
} from '../index.js';
import { allowCors } from './allow-cors.js';
import { createLogger, describeError, logRequests, requestIdOf, type Logger } from './logger.js';
import { buildOpenApi } from './openapi.js';
import { createWebForm } from './web-form.js';
import { sendProblem } from './problem.js';
import {
  createInProcessRenderer,
  QueueFullError,
  RenderCancelledError,
  RenderTimeoutError,
  type Renderer,
} from './render-pool.js';
import { requireApiKey } from './require-api-key.js';

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
}

const BODY_LIMIT = '1mb';
const MAX_DEPTH = 32;
const RETRY_AFTER_SECONDS = 1;

function requireJson(req: Request, res: Response, next: () => void): void {
  if (!req.is(['application/json', 'application/*+json'])) {
    sendProblem(res, {
      status: 415,
      title: 'Unsupported Media Type',
      detail: 'Send the letter input as JSON with Content-Type: application/json.',
    });
    return;
  }
  next();
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
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/openapi.json', (_req, res) => {
    openApi ??= buildOpenApi({ apiKeys: apiKeys.length > 0 });
    res.json(openApi);
  });
  app.get('/v1/kinds', (_req, res) => {
    res.json(kinds());
  });
  app.get('/v1/kinds/:kind/schema', (req, res) => {
    res.type('application/schema+json').json(jsonSchema(kindParam(req)));
  });

  const letterInput: RequestHandler[] = [
    requireJson,
    express.json({ limit: BODY_LIMIT, strict: false, type: () => true }),
    rejectDeepNesting,
  ];

  app.post('/v1/letters/:kind', ...letterInput, async (req, res) => {
    const force = req.query.force === 'true' || req.query.force === '1';
    const { pdf, findings, ms } = await renderer.generate(kindParam(req), req.body, {
      force,
      signal: clientGone(res),
    });
    if (findings.length > 0) res.set('Lmnkit-Findings', findingsHeader(findings));
    res
      .set('Server-Timing', serverTiming('render', ms))
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${kindParam(req)}.pdf"`)
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
  // A check is a few milliseconds of validation and rules: it stays on the event loop.
  app.post('/v1/letters/:kind/check', ...letterInput, (req, res) => {
    const started = performance.now();
    const report = check(kindParam(req), req.body, letterOptions);
    res.set('Server-Timing', serverTiming('check', performance.now() - started)).json(report);
  });
  app.post('/v1/letters/:kind/preview', ...letterInput, async (req, res) => {
    const { html, ms } = await renderer.preview(kindParam(req), req.body, { signal: clientGone(res) });
    res.set('Server-Timing', serverTiming('render', ms)).type('html').send(html);
  });

  app.use((_req, res) => {
    sendProblem(res, { status: 404, title: 'Not Found', detail: 'No such resource.' });
  });
  app.use(errorHandler(logger));
  return app;
}

interface BodyParserError {
  type?: string;
  status?: number;
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof RenderCancelledError) return; // nobody is left to answer
    if (error instanceof ValidationError) {
      sendProblem(res, {
        status: 422,
        title: 'Invalid input',
        detail: error.message,
        code: error.code,
        issues: error.issues,
      });
      return;
    }
    if (error instanceof RuleError) {
      const blocking = error.findings.filter((finding) => finding.level === 'error');
      sendProblem(res, {
        status: 422,
        title: 'Blocking findings',
        detail: error.message,
        code: error.code,
        issues: blocking.map(({ path, code, message }) => ({ path, code, message })),
        findings: error.findings,
      });
      return;
    }
    if (error instanceof UnknownKindError) {
      sendProblem(res, {
        status: 404,
        title: 'Unknown letter kind',
        detail: error.message,
        code: error.code,
      });
      return;
    }
    if (error instanceof QueueFullError || error instanceof RenderTimeoutError) {
      res.set('Retry-After', String(RETRY_AFTER_SECONDS));
      sendProblem(res, {
        status: 503,
        title: 'Service Unavailable',
        detail: `${error.message} Retry in a moment.`,
        code: error.code,
      });
      return;
    }
    const parserError = error as BodyParserError;
    if (parserError.type === 'entity.parse.failed') {
      sendProblem(res, {
        status: 400,
        title: 'Malformed JSON',
        detail: 'The request body is not valid JSON.',
      });
      return;
    }
    if (parserError.type === 'entity.too.large') {
      sendProblem(res, {
        status: 413,
        title: 'Content Too Large',
        detail: `The request body is over ${BODY_LIMIT}.`,
      });
      return;
    }
    if (parserError.type === 'charset.unsupported' || parserError.type === 'encoding.unsupported') {
      sendProblem(res, { status: 415, title: 'Unsupported Media Type', detail: 'Send UTF-8 JSON.' });
      return;
    }
    if (typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      sendProblem(res, {
        status: parserError.status,
        title: 'Bad Request',
        detail: 'The request could not be read.',
      });
      return;
    }
    logger.error({ reqId: requestIdOf(res), error: describeError(error) }, 'defect');
    sendProblem(res, {
      status: 500,
      title: 'Internal Server Error',
      detail: 'The letter could not be produced because of a defect in lmnkit.',
      ...(error instanceof LmnkitError && { code: error.code }),
    });
  };
}
