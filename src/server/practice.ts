// The practice file (`--practice` / LMNKIT_PRACTICE): letterhead and providers the web form offers.
import { readFileSync } from 'node:fs';
import express, { type Router } from 'express';
import { parsePracticeProfile, ValidationError, type PracticeProfile } from '../index.js';
import { allowOnly } from './allow-only.js';
import { ConfigError, SETTINGS } from './config.js';

const SOURCE = `--${SETTINGS.practice.flag} / ${SETTINGS.practice.env}`;

/**
 * Reads and checks a practice file at start-up.
 * @throws {ConfigError} naming the file's problem, or each invalid field (never its value).
 */
export function readPracticeFile(path: string): PracticeProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError([`${SOURCE}: the file cannot be read`]);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new ConfigError([`${SOURCE}: the file is not JSON`]);
  }
  try {
    return parsePracticeProfile(input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ConfigError(
      error.issues.map((issue) => `${SOURCE}: ${issue.path || 'practice'} ${issue.message}`),
    );
  }
}

/** `GET /v1/practice`: the practice the service was started with; 204 No Content when none. */
export function createPracticeRoute(profile: PracticeProfile | undefined): Router {
  const router = express.Router();
  router.get('/v1/practice', (_req, res) => {
    if (profile === undefined) {
      res.status(204).end();
      return;
    }
    res.json(profile);
  });
  router.all('/v1/practice', allowOnly(['GET']));
  return router;
}
