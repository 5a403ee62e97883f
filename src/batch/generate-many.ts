// Many letters of one kind, rendered on a pool of worker threads, answered in input order with a
// bounded number in flight: however long the input, memory holds only that window.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { findKind } from '../letters/registry.js';
import type { Icd10cmCodeSets } from '../codes/icd10cm-code-set.js';
import { mergeBase } from './merge-base.js';
import type { BatchRow } from './read-rows.js';
import { renderRow, type RowOutcome, type RowTask } from './render-row.js';
import type { RowWorkerData } from './render-row-worker.js';

export interface BatchOptions {
  /** Worker threads; 0 renders on the calling thread. Default: one per core. */
  threads?: number;
  /** Write letters despite blocking findings. */
  force?: boolean;
  /** Today's date (YYYY-MM-DD) for date rules; defaults to the machine's calendar date. */
  today?: string;
  /** ICD-10-CM code-set files (see `loadIcd10cm`), loaded once by each thread. */
  icd10cm?: readonly string[];
  /** Shared facts (practice, provider, recipient) merged under each row; the row's own fields win. */
  base?: unknown;
}

/** One row's letter, or why there is none; never the row's field values. */
export type BatchResult = { row: number } & RowOutcome;

/**
 * V8 heap limits of each render thread, as the service's pool has them: a thread holds about 50 MB
 * live, and without a limit garbage grows its heap and the process's RSS (README "Performance").
 */
const THREAD_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 16 };

/** Rows in flight per thread: enough to keep every thread busy while the caller writes the last PDF. */
const IN_FLIGHT_PER_THREAD = 2;

/** The built worker: beside this module in dist/, or dist/ itself when tests run this module from src/. */
function findWorkerFile(): URL {
  const beside = new URL('./render-row-worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside))
    ? beside
    : new URL('../../dist/batch/render-row-worker.js', import.meta.url);
}

interface Renderer {
  render(task: RowTask): Promise<RowOutcome>;
  close(): Promise<void>;
}

function createRenderer(threads: number, icd10cm: readonly string[]): Renderer {
  if (threads === 0) {
    let codeSets: Promise<Icd10cmCodeSets> | undefined;
    return {
      async render(task) {
        if (icd10cm.length === 0) return renderRow(task);
        // Imported late: the public module imports this one.
        codeSets ??= import('../index.js').then(({ loadIcd10cm }) => loadIcd10cm(icd10cm));
        return renderRow(task, { codeSets: await codeSets });
      },
      close: () => Promise.resolve(),
    };
  }
  const workerData: RowWorkerData = { icd10cm };
  const pool = new Piscina({
    filename: findWorkerFile().href,
    minThreads: threads,
    maxThreads: threads,
    workerData,
    resourceLimits: THREAD_LIMITS,
  });
  return {
    async render(task) {
      try {
        return (await pool.run(task)) as RowOutcome;
      } catch {
        // The worker answers every row, failures included: a rejection means its thread died.
        return { status: 'failed', code: 'RENDER_THREAD_LOST' };
      }
    },
    close: () => pool.close(),
  };
}

async function renderOne(
  renderer: Renderer,
  kind: string,
  row: BatchRow,
  options: BatchOptions,
): Promise<BatchResult> {
  if (row.issues !== undefined) return { row: row.row, status: 'refused', issues: row.issues, findings: [] };
  const input = options.base === undefined ? row.input : mergeBase(options.base, row.input);
  const task: RowTask = {
    kind,
    input,
    force: options.force === true,
    ...(options.today !== undefined && { today: options.today }),
  };
  return { row: row.row, ...(await renderer.render(task)) };
}

/**
 * Renders rows read by `readCsvRows` or `readJsonlRows` (or made by the caller), yielding each row's
 * result in input order. A row that fails never stops the others; an error reading the rows is thrown
 * after the rows before it have been yielded.
 * @throws {UnknownKindError} before reading any row.
 * @example
 * for await (const result of generateRows('lmn', readCsvRows('lmn', stream), { threads: 2 })) …
 */
export async function* generateRows(
  kind: string,
  rows: AsyncIterable<BatchRow> | Iterable<BatchRow>,
  options: BatchOptions = {},
): AsyncGenerator<BatchResult> {
  findKind(kind);
  const threads = options.threads ?? availableParallelism();
  const renderer = createRenderer(threads, options.icd10cm ?? []);
  const inFlight: Promise<BatchResult>[] = [];
  let readError: Error | undefined;
  try {
    try {
      for await (const row of rows) {
        inFlight.push(renderOne(renderer, kind, row, options));
        if (inFlight.length >= Math.max(1, threads) * IN_FLIGHT_PER_THREAD) {
          yield await (inFlight.shift() as Promise<BatchResult>);
        }
      }
    } catch (error) {
      readError = error instanceof Error ? error : new Error('The rows could not be read.');
    }
    for (let next = inFlight.shift(); next !== undefined; next = inFlight.shift()) yield await next;
    if (readError !== undefined) throw readError;
  } finally {
    await Promise.allSettled(inFlight);
    await renderer.close();
  }
}

/**
 * Renders many letters of one kind from any iterable of inputs, one result per input in order, rows
 * numbered from 1.
 * @example
 * for await (const { row, status, pdf } of generateMany('lmn', inputs, { base: practice })) …
 */
export async function* generateMany(
  kind: string,
  inputs: AsyncIterable<unknown> | Iterable<unknown>,
  options: BatchOptions = {},
): AsyncGenerator<BatchResult> {
  async function* numbered(): AsyncGenerator<BatchRow> {
    let row = 0;
    for await (const input of inputs) yield { row: ++row, input };
  }
  yield* generateRows(kind, numbered(), options);
}
