import type { Inline } from '../markup/document.js';
import { findUnbreakable } from './find-unbreakable.js';
import type { FontStyle } from './fonts.js';

/** Text of one style drawn at `x` points from the start of its line. */
export interface Piece {
  text: string;
  style: FontStyle;
  x: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

/** The width of text in a style, at the size being laid out. */
export type WidthOf = (text: string, style: FontStyle) => number;

interface Run {
  text: string;
  style: FontStyle;
}

function styleOf(bold: boolean, italic: boolean): FontStyle {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/** Inline content → the runs of each hard line (a `<br>` starts a new one). */
function toHardLines(content: Inline[], bold: boolean): Run[][] {
  const lines: Run[][] = [[]];
  for (const inline of content) {
    if (inline.kind === 'break') lines.push([]);
    else lines.at(-1)?.push({ text: inline.text, style: styleOf(bold || inline.bold, inline.italic) });
  }
  return lines;
}

const LETTER = /\p{L}/u;

/** Where a line may start: after spaces, or after the hyphen of a hyphenated word; never inside a kept phrase. */
function findBreaks(text: string): number[] {
  const kept = findUnbreakable(text);
  const inside = (at: number): boolean => kept.some(([start, end]) => start < at && at < end);
  const breaks: number[] = [];
  for (let at = 1; at < text.length; at++) {
    const before = text[at - 1] ?? '';
    const here = text[at] ?? '';
    const afterSpace = before === ' ' && here !== ' ';
    const afterHyphen = before === '-' && LETTER.test(text[at - 2] ?? '') && LETTER.test(here);
    if ((afterSpace || afterHyphen) && !inside(at)) breaks.push(at);
  }
  return breaks;
}

/** The runs covering [start, end) of the hard line's text. */
function sliceRuns(runs: Run[], start: number, end: number): Run[] {
  const slices: Run[] = [];
  let offset = 0;
  for (const run of runs) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + run.text.length);
    if (from < to) slices.push({ text: run.text.slice(from - offset, to - offset), style: run.style });
    offset += run.text.length;
  }
  return slices;
}

function widthOfRuns(runs: Run[], widthOf: WidthOf): number {
  return runs.reduce((sum, run) => sum + widthOf(run.text, run.style), 0);
}

/** The longest prefix of [start, end) that fits the width (at least one character, so that layout ends). */
function fittingEnd(runs: Run[], start: number, end: number, width: number, widthOf: WidthOf): number {
  let low = start + 1;
  let high = end;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (widthOfRuns(sliceRuns(runs, start, middle), widthOf) <= width) low = middle;
    else high = middle - 1;
  }
  return low;
}

function toLine(runs: Run[], start: number, end: number, widthOf: WidthOf): Line {
  const pieces: Piece[] = [];
  let x = 0;
  for (const run of sliceRuns(runs, start, end)) {
    pieces.push({ ...run, x });
    x += widthOf(run.text, run.style);
  }
  return { pieces, width: x };
}

/** One hard line → the lines that fit the width: greedy, breaking only where findBreaks allows. */
function wrapHardLine(runs: Run[], width: number, widthOf: WidthOf): Line[] {
  const text = runs.map((run) => run.text).join('');
  const visibleEnd = (end: number): number => text.slice(0, end).trimEnd().length;
  const widthOfSlice = (start: number, end: number): number =>
    widthOfRuns(sliceRuns(runs, start, end), widthOf);
  // Words with their trailing spaces; their widths add up because pdfkit shapes each word on its own.
  const bounds = [0, ...findBreaks(text), text.length];
  const words = bounds.slice(1).map((end, index) => {
    const start = bounds[index] ?? 0;
    return { start, end, width: widthOfSlice(start, end), visible: widthOfSlice(start, visibleEnd(end)) };
  });
  const lines: Line[] = [];
  let line: { start: number; end: number; width: number } | undefined;
  const close = (): void => {
    if (line) lines.push(toLine(runs, line.start, visibleEnd(line.end), widthOf));
    line = undefined;
  };
  for (const word of words) {
    if (line && line.width + word.visible <= width) {
      line = { start: line.start, end: word.end, width: line.width + word.width };
      continue;
    }
    close();
    let start = word.start;
    // A word wider than the line (a long address in a narrow column) is cut where it fills the line.
    while (widthOfSlice(start, visibleEnd(word.end)) > width) {
      const cut = fittingEnd(runs, start, visibleEnd(word.end), width, widthOf);
      lines.push(toLine(runs, start, cut, widthOf));
      start = cut;
    }
    line = { start, end: word.end, width: widthOfSlice(start, word.end) };
  }
  close();
  return lines.length > 0 ? lines : [{ pieces: [], width: 0 }];
}

/**
 * Lays inline content out in lines no wider than `width`, keeping phone numbers, dates and numbers with their
 * units on one line. An empty hard line (two `<br>` in a row) is an empty line.
 * @example
 * const lines = breakLines(paragraph.content, 468, (text, style) => measure(text, style));
 */
export function breakLines(content: Inline[], width: number, widthOf: WidthOf, bold = false): Line[] {
  return toHardLines(content, bold).flatMap((runs) => wrapHardLine(runs, width, widthOf));
}
