import type { Response } from 'express';

/**
 * Every kind of problem the service answers with (RFC 9457). Each one's `type` is `/problems/<name>`, a
 * URI reference to this service's own description of it (GET /problems/<name>); README "Problem types".
 */
export const PROBLEM_TYPES = {
  'malformed-body': {
    status: 400,
    title: 'Malformed request body',
    description:
      'The body is not valid JSON, or not valid UTF-8. Send UTF-8 JSON (a byte-order mark is allowed).',
  },
  'invalid-query': {
    status: 400,
    title: 'Invalid query parameter',
    description:
      'A query parameter has a value the route does not accept; `detail` says which and what it takes.',
  },
  unauthorized: {
    status: 401,
    title: 'Unauthorized',
    description: 'The service requires an API key: send it as `Authorization: Bearer <key>` or `X-API-Key`.',
  },
  'not-found': { status: 404, title: 'Not Found', description: 'No such route or resource.' },
  'unknown-kind': {
    status: 404,
    title: 'Unknown letter kind',
    description: 'The kind in the path is not one lmnkit writes; GET /v1/kinds lists them.',
  },
  'method-not-allowed': {
    status: 405,
    title: 'Method Not Allowed',
    description: 'The route exists but not for this method; the `Allow` header lists the methods it takes.',
  },
  'not-acceptable': {
    status: 406,
    title: 'Not Acceptable',
    description: 'The `Accept` header excludes the only media type the route answers with.',
  },
  'content-too-large': { status: 413, title: 'Content Too Large', description: 'The body is over 1 MB.' },
  'unsupported-media-type': {
    status: 415,
    title: 'Unsupported Media Type',
    description: 'The body is not JSON (Content-Type: application/json) or not in UTF-8.',
  },
  'invalid-input': {
    status: 422,
    title: 'Invalid input',
    description:
      'The input does not match the kind’s schema: `issues` lists each problem with its field path.',
  },
  'blocking-findings': {
    status: 422,
    title: 'Blocking findings',
    description:
      'The input is valid but rules found errors that would make the letter fail (`issues`, `findings`); fix them or pass ?force=true.',
  },
  'service-unavailable': {
    status: 503,
    title: 'Service Unavailable',
    description:
      'The letter could not be rendered now: the queue is full (QUEUE_FULL), it timed out (RENDER_TIMEOUT) or its render thread was lost (RENDER_THREAD_LOST). Retry after `Retry-After` seconds.',
  },
  'internal-error': {
    status: 500,
    title: 'Internal Server Error',
    description:
      'A defect in lmnkit; the body is generic and the server log has the details (no field values).',
  },
} as const satisfies Record<string, { status: number; title: string; description: string }>;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export function problemTypeUri(type: ProblemType): string {
  return `/problems/${type}`;
}

/**
 * Sends an RFC 9457 problem document of one of the PROBLEM_TYPES. Problems may echo field paths and
 * findings about a patient's letter: they are never stored by caches.
 */
export function sendProblem(
  res: Response,
  type: ProblemType,
  detail: string,
  extensions: Record<string, unknown> = {},
): void {
  const { status, title } = PROBLEM_TYPES[type];
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .type('application/problem+json')
    .json({ type: problemTypeUri(type), title, status, detail, ...extensions });
}
