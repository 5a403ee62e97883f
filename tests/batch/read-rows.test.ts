import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BatchInputError, csvTemplate, readCsvRows, readJsonlRows, type BatchRow } from '../../src/index.js';

async function collect(rows: AsyncIterable<BatchRow>): Promise<BatchRow[]> {
  const out: BatchRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const csv = (text: string) => Readable.from([Buffer.from(text)]);

describe('readCsvRows', () => {
  it('builds nested inputs from dotted paths, lists included, and leaves empty cells out', async () => {
    const rows = await collect(
      readCsvRows(
        'lmn',
        csv(
          'patient.firstName,diagnoses.0.code,diagnoses.1.code,treatment.sessionMinutes,denied\n' +
            'Ava,M54.50,,45,x\n',
        ),
        { columns: { denied: null } },
      ),
    );
    expect(rows).toEqual([
      {
        row: 1,
        input: {
          patient: { firstName: 'Ava' },
          diagnoses: [{ code: 'M54.50' }],
          treatment: { sessionMinutes: 45 },
        },
        offset: expect.any(Number),
      },
    ]);
  });

  it('types cells by the schema: numbers and booleans where it says so, text everywhere else', async () => {
    const [row] = await collect(
      readCsvRows(
        'appeal',
        csv(
          'denial.amount,denial.finalInternalDenial,denial.claimNumber,patient.memberId\n120.5,true,00123,0042\n',
        ),
      ),
    );
    expect(row?.input).toEqual({
      denial: { amount: 120.5, finalInternalDenial: true, claimNumber: '00123' },
      patient: { memberId: '0042' },
    });
  });

  it('leaves a cell that is not a number as text, for validation to refuse with its path', async () => {
    const [row] = await collect(readCsvRows('appeal', csv('denial.amount\nabout forty\n')));
    expect(row?.input).toEqual({ denial: { amount: 'about forty' } });
  });

  it('maps columns named otherwise and quotes a BOM-prefixed header correctly', async () => {
    const [row] = await collect(
      readCsvRows('lmn', csv('\uFEFFFirst name,"Last, name"\nAva,Okafor\n'), {
        columns: { 'First name': 'patient.firstName', 'Last, name': 'patient.lastName' },
      }),
    );
    expect(row?.input).toEqual({ patient: { firstName: 'Ava', lastName: 'Okafor' } });
  });

  it('refuses a header column that names no field, by column number', async () => {
    const rows = collect(readCsvRows('lmn', csv('patient.firstName,patient.shoeSize\nAva,38\n')));
    await expect(rows).rejects.toThrow(BatchInputError);
    await expect(rows).rejects.toMatchObject({ issues: [{ path: 'header.2', code: 'UNKNOWN_COLUMN' }] });
  });

  it('refuses a row whose cell count differs from the header, and reads on', async () => {
    const rows = await collect(
      readCsvRows('lmn', csv('patient.firstName,patient.lastName\nAva\nNoah,Fischer\n')),
    );
    expect(rows.map(({ row, issues }) => [row, issues?.[0]?.code])).toEqual([
      [1, 'CELL_COUNT_MISMATCH'],
      [2, undefined],
    ]);
  });

  it('refuses CSV that cannot be parsed, with the line', async () => {
    const rows = collect(readCsvRows('lmn', csv('patient.firstName\nAva\n"Noah\n')));
    await expect(rows).rejects.toMatchObject({
      issues: [
        { code: 'MALFORMED_CSV', message: expect.stringMatching(/at line \d+ \(CSV_QUOTE_NOT_CLOSED\)/) },
      ],
    });
  });
});

describe('readJsonlRows', () => {
  it('reads one input per line, skips blank lines and refuses a malformed line alone', async () => {
    const rows = await collect(readJsonlRows(csv('{"a":1}\n\n{oops\n{"b":2}\n')));
    expect(rows.map(({ row, input, issues }) => [row, input, issues?.[0]?.code])).toEqual([
      [1, { a: 1 }, undefined],
      [2, undefined, 'MALFORMED_JSON'],
      [3, { b: 2 }, undefined],
    ]);
  });
});

describe('csvTemplate', () => {
  it.each(['lmn', 'prescription', 'prior-auth', 'appeal'])(
    'names fields %s accepts, lists with two items',
    (kind) => {
      const header = csvTemplate(kind).trim().split(',');
      expect(header).toEqual(
        expect.arrayContaining(['date', 'patient.firstName', 'diagnoses.0.code', 'diagnoses.1.code']),
      );
      expect(new Set(header).size).toBe(header.length);
    },
  );

  it('is read back without an unknown column', async () => {
    const header = csvTemplate('appeal');
    await expect(collect(readCsvRows('appeal', csv(header)))).resolves.toEqual([]);
  });
});
