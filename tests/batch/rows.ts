// Batch inputs for tests: the shipped example rows (examples/batch/) as records, and CSV written from them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EXAMPLES = new URL('../../examples/batch/', import.meta.url);
export const BASE_FILE = fileURLToPath(new URL('practice.json', EXAMPLES));
export const ROWS_FILE = fileURLToPath(new URL('hsa-fsa-rows.csv', EXAMPLES));

export function loadBase(): Record<string, any> {
  return JSON.parse(readFileSync(BASE_FILE, 'utf8')) as Record<string, any>;
}

/** The example CSV as a header and rows of cells (its cells hold no quotes of their own). */
export function exampleTable(): { header: string[]; rows: string[][] } {
  const [headerLine = '', ...lines] = readFileSync(ROWS_FILE, 'utf8').trim().split('\n');
  const split = (line: string) =>
    [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell = '']) =>
      cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell,
    );
  return { header: split(headerLine), rows: lines.map(split) };
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [header, ...rows].map((cells) => cells.map(field).join(',')).join('\n') + '\n';
}

/** A name that must never appear in a report or a log line. */
export const CANARY = 'Zyqxcanary';
