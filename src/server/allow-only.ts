import type { RequestHandler } from 'express';
import { sendProblem } from './problem.js';

/**
 * Registered with `all` after a route's handlers: answers OPTIONS with the route's methods, and any
 * other method with 405 and an `Allow` header (RFC 9110 §15.5.6).
 * @example
 * app.get('/healthz', health).all('/healthz', allowOnly(['GET']));
 */
export function allowOnly(methods: readonly ('GET' | 'POST')[]): RequestHandler {
  const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  return (req, res) => {
    res.set('Allow', allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    sendProblem(res, 'method-not-allowed', `This route answers ${allow}.`);
  };
}
