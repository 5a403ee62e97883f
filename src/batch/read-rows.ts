// Rows of a batch, streamed: CSV (one column per dotted field path) or JSON Lines (one input per line).
import { createInterface } from 'node:readline';
import { pipeline, Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { LmnkitError, type Issue } from '../errors.js';
import { findKind } from '../letters/registry.js';
import { toJsonSchema } from '../json-schema.js';
import { cellTypeAt, columnPaths, type CellType } from './schema-paths.js';

/** One row of a batch: its input, or what made it unreadable; `row` counts data rows from 1. */
export interface BatchRow {
  row: number;
  input?: unknown;
  /** Problems found while reading the row (malformed JSON, a missing cell); the row is refused. */
  issues?: readonly Issue[];
  /** Bytes of the source read up to the end of this row, for progress. */
  offset?: number;
}

/** The rows file itself cannot be read as a whole (a header naming no field, a malformed CSV). */
export class BatchInputError extends LmnkitError {
  static readonly code = 'BATCH_INPUT_INVALID';

  constructor(readonly issues: readonly Issue[]) {
    super(BatchInputError.code, 'The rows file cannot be read.');
  }
}

/** Column → field path; a column mapped to null is ignored. Unmapped columns are field paths themselves. */
export type ColumnMap = Readonly<Record<string, string | null>>;

export interface CsvOptions {
  columns?: ColumnMap;
}

type Cell = (text: string) => unknown;

const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEANS: Record<string, boolean> = { true: true, false: false, yes: true, no: false };

/** Cells the schema wants as numbers or booleans become them; anything else stays text for zod to judge. */
const CELLS: Record<CellType, Cell> = {
  string: (text) => text,
  number: (text) => (NUMBER.test(text.trim()) ? Number(text) : text),
  integer: (text) => (NUMBER.test(text.trim()) ? Number(text) : text),
  boolean: (text) => BOOLEANS[text.trim().toLowerCase()] ?? text,
};

interface Column {
  segments: string[];
  cell: Cell;
}

function planColumns(kind: string, header: readonly string[], map: ColumnMap): (Column | null)[] {
  const schema = toJsonSchema(findKind(kind).schema);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const columns = header.map((name, index): Column | null => {
    const trimmed = name.trim();
    const path = Object.hasOwn(map, trimmed) ? map[trimmed] : trimmed;
    if (path === null || path === undefined) return null;
    const type = cellTypeAt(schema, path);
    const at = `header.${index + 1}`;
    if (type === undefined) {
      issues.push({
        path: at,
        code: 'UNKNOWN_COLUMN',
        message: `column ${JSON.stringify(trimmed)} names no field of ${kind}; use a dotted path such as patient.firstName (see \`lmnkit batch ${kind} --template\`) or map it with --map`,
      });
      return null;
    }
    if (seen.has(path))
      issues.push({ path: at, code: 'DUPLICATE_COLUMN', message: `a second column fills ${path}` });
    seen.add(path);
    return { segments: path.split('.'), cell: CELLS[type] };
  });
  if (issues.length > 0) throw new BatchInputError(issues);
  return columns;
}

/** Builds the nested input from the row's cells; an empty cell is an absent field. */
function assemble(columns: readonly (Column | null)[], cells: readonly string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  columns.forEach((column, index) => {
    const text = cells[index] ?? '';
    if (column === null || text.trim() === '') return;
    let holder: Record<string, unknown> = input;
    column.segments.forEach((segment, depth) => {
      if (depth === column.segments.length - 1) {
        holder[segment] = column.cell(text);
        return;
      }
      const nextIsIndex = /^\d+$/.test(column.segments[depth + 1] ?? '');
      holder[segment] ??= nextIsIndex ? [] : {};
      holder = holder[segment] as Record<string, unknown>;
    });
  });
  return input;
}

interface CsvRecord {
  record: string[];
  info: { bytes: number; lines: number };
}

/**
 * Reads CSV rows: the first row names each column's field path (`patient.firstName`, `diagnoses.0.code`),
 * or a column that `columns` maps to one; cells become numbers and booleans where the kind's schema says so.
 * @throws {BatchInputError} for a header that names no field, or CSV that cannot be parsed.
 * @example
 * for await (const row of readCsvRows('lmn', createReadStream('rows.csv'))) …
 */
export async function* readCsvRows(
  kind: string,
  source: Readable | AsyncIterable<Buffer | string>,
  options: CsvOptions = {},
): AsyncGenerator<BatchRow> {
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  // Errors of the source reach the parser, and so the loop below; stopping the loop stops the source.
  pipeline(source instanceof Readable ? source : Readable.from(source), parser, () => undefined);
  let columns: (Column | null)[] | undefined;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<CsvRecord>) {
      if (columns === undefined) {
        columns = planColumns(kind, record, options.columns ?? {});
        continue;
      }
      row++;
      if (record.length !== columns.length) {
        const message = `has ${record.length} cells where the header has ${columns.length} columns`;
        yield { row, issues: [{ path: '', code: 'CELL_COUNT_MISMATCH', message }], offset: info.bytes };
        continue;
      }
      yield { row, input: assemble(columns, record), offset: info.bytes };
    }
  } catch (error) {
    throw toInputError(error);
  } finally {
    parser.destroy();
  }
}

function toInputError(error: unknown): BatchInputError {
  if (error instanceof BatchInputError) return error;
  const { code = '', lines } = error as { code?: string; lines?: number };
  if (!code.startsWith('CSV_')) {
    const message = `the rows cannot be read (${code || 'unreadable'})`;
    return new BatchInputError([{ path: '', code: 'FILE_NOT_READABLE', message }]);
  }
  const at = lines === undefined ? '' : ` at line ${lines}`;
  const message = `the CSV cannot be parsed${at} (${code})`;
  return new BatchInputError([{ path: '', code: 'MALFORMED_CSV', message }]);
}

function parseLine(line: string, row: number, offset: number): BatchRow {
  try {
    return { row, input: JSON.parse(line) as unknown, offset };
  } catch {
    return {
      row,
      issues: [{ path: '', code: 'MALFORMED_JSON', message: 'the line is not valid JSON' }],
      offset,
    };
  }
}

/**
 * Reads JSON Lines: one letter input per line; blank lines are skipped.
 * @example
 * for await (const row of readJsonlRows(createReadStream('rows.jsonl'))) …
 */
export async function* readJsonlRows(source: NodeJS.ReadableStream): AsyncGenerator<BatchRow> {
  let row = 0;
  let offset = 0;
  for await (const line of createInterface({ input: source, crlfDelay: Infinity })) {
    offset += Buffer.byteLength(line) + 1;
    if (line.trim() === '') continue;
    row++;
    yield parseLine(line, row, offset);
  }
}

/**
 * A CSV header row naming every field of a kind, as a starting point for a batch.
 * @example
 * csvTemplate('lmn'); // 'date,patient.title,patient.firstName,…\n'
 */
export function csvTemplate(kind: string): string {
  const paths = columnPaths(toJsonSchema(findKind(kind).schema));
  return `${paths.join(',')}\n`;
}
