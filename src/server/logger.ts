import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Request, RequestHandler } from 'express';
import { pino, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

export type { Logger };
export { describeError } from './describe-error.js';

/**
 * Structured JSON lines (pino): `{"level":"info","time":"…","pid":…,"reqId":…,"msg":"request",…}`.
 * @example
 * const logger = createLogger(process.stdout, 'info');
 */
export function createLogger(destination: DestinationStream, level: LevelWithSilent = 'info'): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

const SANE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The matched route pattern (`/v1/letters/:kind`), never the URL: paths and queries may carry values. */
function routeOf(req: Request): string | null {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? req.baseUrl + path : null;
}

/** The request's id: set by logRequests. */
export function requestIdOf(res: { locals: Record<string, unknown> }): string | undefined {
  return typeof res.locals.requestId === 'string' ? res.locals.requestId : undefined;
}

/**
 * Gives each request an id (a sane incoming X-Request-Id, else a new UUID), echoes it in the
 * response, and logs one line when the response ends: method, route, status, ms, bytes, reqId.
 */
export function logRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const incoming = req.get('x-request-id');
    const reqId = incoming !== undefined && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = reqId;
    res.set('X-Request-Id', reqId);
    res.once('close', () => {
      logger.info(
        {
          reqId,
          method: req.method,
          route: routeOf(req),
          // A response cut short (client gone) has no status to report.
          status: res.writableFinished ? res.statusCode : null,
          ms: Math.round((performance.now() - started) * 10) / 10,
          bytes: Number(res.getHeader('content-length') ?? 0),
          ...(!res.writableFinished && { aborted: true }),
        },
        'request',
      );
    });
    next();
  };
}
