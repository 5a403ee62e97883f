// A worker thread of the render pool: one letter per task through the public API. Errors cross
// the thread boundary as plain data ({code, issues, findings}); the pool rebuilds them.
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import {
  generate,
  LmnkitError,
  loadIcd10cm,
  loadSigningCertificate,
  preview,
  RuleError,
  ValidationError,
  type Finding,
  type GenerateOptions,
  type Issue,
} from '../index.js';
import { describeError } from './describe-error.js';

export interface RenderWorkerData {
  /** ICD-10-CM code-set files, loaded once per worker. */
  icd10cm: readonly string[];
  /** The practice's signing certificate, opened once per worker: it signs letters whose mode is digital. */
  signing?: { p12: Uint8Array; passphrase: string };
}

export interface RenderTask {
  /** 'warm' renders one example letter, so that fonts, templates and caches are ready before traffic. */
  format: 'pdf' | 'html' | 'warm';
  kind: string;
  input: unknown;
  force: boolean;
  /** A draft (GenerateOptions.draft). */
  draft?: boolean;
  today?: string;
}

/** An expected failure (bad input, blocking findings, unknown kind) or a library defect with its code. */
export interface RenderFailure {
  code: string;
  issues?: readonly Issue[];
  findings?: readonly Finding[];
  /** For a defect (code INTERNAL_DEFECT): the error described for the log, without field values. */
  defect?: Record<string, unknown>;
}

export type RenderReply =
  | { ok: true; pdf?: Uint8Array; html?: string; findings: Finding[]; ms: number }
  | { ok: false; failure: RenderFailure };

const { icd10cm, signing: signingFile } = workerData as RenderWorkerData;
const codeSets = icd10cm.length > 0 ? await loadIcd10cm(icd10cm) : undefined;
const signing = signingFile && loadSigningCertificate(signingFile.p12, signingFile.passphrase);

const WARM_UP_EXAMPLE = new URL('../../examples/lmn-insurance.json', import.meta.url);

/** The first letter in a thread pays for parsing fonts and compiling templates: pay it at start-up. */
async function warmUp(): Promise<void> {
  const input: unknown = JSON.parse(await readFile(WARM_UP_EXAMPLE, 'utf8'));
  await generate<string>('lmn', input, { force: true });
}

/** Every failure is answered, defects included: a task that rejects means the thread itself was lost. */
function toFailure(error: unknown): RenderFailure {
  if (error instanceof ValidationError) return { code: error.code, issues: error.issues };
  if (error instanceof RuleError) return { code: error.code, findings: error.findings };
  if (error instanceof LmnkitError) return { code: error.code };
  return { code: 'INTERNAL_DEFECT', defect: describeError(error) };
}

/** Renders one letter; the PDF's bytes are moved to the main thread, not copied. */
export default async function renderInWorker(task: RenderTask): Promise<unknown> {
  const options: GenerateOptions = {
    force: task.force,
    ...(task.draft === true && { draft: true }),
    ...(task.today !== undefined && { today: task.today }),
    ...(codeSets && { codeSets }),
    ...(signing && { signing }),
  };
  const started = performance.now();
  try {
    if (task.format === 'warm') {
      await warmUp();
      return { ok: true, findings: [], ms: performance.now() - started } satisfies RenderReply;
    }
    if (task.format === 'html') {
      const html = preview(task.kind, task.input, options);
      return { ok: true, html, findings: [], ms: performance.now() - started } satisfies RenderReply;
    }
    const { pdf, findings } = await generate(task.kind, task.input, options);
    // A view on a shared or pooled buffer cannot be transferred: give the PDF its own buffer.
    const owned =
      pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : new Uint8Array(pdf);
    const reply: RenderReply = { ok: true, pdf: owned, findings, ms: performance.now() - started };
    return move({ [transferableSymbol]: owned.buffer, [valueSymbol]: reply });
  } catch (error) {
    return { ok: false, failure: toFailure(error) } satisfies RenderReply;
  }
}
