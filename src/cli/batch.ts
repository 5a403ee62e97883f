// `lmnkit batch`: one PDF per row of a CSV or JSON Lines file, a report of every row, progress on stderr.
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import {
  BatchInputError,
  csvTemplate,
  generateRows,
  mergeBase,
  readCsvRows,
  readJsonlRows,
  type BatchResult,
  type BatchRow,
  type ColumnMap,
  type Finding,
  type Issue,
} from '../index.js';
import { keepHeapsNearLiveData } from './keep-heaps-small.js';

export const BATCH_USAGE = `lmnkit batch  <kind> <rows.csv|rows.jsonl> --out <dir> [--base base.json] [--map map.json]
              [--name <pattern>] [--resume] [--shard <index>/<count>] [--threads <n>] [--force]
              [--fax-cover] [--icd10cm <file>]…
  lmnkit batch  <kind> --template`;

export const BATCH_HELP = `Writes one PDF per row into --out, and report.csv and report.jsonl there: each row's number, file,
status (written, kept, refused, failed) and the codes of its issues and findings, never its values.
A row that is refused or fails never stops the others.
  CSV           the header names each column's field by its dotted path (patient.firstName,
                diagnoses.0.code, diagnoses.1.code); --template prints one for the kind. Cells become
                numbers and true/false where the kind's schema says so; an empty cell is an absent field.
  --map <file>  JSON {"column": "field.path"} for columns named otherwise; null ignores a column
  JSON Lines    one letter input per line (.jsonl or .ndjson)
  --base <file> JSON merged under every row (practice, provider, recipient): the row's fields win
  --name        the file name pattern, default {row}-{kind}.pdf (row zero-padded to 5 digits); {field.path}
                inserts a field (letters, digits, - and _ only); a pattern may not leave --out
  --resume      keep rows whose PDF is already complete (status kept)
  --shard i/n   render only rows where (row - 1) % n = i (an Indexed Job's completion index); the
                reports are then report-<i>-of-<n>.csv and .jsonl
  --threads <n> render threads (default: one per core)
  --fax-cover   add a fax cover sheet to every letter (the same as "coverSheet": "fax")
Exit codes: 0 every row written (or kept), 3 some rows refused, 4 some rows failed, 2 usage error.`;

const EXIT = { ok: 0, usage: 2, refused: 3, failed: 4 } as const;

/** The flags `lmnkit batch` reads (main.ts parses them). */
export interface BatchFlags {
  out?: string | undefined;
  base?: string | undefined;
  map?: string | undefined;
  name?: string | undefined;
  resume?: boolean | undefined;
  shard?: string | undefined;
  threads?: string | undefined;
  force?: boolean | undefined;
  template?: boolean | undefined;
  'fax-cover'?: boolean | undefined;
  icd10cm?: string[] | undefined;
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

class BatchUsageError extends Error {}

// ---- file names -------------------------------------------------------------------------------------

const DEFAULT_PATTERN = '{row}-{kind}.pdf';
const ROW_DIGITS = 5;
const TOKEN = /\{([^{}]*)\}/g;

/** The pattern is checked once: no absolute path, no `..`, and it names a PDF (`.pdf` added if missing). */
export function checkNamePattern(pattern: string): string {
  const named = extname(pattern.replace(TOKEN, 'x')).toLowerCase() === '.pdf' ? pattern : `${pattern}.pdf`;
  const literal = named.replace(TOKEN, 'x');
  const segments = literal.split(/[\\/]/);
  if (isAbsolute(literal) || literal.includes('\\') || segments.some((part) => part === '..' || part === ''))
    throw new BatchUsageError('--name must be a relative path inside --out, without .. or \\');
  return named;
}

/** A field's value made safe for a file name: letters, digits, - and _ (anything else becomes _). */
function fileSafe(value: unknown): string {
  return String(value)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
}

function valueAt(input: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (holder, key) =>
        holder !== null && typeof holder === 'object' && Object.hasOwn(holder, key)
          ? (holder as Record<string, unknown>)[key]
          : undefined,
      input,
    );
}

