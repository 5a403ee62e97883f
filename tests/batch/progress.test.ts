import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { BatchProgress, type Tally } from '../../src/cli/batch.js';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

const tally = (written: number, refused = 0): Tally => ({ written, kept: 0, refused, failed: 0 });

describe('BatchProgress', () => {
  it('on a terminal redraws one line: letters done, rate, share read and time left', () => {
    const { stream, text } = sink();
    let now = 0;
    const progress = new BatchProgress(stream, true, 1000, () => now);
    now = 10_000;
    progress.update(tally(3000, 2), 250);
    expect(text()).toBe(
      '\r\x1b[2K3,002 rows, 3,000 written, 2 refused, 0 failed, 300 letters/s, 25 %, about 0:30 left',
    );
  });

  it('redraws at most every 200 ms, and clears the line for a note and at the end', () => {
    const { stream, text } = sink();
    let now = 0;
    const progress = new BatchProgress(stream, true, 0, () => now);
    now = 1000;
    progress.update(tally(1), 0);
    now = 1100;
    progress.update(tally(2), 0);
    progress.note('row 3: refused (date INVALID_DATE)');
    progress.finish(tally(2, 1));
    expect(text().split('\r\x1b[2K')).toEqual([
      '',
      '1 rows, 1 written, 0 refused, 0 failed, 1.0 letters/s',
      'row 3: refused (date INVALID_DATE)\nbatch: done, 3 rows, 2 written, 1 refused, 0 failed, 1.8 letters/s\n',
    ]);
  });

  it('off a terminal writes a plain line every 1,000 rows and never a carriage return', () => {
    const { stream, text } = sink();
    let now = 0;
    const progress = new BatchProgress(stream, false, 0, () => now);
    for (let row = 1; row <= 2500; row++) {
      now = row * 2;
      progress.update(tally(row), 0);
    }
    progress.finish(tally(2500));
    expect(text().split('\n')).toEqual([
      'batch: 1,000 rows, 1,000 written, 0 refused, 0 failed, 500 letters/s',
      'batch: 2,000 rows, 2,000 written, 0 refused, 0 failed, 500 letters/s',
      'batch: done, 2,500 rows, 2,500 written, 0 refused, 0 failed, 500 letters/s',
      '',
    ]);
  });
});
