// POST /v1/verify: what `lmnkit verify` says about an uploaded letter (README "Trust: what a receiver can
// check"). The PDF is read from memory and never stored; nothing of it reaches the logs.
import express, {
  type ErrorRequestHandler,
  type Express,
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { NotALetterError, verifyLetter } from '../index.js';
import { allowOnly } from './allow-only.js';
import { sendProblem } from './problem.js';

/** A letter with images is well under this; anything larger is refused before it is read. */
export const VERIFY_LIMIT_BYTES = 10 * 1024 * 1024;

function requirePdf(req: Request, res: Response, next: NextFunction): void {
  if (!req.is('application/pdf')) {
    sendProblem(
      res,
      'unsupported-media-type',
      'Send the letter as the body, with Content-Type: application/pdf.',
    );
    return;
  }
  next();
}

/** The body parser's errors for this route (the app's own handler speaks of JSON bodies of 1 MB). */
const bodyProblems: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large')
    sendProblem(res, 'content-too-large', 'A letter to verify is at most 10 MB.');
  else if (typeof type === 'string')
    sendProblem(res, 'malformed-body', 'The request body could not be read.');
  else next(error);
};

/** Mounts POST /v1/verify (behind the same API keys as the rest of /v1). */
export function mountVerify(app: Express): void {
  const readPdf = express.raw({ type: 'application/pdf', limit: VERIFY_LIMIT_BYTES });
  app.post('/v1/verify', requirePdf, readPdf, async (req, res) => {
    res.set('Cache-Control', 'no-store');
    const body = req.body as unknown;
    const pdf = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
    try {
      res.json(await verifyLetter(pdf));
    } catch (error) {
      if (!(error instanceof NotALetterError)) throw error;
      sendProblem(res, 'invalid-input', error.message, { code: error.code });
    }
  });
  app.all('/v1/verify', allowOnly(['POST']));
  app.use('/v1/verify', bodyProblems);
}
