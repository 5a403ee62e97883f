// `lmnkit batch` as a front office runs it: the built CLI on files in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../support/pdf.js';
import { BASE_FILE, CANARY, exampleTable, loadBase, ROWS_FILE, toCsv } from './rows.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `lmnkit batch lmn` over these rows with the example base, on one render thread. */
function batchLmn(rows: string, out: string, ...extra: string[]) {
  return run(['batch', 'lmn', rows, '--base', BASE_FILE, '--out', out, '--threads', '1', ...extra]);
}

interface ReportLine {
  row: number;
  file: string;
  status: string;
  issues: { path: string; code: string }[];
  findings: { path: string; code: string; level: string }[];
  error?: string;
}

const workDir = () => mkdtempSync(join(tmpdir(), 'lmnkit-batch-'));

function readReport(dir: string, name = 'report') {
  const jsonl = readFileSync(join(dir, `${name}.jsonl`), 'utf8');
  const lines = jsonl
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as ReportLine);
  return { lines, csv: readFileSync(join(dir, `${name}.csv`), 'utf8'), jsonl };
}

/** Six rows from the example: rows 2, 4 and 5 made bad on purpose, the canary's name on each of them. */
function badRowsCsv(): string {
  const { header, rows } = exampleTable();
  const column = (path: string) => header.indexOf(path);
  const copy = (index: number, change: (cells: string[]) => void) => {
    const cells = [...(rows[index % rows.length] ?? [])];
    change(cells);
    return cells;
  };
  const canary = (cells: string[]) => (cells[column('patient.firstName')] = CANARY);
  return toCsv(header, [
    copy(0, () => undefined),
    copy(1, (cells) => {
      canary(cells);
      cells[column('patient.dateOfBirth')] = `${CANARY}-1990`;
    }),
    copy(2, () => undefined),
    copy(0, (cells) => {
      canary(cells);
      for (const path of header.filter((name) => name.startsWith('patient.accountHolder.')))
        cells[column(path)] = '';
    }),
    copy(1, (cells) => {
      canary(cells);
      cells.pop();
    }),
    copy(2, () => undefined),
  ]);
}