/** The row's file name from the pattern, or the issue that keeps it from having one. */
export function nameFile(
  pattern: string,
  row: number,
  kind: string,
  input: unknown,
): { file: string } | { issue: Issue } {
  let missing: string | undefined;
  const file = pattern.replace(TOKEN, (_, token: string) => {
    if (token === 'row') return String(row).padStart(ROW_DIGITS, '0');
    if (token === 'kind') return kind;
    const value = valueAt(input, token);
    const safe = typeof value === 'string' || typeof value === 'number' ? fileSafe(value) : '';
    if (safe === '') missing ??= token;
    return safe;
  });
  if (missing !== undefined) {
    const message = 'is used in the --name pattern but is empty or absent in this row';
    return { issue: { path: missing, code: 'FILE_NAME_FIELD_MISSING', message } };
  }
  return { file };
}

// ---- complete PDFs (--resume) -----------------------------------------------------------------------

/** A PDF written whole: it ends with %%EOF, and its startxref points at the cross-reference table. */
export async function isCompletePdf(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 1024);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail.toString('latin1'));
    if (!match) return false;
    const offset = Number(match[1]);
    const xref = Buffer.alloc(4);
    await handle.read(xref, 0, 4, offset);
    return offset < size && xref.toString('latin1') === 'xref';
  } finally {
    await handle.close();
  }
}

// ---- progress ---------------------------------------------------------------------------------------

export interface Tally {
  written: number;
  kept: number;
  refused: number;
  failed: number;
}

const LOG_EVERY_ROWS = 1000;
const REDRAW_EVERY_MS = 200;

