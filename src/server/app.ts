import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import {
  check,
  generate,
  jsonSchema,
  kinds,
  LmnkitError,
  preview,
  RuleError,
  UnknownKindError,
  ValidationError,
  type Finding,
  type GenerateOptions,
} from '../index.js';
import { placeholderPage } from './placeholder-page.js';
import { sendProblem } from './problem.js';

export interface AppOptions {
  /** Passed to every generate/check/preview call (code sets, clock). */
  letterOptions?: Omit<GenerateOptions, 'force'>;
  /** Called for defects (500s) with the error; never with request bodies. */
  onDefect?: (error: unknown, req: Request) => void;
}

const BODY_LIMIT = '1mb';

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

function findingsHeader(findings: Finding[]): string {
  return findings.map((finding) => `${finding.code};level=${finding.level};path=${finding.path}`).join(', ');
}

function kindParam(req: Request): string {
  return String(req.params.kind);
}

/** The Express application (no listen): JSON in, PDF/HTML/JSON or problem+json out. */
export function createApp(options: AppOptions = {}): express.Express {
  const app = express();
  const letterOptions = options.letterOptions ?? {};
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/', (_req, res) => {
    res.type('html').send(placeholderPage(kinds()));
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/v1/kinds', (_req, res) => {
    res.json(kinds());
  });
  app.get('/v1/kinds/:kind/schema', (req, res) => {
    res.type('application/schema+json').json(jsonSchema(kindParam(req)));
  });

  const json: RequestHandler[] = [
    requireJson,
    express.json({ limit: BODY_LIMIT, strict: false, type: () => true }),
  ];

  app.post('/v1/letters/:kind', ...json, async (req, res) => {
    const force = req.query.force === 'true' || req.query.force === '1';
    const { pdf, findings } = await generate(kindParam(req), req.body, { ...letterOptions, force });
    if (findings.length > 0) res.set('Lmnkit-Findings', findingsHeader(findings));
    res
      .type('application/pdf')
      .set('Content-Disposition', `attachment; filename="${kindParam(req)}.pdf"`)
      .send(Buffer.from(pdf));
  });
  app.post('/v1/letters/:kind/check', ...json, (req, res) => {
    res.json(check(kindParam(req), req.body, letterOptions));
  });
  app.post('/v1/letters/:kind/preview', ...json, (req, res) => {
    res.type('html').send(preview(kindParam(req), req.body, letterOptions));
  });

  app.use((_req, res) => {
    sendProblem(res, { status: 404, title: 'Not Found', detail: 'No such resource.' });
  });
  app.use(errorHandler(options));
  return app;
}

interface BodyParserError {
  type?: string;
  status?: number;
}

function errorHandler(options: AppOptions): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
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
    options.onDefect?.(error, req);
    sendProblem(res, {
      status: 500,
      title: 'Internal Server Error',
      detail: 'The letter could not be produced because of a defect in lmnkit.',
      ...(error instanceof LmnkitError && { code: error.code }),
    });
  };
}
