import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { Piscina } from 'piscina';
import {
  generate,
  kinds,
  LmnkitError,
  preview,
  RuleError,
  UnknownKindError,
  ValidationError,
  type Finding,
  type GenerateOptions,
} from '../index.js';
import type { RenderFailure, RenderReply, RenderTask, RenderWorkerData } from './render-worker.js';

export interface RenderedPdf {
  pdf: Uint8Array;
  findings: Finding[];
  /** Time spent rendering, in milliseconds (queueing excluded). */
  ms: number;
}

export interface RenderedHtml {
  html: string;
  ms: number;
}

/** Aborts when the client that asked for the letter is gone. */
interface Cancellable {
  signal?: AbortSignal;
}

/** A draft: missing fields are placeholders and findings never block (GenerateOptions.draft). */
interface Drafted {
  draft?: boolean;
}

/** Writes letters for the HTTP app; throws the library's errors (ValidationError, RuleError, …). */
export interface Renderer {
  generate(
    kind: string,
    input: unknown,
    options: { force: boolean } & Drafted & Cancellable,
  ): Promise<RenderedPdf>;
  preview(kind: string, input: unknown, options?: Drafted & Cancellable): Promise<RenderedHtml>;
  /** Whether a letter asked for now would be refused with QueueFullError (checked before reading a body). */
  isFull?(): boolean;
  close(): Promise<void>;
}

/** Every render thread is busy and the queue is full (HTTP 503 with Retry-After). */
export class QueueFullError extends LmnkitError {
  static readonly code = 'QUEUE_FULL';

  constructor() {
    super(QueueFullError.code, 'Every render thread is busy and the queue is full.');
  }
}

/** A letter waited and rendered longer than the configured timeout (HTTP 503 with Retry-After). */
export class RenderTimeoutError extends LmnkitError {
  static readonly code = 'RENDER_TIMEOUT';

  constructor(timeoutMs: number, options?: ErrorOptions) {
    super(RenderTimeoutError.code, `The letter was not ready within ${timeoutMs} ms.`, options);
  }
}

/** The thread rendering the letter died (the pool starts another): HTTP 503, the client may retry. */
export class RenderThreadLostError extends LmnkitError {
  static readonly code = 'RENDER_THREAD_LOST';

  constructor(options?: ErrorOptions) {
    super(RenderThreadLostError.code, 'The render thread stopped while writing the letter.', options);
  }
}

/** The library threw something that is not one of its own errors in a render thread: a defect (HTTP 500). */
export class RenderDefectError extends LmnkitError {
  static readonly code = 'INTERNAL_DEFECT';

  /** The error as the worker described it (name, code, frames; never its message), for the log. */
  constructor(readonly defect: Readonly<Record<string, unknown>>) {
    super(RenderDefectError.code, 'The letter could not be produced.');
  }
}

/** The client went away while its letter waited for a thread: nobody is left to answer. */
export class RenderCancelledError extends LmnkitError {
  static readonly code = 'RENDER_CANCELLED';

  constructor() {
    super(RenderCancelledError.code, 'The client went away before its letter was rendered.');
  }
}

export interface RenderPoolOptions {
  /** Worker threads, each rendering one letter at a time. */
  threads: number;
  /** Letters that may wait for a free thread; one more is refused with QueueFullError. */
  queue: number;
  /** Time from admission to answer (queueing included); a letter still rendering then has its thread replaced. */
  timeoutMs: number;
  /** V8 heap limits of each render thread; default RENDER_THREAD_LIMITS. A thread over them is replaced. */
  resourceLimits?: ResourceLimits;
  /** ICD-10-CM code-set files each worker loads once. */
  icd10cm?: readonly string[];
  /** The practice's signing certificate, which each worker opens once (README "Trust"). */
  signing?: { p12: Uint8Array; passphrase: string };
  /** The date rules compare against (YYYY-MM-DD); defaults to the calendar date of each letter's render. */
  today?: string;
  /** The worker module; the built render-worker.js unless a test substitutes one. */
  workerFile?: URL;
}

const WARM_TIMEOUT_MS = 120_000;

/**
 * A render thread holds about 50 MB of live data (fonts, templates, bounded caches; pixels and PDF
 * bytes live outside the V8 heap). Without a limit V8 lets garbage grow each thread's heap towards
 * the process's default limit before collecting, and RSS climbs under sustained load (issue 11,
 * bench `sustained`).
 */
export const RENDER_THREAD_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 96,
  maxYoungGenerationSizeMb: 16,
};

