import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendProblem } from './problem.js';

const digest = (key: string) => createHash('sha256').update(key).digest();

/** The key a request presents: `Authorization: Bearer <key>`, else `X-API-Key: <key>`. */
function presentedKey(authorization: string | undefined, apiKey: string | undefined): string | undefined {
  const bearer = /^Bearer +(\S+) *$/i.exec(authorization ?? '')?.[1];
  return bearer ?? apiKey;
}

/**
 * Lets a request through only with one of the keys (none configured: everyone). Keys are compared
 * as SHA-256 digests in constant time, against every key, so timing says nothing about them.
 */
export function requireApiKey(keys: readonly string[]): RequestHandler {
  const digests = keys.map(digest);
  return (req, res, next) => {
    if (digests.length === 0) {
      next();
      return;
    }
    const key = presentedKey(req.get('authorization'), req.get('x-api-key'));
    let valid = false;
    if (key !== undefined) {
      const candidate = digest(key);
      for (const known of digests) valid = timingSafeEqual(candidate, known) || valid;
    }
    if (valid) {
      next();
      return;
    }
    res.set('WWW-Authenticate', 'Bearer realm="lmnkit"');
    sendProblem(
      res,
      'unauthorized',
      'Send a valid API key as "Authorization: Bearer <key>" or "X-API-Key: <key>".',
    );
  };
}
