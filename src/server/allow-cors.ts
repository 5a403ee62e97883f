import type { RequestHandler } from 'express';

const EXPOSED_HEADERS = 'Content-Disposition, Lmnkit-Findings, Retry-After, Server-Timing, X-Request-Id';

/**
 * CORS for the configured origins ('*' for any); without origins, no CORS headers at all.
 * Answers preflight requests itself, before any API-key check (browsers send no key on them).
 */
export function allowCors(origins: readonly string[]): RequestHandler {
  const anyOrigin = origins.includes('*');
  return (req, res, next) => {
    if (origins.length === 0) {
      next();
      return;
    }
    res.vary('Origin');
    const origin = req.get('origin');
    if (origin === undefined || !(anyOrigin || origins.includes(origin))) {
      next();
      return;
    }
    res.set('Access-Control-Allow-Origin', anyOrigin ? '*' : origin);
    if (req.method === 'OPTIONS' && req.get('access-control-request-method') !== undefined) {
      res.set({
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-API-Key, X-Request-Id',
        'Access-Control-Max-Age': '600',
      });
      res.status(204).end();
      return;
    }
    res.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    next();
  };
}