/** The built worker: beside this module in dist/, or dist/ itself when tests run this module from src/. */
function findWorkerFile(): URL {
  const beside = new URL('./render-worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside))
    ? beside
    : new URL('../../dist/server/render-worker.js', import.meta.url);
}

function rebuildError(failure: RenderFailure, kind: string): LmnkitError {
  switch (failure.code) {
    case ValidationError.code:
      return new ValidationError(failure.issues ?? []);
    case RuleError.code:
      return new RuleError(failure.findings ?? []);
    case UnknownKindError.code:
      return new UnknownKindError(
        kind,
        kinds().map((summary) => summary.kind),
      );
    case RenderDefectError.code:
      return new RenderDefectError(failure.defect ?? {});
    default:
      return new LmnkitError(failure.code, 'The letter could not be produced.');
  }
}

export interface RenderPool extends Renderer {
  /** Letters admitted and not yet answered (rendering or queued). */
  readonly pending: number;
  /** Resolves once every thread has loaded the library (and code sets). */
  warm(): Promise<void>;
}

/**
 * A pool of worker threads that render letters off the event loop, with a bounded queue and a
 * per-letter timeout.
 * @example
 * const pool = createRenderPool({ threads: 4, queue: 64, timeoutMs: 10_000 });
 * const { pdf } = await pool.generate('lmn', input, { force: false });
 */
export function createRenderPool(options: RenderPoolOptions): RenderPool {
  const workerData: RenderWorkerData = {
    icd10cm: options.icd10cm ?? [],
    ...(options.signing && { signing: options.signing }),
  };
  const pool = new Piscina({
    filename: (options.workerFile ?? findWorkerFile()).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    workerData,
    resourceLimits: options.resourceLimits ?? RENDER_THREAD_LIMITS,
  });
  const capacity = options.threads + options.queue;
  let running = 0;
  // Letters admitted but waiting for a thread, first come first served; piscina itself never queues.
  const waiting: (() => void)[] = [];

  function takeThread(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(new Error('aborted before it started'));
    if (running < options.threads) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const start = () => {
        signal.removeEventListener('abort', cancel);
        running++;
        resolve();
      };
      const cancel = () => {
        waiting.splice(waiting.indexOf(start), 1);
        reject(new Error('aborted while queued'));
      };
      waiting.push(start);
      signal.addEventListener('abort', cancel, { once: true });
    });
  }

  function releaseThread(): void {
    running--;
    waiting.shift()?.();
  }

  const isFull = () => running + waiting.length >= capacity;

  async function run(
    task: RenderTask,
    gone?: AbortSignal,
    timeoutMs = options.timeoutMs,
  ): Promise<Extract<RenderReply, { ok: true }>> {
    if (isFull()) throw new QueueFullError();
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      // A client that goes away frees its place in the queue; once rendering, the letter finishes.
      await takeThread(gone ? AbortSignal.any([timeout, gone]) : timeout);
    } catch (error) {
      throw timeout.aborted
        ? new RenderTimeoutError(timeoutMs, { cause: error })
        : new RenderCancelledError();
    }
    let reply: RenderReply;
    try {
      reply = (await pool.run(task, { signal: timeout })) as RenderReply;
    } catch (error) {
      // The worker answers every letter, failures included: a rejection means its thread is gone.
      throw timeout.aborted
        ? new RenderTimeoutError(timeoutMs, { cause: error })
        : new RenderThreadLostError({ cause: error });
    } finally {
      releaseThread();
    }
    if (!reply.ok) throw rebuildError(reply.failure, task.kind);
    return reply;
  }

  const today = options.today === undefined ? {} : { today: options.today };
  return {
    get pending() {
      return running + waiting.length;
    },
    async generate(kind, input, { force, draft = false, signal }) {
      const { pdf, findings, ms } = await run({ format: 'pdf', kind, input, force, draft, ...today }, signal);
      if (pdf === undefined) throw new LmnkitError('GENERATION_FAILED', 'The worker returned no PDF.');
      return { pdf, findings, ms };
    },
    async preview(kind, input, { draft = false, signal } = {}) {
      const { html, ms } = await run({ format: 'html', kind, input, force: true, draft, ...today }, signal);
      if (html === undefined) throw new LmnkitError('GENERATION_FAILED', 'The worker returned no HTML.');
      return { html, ms };
    },
    isFull,
    async warm() {
      // Warming parses fonts and compiles templates: it may take longer than a letter's timeout.
      const tasks = Array.from({ length: options.threads }, () =>
        run(
          { format: 'warm', kind: '', input: null, force: false },
          undefined,
          Math.max(options.timeoutMs, WARM_TIMEOUT_MS),
        ),
      );
      await Promise.all(tasks);
    },
    // Waits for the letters still rendering, then ends the threads.
    close: () => pool.close(),
  };
}

async function time<T>(render: () => T | Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await render();
  return [value, performance.now() - started];
}

/** Renders on the calling thread: for tests and for embedding the app without a pool. */
export function createInProcessRenderer(letterOptions: Omit<GenerateOptions, 'force'> = {}): Renderer {
  return {
    async generate(kind, input, { force, draft = false }) {
      const [{ pdf, findings }, ms] = await time(() =>
        generate(kind, input, { ...letterOptions, force, draft }),
      );
      return { pdf, findings, ms };
    },
    async preview(kind, input, { draft = false } = {}) {
      const [html, ms] = await time(() => preview(kind, input, { ...letterOptions, draft }));
      return { html, ms };
    },
    close: () => Promise.resolve(),
  };
}