// Each test spawns the CLI, whose render thread loads fonts and code sets: slow on a loaded machine.
describe('lmnkit batch', { timeout: 120_000 }, () => {
  it('writes every good row, reports the three bad ones with their codes and exits 3', async () => {
    const dir = workDir();
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, badRowsCsv());
    const out = join(dir, 'out');
    const result = batchLmn(rows, out);
    expect(result.code).toBe(3);
    expect(readdirSync(out).filter((file) => file.endsWith('.pdf'))).toEqual([
      '00001-lmn.pdf',
      '00003-lmn.pdf',
      '00006-lmn.pdf',
    ]);
    const { lines, csv, jsonl } = readReport(out);
    expect(lines.map(({ row, status }) => [row, status])).toEqual([
      [1, 'written'],
      [2, 'refused'],
      [3, 'written'],
      [4, 'refused'],
      [5, 'refused'],
      [6, 'written'],
    ]);
    expect(lines[1]?.issues).toEqual([expect.objectContaining({ path: 'patient.dateOfBirth' })]);
    expect(lines[3]?.findings).toEqual(
      expect.arrayContaining([
        { path: 'patient.accountHolder', code: 'ADMINISTRATOR_FIELD_MISSING', level: 'error' },
      ]),
    );
    expect(lines[4]?.issues).toEqual([{ path: '', code: 'CELL_COUNT_MISMATCH' }]);
    expect(csv.split('\n')[0]).toBe('row,file,status,issues,findings,error');
    expect(csv).toContain('4,,refused,,');
    expect(result.stderr).toContain('row 4: refused (patient.accountHolder ADMINISTRATOR_FIELD_MISSING)');
    for (const text of [csv, jsonl, result.stdout, result.stderr]) expect(text).not.toContain(CANARY);
    expect((await readPdf(readFileSync(join(out, '00003-lmn.pdf')))).text).toContain('Noah Fischer');
  });

  it('prints plain progress lines when stderr is not a terminal', () => {
    const out = join(workDir(), 'out');
    const result = batchLmn(ROWS_FILE, out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^batch: done, 3 rows, 3 written, 0 refused, 0 failed, [\d.]+ letters\/s\n$/,
    );
    expect(result.stderr).not.toContain('\r');
    expect(result.stdout).toBe(`${join(out, 'report.csv')}\n`);
  });

  it('redraws one progress line when stderr is a terminal', () => {
    const out = join(workDir(), 'out');
    const command = [
      process.execPath,
      BIN,
      'batch',
      'lmn',
      ROWS_FILE,
      '--base',
      BASE_FILE,
      '--out',
      out,
      '--threads',
      '1',
    ]
      .map((part) => `'${part}'`)
      .join(' ');
    const result = spawnSync('script', ['-qec', `${command} >/dev/null`, '/dev/null'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    // The first update always draws; later ones are throttled, so how many appear depends on the clock.
    // eslint-disable-next-line no-control-regex -- the escape that clears the line is the point
    expect(result.stdout).toMatch(/^\r\x1b\[2K1 rows, 1 written, 0 refused, 0 failed, [\d.]+ letters\/s/);
    expect(result.stdout).toContain('batch: done, 3 rows, 3 written');
  });

  it('reads JSON Lines, refusing a malformed line alone', () => {
    const dir = workDir();
    const { patient } = JSON.parse(
      readFileSync(new URL('../../examples/lmn-hsa-fsa.json', import.meta.url), 'utf8'),
    );
    const full = JSON.parse(
      readFileSync(new URL('../../examples/lmn-hsa-fsa.json', import.meta.url), 'utf8'),
    );
    const rows = join(dir, 'rows.jsonl');
    writeFileSync(rows, `${JSON.stringify(full)}\n{"patient": \n${JSON.stringify({ ...full, patient })}\n`);
    const out = join(dir, 'out');
    const result = run(['batch', 'lmn', rows, '--out', out, '--threads', '1', '--name', 'letter-{row}']);
    expect(result.code).toBe(3);
    expect(readReport(out).lines.map(({ row, status, file }) => [row, status, file])).toEqual([
      [1, 'written', 'letter-00001.pdf'],
      [2, 'refused', ''],
      [3, 'written', 'letter-00003.pdf'],
    ]);
  });

  it('--resume keeps complete PDFs and renders the rest, a half-written one included', () => {
    const out = join(workDir(), 'out');
    expect(batchLmn(ROWS_FILE, out).code).toBe(0);
    const first = statSync(join(out, '00001-lmn.pdf')).mtimeMs;
    const half = readFileSync(join(out, '00002-lmn.pdf')).subarray(0, 2000);
    writeFileSync(join(out, '00002-lmn.pdf'), half);
    const result = batchLmn(ROWS_FILE, out, '--resume');
    expect(result.code).toBe(0);
    expect(readReport(out).lines.map(({ row, status }) => [row, status])).toEqual([
      [1, 'kept'],
      [2, 'written'],
      [3, 'kept'],
    ]);
    expect(statSync(join(out, '00001-lmn.pdf')).mtimeMs).toBe(first);
    expect(readFileSync(join(out, '00002-lmn.pdf')).subarray(-6).toString()).toBe('%%EOF\n');
  });

  it('--shard renders the rows of its share, with a report of its own', () => {
    const dir = workDir();
    const { header, rows } = exampleTable();
    const csv = join(dir, 'rows.csv');
    writeFileSync(csv, toCsv(header, [...rows, ...rows]));
    const out = join(dir, 'out');
    const result = batchLmn(csv, out, '--shard', '1/3');
    expect(result.code).toBe(0);
    expect(readReport(out, 'report-1-of-3').lines.map((line) => line.row)).toEqual([2, 5]);
    expect(readdirSync(out).filter((file) => file.endsWith('.pdf'))).toEqual([
      '00002-lmn.pdf',
      '00005-lmn.pdf',
    ]);
  });

  it('names files from fields only when the pattern asks, and refuses a pattern that leaves --out', () => {
    const dir = workDir();
    const out = join(dir, 'out');
    const named = batchLmn(ROWS_FILE, out, '--name', '{patient.lastName}/{row}');
    expect(named.code).toBe(0);
    expect(readdirSync(join(out, 'Okafor'))).toEqual(['00002.pdf']);
    for (const pattern of ['../{row}.pdf', '/tmp/{row}.pdf', 'a/../../{row}']) {
      const refused = run(['batch', 'lmn', ROWS_FILE, '--out', join(dir, 'other'), '--name', pattern]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('--name must be a relative path inside --out');
    }
  });

  it('reports a row whose PDF cannot be written as failed and exits 4', () => {
    const out = join(workDir(), 'out');
    mkdirSync(join(out, '00002-lmn.pdf'), { recursive: true });
    const result = batchLmn(ROWS_FILE, out);
    expect(result.code).toBe(4);
    expect(readReport(out).lines[1]).toMatchObject({ row: 2, status: 'failed', error: 'OUTPUT_NOT_WRITTEN' });
  });

  it('--template prints a header row that batch reads back', () => {
    const dir = workDir();
    const template = run(['batch', 'prescription', '--template']);
    expect(template.code).toBe(0);
    expect(template.stdout.split(',')).toEqual(
      expect.arrayContaining(['patient.firstName', 'diagnoses.1.code']),
    );
    writeFileSync(join(dir, 'rows.csv'), template.stdout);
    expect(run(['batch', 'prescription', join(dir, 'rows.csv'), '--out', join(dir, 'out')]).code).toBe(0);
  });

  it('names the column that matches no field, and exits 3 before writing anything', () => {
    const dir = workDir();
    writeFileSync(join(dir, 'rows.csv'), 'patient.firstName,patient.favouriteColour\nAva,blue\n');
    const result = run(['batch', 'lmn', join(dir, 'rows.csv'), '--out', join(dir, 'out')]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('header.2: column "patient.favouriteColour" names no field of lmn');
    expect(result.stderr).not.toContain('blue');
  });

  it('the base file and the example rows stay valid letters', () => {
    expect(loadBase()).toHaveProperty('provider.practice.name');
  });
});
