import { describe, expect, it } from 'vitest';
import type { Inline } from '../../src/markup/document.js';
import { breakLines, type Line } from '../../src/pdf/break-lines.js';

// Every character is 1 point wide, bold ones 2: line widths are character counts.
const widthOf = (text: string, style: string): number => text.length * (style.startsWith('bold') ? 2 : 1);

function run(text: string, bold = false): Inline {
  return { kind: 'text', text, bold, italic: false };
}

const texts = (lines: Line[]): string[] =>
  lines.map((line) => line.pieces.map((piece) => piece.text).join(''));

describe('breakLines', () => {
  it('fills each line with as many words as fit and drops the spaces at its end', () => {
    const lines = breakLines([run('one two three four five')], 9, widthOf);
    expect(texts(lines)).toEqual(['one two', 'three', 'four five']);
    expect(lines.map((line) => line.width)).toEqual([7, 5, 9]);
  });

  it('never breaks inside a phone number, a date or a number with its unit', () => {
    expect(texts(breakLines([run('Call me at (415) 555-0133 today')], 16, widthOf))).toEqual([
      'Call me at',
      '(415) 555-0133',
      'today',
    ]);
    expect(texts(breakLines([run('from November 30, 2026 on')], 20, widthOf))).toEqual([
      'from',
      'November 30, 2026 on',
    ]);
    expect(texts(breakLines([run('97140 × 2 units each')], 15, widthOf))).toEqual([
      '97140 × 2 units',
      'each',
    ]);
  });

  it('breaks after the hyphen of a hyphenated word, not inside a number range', () => {
    expect(texts(breakLines([run('Maria Delgado-Reyes')], 14, widthOf))).toEqual(['Maria Delgado-', 'Reyes']);
    expect(texts(breakLines([run('pain 7-8 out of 10')], 6, widthOf))).toEqual([
      'pain',
      '7-8',
      'out of',
      '10',
    ]);
  });

  it('places styled pieces side by side and measures each in its style', () => {
    const [line] = breakLines([run('M54.50', true), run(' — low back pain')], 100, widthOf);
    expect(line?.pieces).toEqual([
      { text: 'M54.50', style: 'bold', x: 0 },
      { text: ' — low back pain', style: 'regular', x: 12 },
    ]);
  });

  it('starts a line at each break, keeping empty lines, and cuts a word wider than the line', () => {
    const lines = breakLines([run('a'), { kind: 'break' }, { kind: 'break' }, run('abcdefghij')], 4, widthOf);
    expect(texts(lines)).toEqual(['a', '', 'abcd', 'efgh', 'ij']);
  });

  it('lays out bold content in bold', () => {
    expect(breakLines([run('Goals')], 100, widthOf, true)[0]?.pieces[0]?.style).toBe('bold');
  });
});
