import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';
import { formLayout, kinds, searchIcd10cm } from '../index.js';
import { allowOnly } from './allow-only.js';
import { sendProblem } from './problem.js';

// Read from the package folder, not compiled: the same path from src/server/ and dist/server/.
const PUBLIC = fileURLToPath(new URL('../../src/server/public/', import.meta.url));
const EXAMPLES = new URL('../../examples/', import.meta.url);
const MAX_QUERY_LENGTH = 100;
const MAX_MATCHES = 50;

export interface ExampleSummary {
  name: string;
  kind: string;
  purpose?: string;
}

/** The example inputs shipped with the package, each with its kind (the longest matching name prefix). */
function listExamples(): ExampleSummary[] {
  let files: string[];
  try {
    files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  const names = kinds()
    .map(({ kind }) => kind)
    .sort((a, b) => b.length - a.length);
  return files.sort().flatMap((file) => {
    const name = file.slice(0, -'.json'.length);
    const kind = names.find((candidate) => name === candidate || name.startsWith(`${candidate}-`));
    if (kind === undefined) return [];
    const { purpose } = JSON.parse(readFileSync(new URL(file, EXAMPLES), 'utf8')) as { purpose?: unknown };
    return [{ name, kind, ...(typeof purpose === 'string' && { purpose }) }];
  });
}

function readLimit(value: unknown): number | undefined {
  if (value === undefined) return 10;
  if (typeof value !== 'string' || !/^\d{1,3}$/.test(value)) return undefined;
  const limit = Number(value);
  return limit >= 1 && limit <= MAX_MATCHES ? limit : undefined;
}

/**
 * The web form at `/` (its assets under `/form/`), the form layout of each kind, the ICD-10-CM
 * look-up and the example inputs the form can start from.
 */
export function createWebForm(): Router {
  const router = express.Router();
  let examples: ExampleSummary[] | undefined;

  router.get('/', (_req, res) => {
    res.set('Cache-Control', 'no-cache').sendFile('index.html', { root: PUBLIC });
  });
  router.use(
    '/form',
    express.static(PUBLIC, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  router.get('/form/examples', (_req, res) => {
    examples ??= listExamples();
    res.json(examples);
  });
  router.get('/form/examples/:name', (req, res) => {
    examples ??= listExamples();
    const example = examples.find(({ name }) => name === req.params.name);
    if (example === undefined) {
      sendProblem(res, 'not-found', 'No such example.');
      return;
    }
    res.type('json').send(readFileSync(new URL(`${example.name}.json`, EXAMPLES)));
  });

  router.get('/v1/kinds/:kind/form', (req, res) => {
    res.json(formLayout(req.params.kind));
  });
  router.get('/v1/icd10cm', (req, res) => {
    const { q } = req.query;
    const limit = readLimit(req.query.limit);
    if (typeof q !== 'string' || limit === undefined) {
      sendProblem(
        res,
        'invalid-query',
        `Give the code or words to look for as ?q=, and optionally ?limit= from 1 to ${MAX_MATCHES}.`,
      );
      return;
    }
    const { date } = req.query;
    const options = typeof date === 'string' ? { date } : {};
    res.json(searchIcd10cm(q.slice(0, MAX_QUERY_LENGTH), limit, options));
  });
  for (const path of ['/', '/form/examples', '/form/examples/:name', '/v1/kinds/:kind/form', '/v1/icd10cm'])
    router.all(path, allowOnly(['GET']));
  return router;
}