function duration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  return `${minutes}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * Progress on stderr: on a terminal one line redrawn in place (letters done, rate, time left from the
 * share of the file read); otherwise a plain line every 1,000 rows. Counts only, never values.
 */
export class BatchProgress {
  private readonly started: number;
  private lastDraw = -Infinity;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly isTTY: boolean,
    /** Bytes of the rows file, for time left; 0 when unknown. */
    private readonly totalBytes: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  private rowsDone(tally: Tally): number {
    return tally.written + tally.kept + tally.refused + tally.failed;
  }

  line(tally: Tally, offset: number): string {
    const seconds = (this.now() - this.started) / 1000;
    const letters = tally.written;
    const rate = seconds > 0 ? letters / seconds : 0;
    const parts = [
      `${this.rowsDone(tally).toLocaleString('en-US')} rows`,
      `${letters.toLocaleString('en-US')} written`,
    ];
    if (tally.kept > 0) parts.push(`${tally.kept.toLocaleString('en-US')} kept`);
    parts.push(
      `${tally.refused.toLocaleString('en-US')} refused`,
      `${tally.failed.toLocaleString('en-US')} failed`,
    );
    parts.push(`${rate.toFixed(rate < 10 ? 1 : 0)} letters/s`);
    const share = this.totalBytes > 0 ? Math.min(1, offset / this.totalBytes) : 0;
    if (share > 0 && share < 1) {
      parts.push(`${Math.floor(share * 100)} %`, `about ${duration((seconds * (1 - share)) / share)} left`);
    }
    return parts.join(', ');
  }

  update(tally: Tally, offset: number): void {
    if (this.isTTY) {
      const now = this.now();
      if (now - this.lastDraw < REDRAW_EVERY_MS) return;
      this.lastDraw = now;
      this.stream.write(`\r\x1b[2K${this.line(tally, offset)}`);
      this.drawn = true;
    } else if (this.rowsDone(tally) % LOG_EVERY_ROWS === 0) {
      this.stream.write(`batch: ${this.line(tally, offset)}\n`);
    }
  }

  /** A line of its own (a refused row), without breaking the redrawn line. */
  note(text: string): void {
    if (this.isTTY && this.drawn) this.stream.write('\r\x1b[2K');
    this.stream.write(`${text}\n`);
    this.drawn = false;
    this.lastDraw = -Infinity;
  }

  finish(tally: Tally): void {
    if (this.isTTY && this.drawn) this.stream.write('\r\x1b[2K');
    this.stream.write(`batch: done, ${this.line(tally, this.totalBytes)}\n`);
  }
}

// ---- the report -------------------------------------------------------------------------------------

type Status = keyof Tally;

interface ReportLine {
  row: number;
  file: string;
  status: Status;
  issues: { path: string; code: string }[];
  findings: { path: string; code: string; level: string }[];
  error?: string;
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const REPORT_HEADER = 'row,file,status,issues,findings,error\n';

function reportCsvLine(line: ReportLine): string {
  const issues = line.issues.map(({ path, code }) => `${path || '(row)'} ${code}`).join('; ');
  const findings = line.findings
    .map(({ path, code, level }) => `${path || '(letter)'} ${code} ${level}`)
    .join('; ');
  return `${[String(line.row), line.file, line.status, issues, findings, line.error ?? ''].map(csvField).join(',')}\n`;
}

function codesOf(
  issues: readonly Issue[],
  findings: readonly Finding[],
): Pick<ReportLine, 'issues' | 'findings'> {
  return {
    issues: issues.map(({ path, code }) => ({ path, code })),
    findings: findings.map(({ path, code, level }) => ({ path, code, level })),
  };
}

// ---- the command ------------------------------------------------------------------------------------

function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count)
    throw new BatchUsageError('--shard must be <index>/<count> with 0 <= index < count, e.g. 0/4');
  return { index, count };
}

function parseThreads(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,3}$/.test(text) || Number(text) < 1 || Number(text) > 256)
    throw new BatchUsageError('--threads must be a whole number from 1 to 256');
  return Number(text);
}

async function readJsonFile(path: string, flag: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new BatchUsageError(`${flag}: the file cannot be read`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new BatchUsageError(`${flag}: the file is not valid JSON`);
  }
}

function checkMap(map: unknown): ColumnMap {
  const valid =
    map !== null &&
    typeof map === 'object' &&
    !Array.isArray(map) &&
    Object.values(map).every((path) => path === null || typeof path === 'string');
  if (!valid)
    throw new BatchUsageError('--map must be a JSON object of column names to field paths (or null)');
  return map as ColumnMap;
}

function rowsOf(kind: string, source: string, map: ColumnMap | undefined): AsyncGenerator<BatchRow> {
  const extension = extname(source).toLowerCase();
  const stream = createReadStream(source);
  if (extension === '.csv') return readCsvRows(kind, stream, map ? { columns: map } : {});
  if (extension === '.jsonl' || extension === '.ndjson') {
    if (map) throw new BatchUsageError('--map applies to CSV columns, not JSON Lines');
    return readJsonlRows(stream);
  }
  throw new BatchUsageError('the rows file must end in .csv, .jsonl or .ndjson');
}

async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

interface Plan {
  kind: string;
  out: string;
  pattern: string;
  base: unknown;
  resume: boolean;
  shard: { index: number; count: number } | undefined;
}

/** What the report needs of a row sent to be rendered. */
interface Sent {
  file: string;
  offset: number | undefined;
}

function describeLine(line: ReportLine): string {
  const codes = [
    ...line.issues.map(({ path, code }) => `${path || '(row)'} ${code}`),
    ...line.findings
      .filter(({ level }) => level === 'error')
      .map(({ path, code }) => `${path || '(letter)'} ${code}`),
    ...(line.error === undefined ? [] : [line.error]),
  ];
  return `row ${line.row}: ${line.status}${codes.length > 0 ? ` (${codes.join('; ')})` : ''}`;
}

/**
 * report.csv and report.jsonl, in row order: rows kept by --resume finish before the rows rendered around
 * them, so each line waits for the rows before it. Lines are appended as they come, so a stopped run's
 * report still holds every row done.
 */
class BatchReport {
  readonly tally: Tally = { written: 0, kept: 0, refused: 0, failed: 0 };
  private readonly order: number[] = [];
  private readonly done = new Map<number, { line: ReportLine; offset: number | undefined }>();
  private csv: string[] = [REPORT_HEADER];
  private jsonl: string[] = [];
  private offset = 0;

  constructor(
    readonly csvPath: string,
    private readonly jsonlPath: string,
    private readonly progress: BatchProgress,
  ) {}

  async start(): Promise<void> {
    await writeFile(this.jsonlPath, '');
    await this.flush();
  }

  /** A row of this shard was read: its line comes after those of the rows read before it. */
  expect(row: number): void {
    this.order.push(row);
  }

  async record(line: ReportLine, offset: number | undefined): Promise<void> {
    this.done.set(line.row, { line, offset });
    for (let next = this.done.get(this.order[0] ?? 0); next; next = this.done.get(this.order[0] ?? 0)) {
      this.done.delete(next.line.row);
      this.order.shift();
      this.write(next.line, next.offset);
    }
    if (this.csv.length >= 100) await this.flush();
  }

  private write(line: ReportLine, offset: number | undefined): void {
    this.tally[line.status]++;
    this.offset = Math.max(this.offset, offset ?? 0);
    this.csv.push(reportCsvLine(line));
    this.jsonl.push(`${JSON.stringify(line)}\n`);
    if (line.status === 'refused' || line.status === 'failed') this.progress.note(describeLine(line));
    this.progress.update(this.tally, this.offset);
  }

  async flush(): Promise<void> {
    const flag = this.csv[0] === REPORT_HEADER ? 'w' : 'a';
    await writeFile(this.csvPath, this.csv.splice(0).join(''), { flag });
    await writeFile(this.jsonlPath, this.jsonl.splice(0).join(''), { flag: 'a' });
  }
}

/** Rows of this shard, each with its merged input and file, or the issue that refuses it before rendering. */
async function* planRows(
  rows: AsyncIterable<BatchRow>,
  plan: Plan,
  report: BatchReport,
  sent: Map<number, Sent>,
): AsyncGenerator<BatchRow> {
  const used = new Set<string>();
  for await (const row of rows) {
    if (plan.shard && (row.row - 1) % plan.shard.count !== plan.shard.index) continue;
    report.expect(row.row);
    sent.set(row.row, { file: '', offset: row.offset });
    if (row.issues !== undefined) {
      yield row;
      continue;
    }
    const input = mergeBase(plan.base, row.input);
    const named = nameFile(plan.pattern, row.row, plan.kind, input);
    if ('issue' in named) {
      yield { row: row.row, issues: [named.issue] };
      continue;
    }
    const path = resolve(plan.out, named.file);
    if (used.has(path)) {
      const message = 'gets the same file name as an earlier row: add {row} to --name';
      yield { row: row.row, issues: [{ path: '', code: 'DUPLICATE_FILE_NAME', message }] };
      continue;
    }
    used.add(path);
    if (plan.resume && (await isCompletePdf(path))) {
      sent.delete(row.row);
      const line: ReportLine = { row: row.row, file: named.file, status: 'kept', issues: [], findings: [] };
      await report.record(line, row.offset);
      continue;
    }
    sent.set(row.row, { file: named.file, offset: row.offset });
    yield { ...row, input };
  }
}

/** The row's report line, once its PDF (if any) is written. */
async function finishRow(result: BatchResult, file: string, out: string): Promise<ReportLine> {
  const line: ReportLine = { row: result.row, file: '', status: 'refused', issues: [], findings: [] };
  if (result.status === 'refused') return { ...line, ...codesOf(result.issues, result.findings) };
  if (result.status === 'failed') return { ...line, status: 'failed', error: result.code };
  const written = { ...line, file, status: 'written' as const, ...codesOf([], result.findings) };
  try {
    const path = resolve(out, file);
    await mkdir(dirname(path), { recursive: true });
    await writeAtomically(path, result.pdf);
    return written;
  } catch {
    return { ...written, status: 'failed', error: 'OUTPUT_NOT_WRITTEN' };
  }
}

async function runRows(kind: string, source: string, flags: BatchFlags, io: Io): Promise<number> {
  if (flags.out === undefined) throw new BatchUsageError('missing --out <dir>');
  const shard = parseShard(flags.shard);
  const threads = parseThreads(flags.threads);
  const pattern = checkNamePattern(flags.name ?? DEFAULT_PATTERN);
  const map = flags.map === undefined ? undefined : checkMap(await readJsonFile(flags.map, '--map'));
  const fax = flags['fax-cover'] === true ? { coverSheet: 'fax' } : {};
  const base = mergeBase(fax, flags.base === undefined ? {} : await readJsonFile(flags.base, '--base'));
  const size = await stat(source).then(
    (found) => (found.isFile() ? found.size : 0),
    () => {
      throw new BatchUsageError(`${source}: the rows file cannot be read`);
    },
  );
  const out = resolve(flags.out);
  await mkdir(out, { recursive: true });
  const plan: Plan = { kind, out, pattern, base, resume: flags.resume === true, shard };

  const name = `report${shard ? `-${shard.index}-of-${shard.count}` : ''}`;
  const progress = new BatchProgress(io.stderr, io.stderr.isTTY === true, size);
  const report = new BatchReport(join(out, `${name}.csv`), join(out, `${name}.jsonl`), progress);
  await report.start();
  const sent = new Map<number, Sent>();
  const results = generateRows(kind, planRows(rowsOf(kind, source, map), plan, report, sent), {
    force: flags.force === true,
    ...(threads !== undefined && { threads }),
    ...(flags.icd10cm !== undefined && { icd10cm: flags.icd10cm }),
  });
  let readProblem: readonly Issue[] | undefined;
  try {
    for await (const result of results) {
      const { file, offset } = sent.get(result.row) ?? { file: '', offset: undefined };
      sent.delete(result.row);
      await report.record(await finishRow(result, file, out), offset);
    }
  } catch (error) {
    if (!(error instanceof BatchInputError)) throw error;
    readProblem = error.issues;
  } finally {
    await report.flush();
  }
  const { tally } = report;
  progress.finish(tally);
  if (readProblem) {
    for (const { path, message } of readProblem) io.stderr.write(`${path || basename(source)}: ${message}\n`);
    return EXIT.refused;
  }
  io.stdout.write(`${join(flags.out, basename(report.csvPath))}\n`);
  if (tally.failed > 0) return EXIT.failed;
  return tally.refused > 0 ? EXIT.refused : EXIT.ok;
}

/** Runs `lmnkit batch`; returns the exit code. Errors never carry field values. */
export async function runBatch(positionals: readonly string[], flags: BatchFlags, io: Io): Promise<number> {
  try {
    const [kind, source] = positionals;
    if (kind === undefined) throw new BatchUsageError('missing <kind>');
    if (flags.template) {
      io.stdout.write(csvTemplate(kind));
      return EXIT.ok;
    }
    if (source === undefined) throw new BatchUsageError('missing <rows.csv|rows.jsonl>');
    keepHeapsNearLiveData();
    return await runRows(kind, source, flags, io);
  } catch (error) {
    if (!(error instanceof BatchUsageError)) throw error;
    io.stderr.write(`lmnkit: ${error.message}\n\nUsage:\n  ${BATCH_USAGE}\n`);
    return EXIT.usage;
  }
}
