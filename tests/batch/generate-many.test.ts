import { describe, expect, it } from 'vitest';
import { generateMany, generateRows, UnknownKindError, type BatchResult } from '../../src/index.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

async function collect(results: AsyncIterable<BatchResult>): Promise<BatchResult[]> {
  const out: BatchResult[] = [];
  for await (const result of results) out.push(result);
  return out;
}

function inputs(): unknown[] {
  const good = loadExample('prescription');
  const invalid = { ...loadExample('prescription'), date: 'yesterday' };
  const second = loadExample('prescription');
  second.patient.firstName = 'Noah';
  return [good, invalid, second];
}

describe('generateMany', () => {
  it.each([0, 1])(
    'yields one result per input in order, a bad one refused among them (threads %i)',
    async (threads) => {
      const results = await collect(generateMany('prescription', inputs(), { threads, today: TODAY }));
      expect(results.map(({ row, status }) => [row, status])).toEqual([
        [1, 'rendered'],
        [2, 'refused'],
        [3, 'rendered'],
      ]);
      expect(results[1]).toMatchObject({ issues: [{ path: 'date', code: expect.any(String) }] });
      const third = results[2];
      if (third?.status !== 'rendered') throw new Error('row 3 was not rendered');
      expect((await readPdf(third.pdf)).text).toContain('Noah');
    },
  );

  it('merges the base under each input, the input winning', async () => {
    const { patient, ...base } = loadExample('prescription');
    const rows = [{ patient }, { patient: { ...patient, firstName: 'Noah' }, date: TODAY }];
    const results = await collect(generateMany('prescription', rows, { threads: 0, today: TODAY, base }));
    expect(results.map(({ status }) => status)).toEqual(['rendered', 'rendered']);
  });

  it('refuses a blocking finding unless forced', async () => {
    const input = loadExample('lmn-hsa-fsa');
    delete input.patient.accountHolder;
    const options = { threads: 0, today: TODAY };
    const [refused] = await collect(generateMany('lmn', [input], options));
    const [forced] = await collect(generateMany('lmn', [input], { ...options, force: true }));
    expect(refused).toMatchObject({
      status: 'refused',
      findings: expect.arrayContaining([
        expect.objectContaining({ code: 'ADMINISTRATOR_FIELD_MISSING', level: 'error' }),
      ]),
    });
    expect(forced?.status).toBe('rendered');
  });

  it('refuses an unknown kind before reading a row', async () => {
    await expect(collect(generateMany('letter', [{}], { threads: 0 }))).rejects.toThrow(UnknownKindError);
  });

  it('passes rows refused while reading through in their place, and rethrows a read error after the rows before it', async () => {
    async function* rows() {
      await Promise.resolve();
      yield { row: 1, issues: [{ path: '', code: 'MALFORMED_JSON', message: 'the line is not valid JSON' }] };
      yield { row: 2, input: loadExample('prescription') };
      throw new Error('disk gone');
    }
    const seen: string[] = [];
    const run = (async () => {
      for await (const result of generateRows('prescription', rows(), { threads: 0, today: TODAY }))
        seen.push(result.status);
    })();
    await expect(run).rejects.toThrow('disk gone');
    expect(seen).toEqual(['refused', 'rendered']);
  });
});
