// The layout rules of issue 9 ("pages that read well"), checked where each line lands: every test pushes a block
// down the page line by line with filler, so that each rule meets the page break at every awkward spot.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import type { Block, DocumentInfo, FlowBlock, Inline, Paragraph } from '../../src/markup/document.js';
import { writePdf } from '../../src/pdf/write-pdf.js';
import { listExamples } from '../support/examples.js';
import { readPdf, TODAY } from '../support/pdf.js';

const info: DocumentInfo = {
  title: 'Layout',
  author: 'lmnkit tests',
  subject: 'Layout',
  date: '2026-11-27',
  runningHeader: 'A. Patient · DOB 03/14/1980',
  footer: 'Confidential health information.',
  draft: false,
};

interface TextLine {
  page: number;
  /** The baseline, in points from the bottom of the page. */
  y: number;
  text: string;
}

/** The lines of body text (running header and footer left out), in reading order, with their page. */
async function readLines(blocks: Block[]): Promise<TextLine[]> {
  const pdf = await writePdf({ info, blocks, images: {} });
  const document = await getDocument({ data: pdf, verbosity: 0, isEvalSupported: false }).promise;
  const lines: TextLine[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const rows = new Map<number, { x: number; text: string }[]>();
    for (const item of (await (await document.getPage(page)).getTextContent()).items) {
      if (!('str' in item)) continue;
      const y = Math.round(item.transform[5] as number);
      rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] as number, text: item.str }]);
    }
    const body = [...rows].filter(([y]) => y > 45 && y < 740).sort(([a], [b]) => b - a);
    for (const [y, items] of body) {
      const text = items
        .sort((a, b) => a.x - b.x)
        .map((item) => item.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) lines.push({ page, y, text });
    }
  }
  await document.destroy();
  return lines;
}

const run = (text: string, bold = false): Inline => ({ kind: 'text', text, bold, italic: false });

function paragraph(text: string): Paragraph {
  return { kind: 'paragraph', style: 'body', content: [run(text)] };
}

/** A paragraph of `count` short lines: it moves what follows down by as many lines. */
function filler(count: number): FlowBlock {
  const content = Array.from({ length: count }, (_, i) => run(`Filler ${i + 1}.`)).flatMap((line, i) =>
    i === 0 ? [line] : [{ kind: 'break' as const }, line],
  );
  return { kind: 'paragraph', style: 'body', content };
}

/** A paragraph of exactly `count` lines, each starting with its marker. */
function lines(marker: string, count: number): FlowBlock {
  const content = Array.from({ length: count }, (_, i) => run(`${marker} ${i + 1}`)).flatMap((line, i) =>
    i === 0 ? [line] : [{ kind: 'break' as const }, line],
  );
  return { kind: 'paragraph', style: 'body', content };
}

const heading = (text: string): FlowBlock => ({ kind: 'heading', level: 2, content: [run(text)] });

function table(rows: number): FlowBlock {
  return {
    kind: 'table',
    head: [[run('Measure')], [run('Baseline')], [run('Current')]],
    body: Array.from({ length: rows }, (_, i) => [
      [run(`Row ${i + 1}`)],
      [run('7'), { kind: 'break' }, run('09/28/2026')],
      [run('3')],
    ]),
  };
}

function list(items: number): FlowBlock {
  return {
    kind: 'list',
    ordered: true,
    items: Array.from({ length: items }, (_, i) => [run(`Goal ${i + 1} of ${items}`)]),
  };
}

const signature: FlowBlock = {
  kind: 'signature',
  parts: [paragraph('Sincerely,'), paragraph('Dr. A. Lee'), paragraph('NPI 1234567893')],
};

/** Filler lengths that bring the block after them to every line near the foot of the first page. */
const POSITIONS = Array.from({ length: 24 }, (_, i) => 26 + i);

const pageOf = (all: TextLine[], text: string): number => {
  const line = all.find((candidate) => candidate.text.startsWith(text));
  if (!line) throw new Error(`no line starts with "${text}"`);
  return line.page;
};

/** How many lines starting with the marker each page holds (pages without any left out). */
function countPerPage(all: TextLine[], marker: RegExp): number[] {
  const counts = new Map<number, number>();
  for (const line of all) if (marker.test(line.text)) counts.set(line.page, (counts.get(line.page) ?? 0) + 1);
  return [...counts.values()];
}

describe('writePdf: layout rules', () => {
  it('never leaves a heading as the last line of a page: it goes with the start of its table', async () => {
    let broke = false;
    for (const count of POSITIONS) {
      const all = await readLines([filler(count), heading('Documented progress'), table(3)]);
      const page = pageOf(all, 'Documented progress');
      expect(pageOf(all, 'Measure Baseline Current'), `after ${count} lines`).toBe(page);
      expect(pageOf(all, 'Row 1'), `after ${count} lines`).toBe(page);
      broke ||= page === 2;
    }
    expect(broke).toBe(true);
  });

  it('keeps a heading with at least two lines of the paragraph under it', async () => {
    for (const count of POSITIONS) {
      const all = await readLines([filler(count), heading('History'), lines('Body', 6)]);
      const page = pageOf(all, 'History');
      expect(pageOf(all, 'Body 2'), `after ${count} lines`).toBe(page);
    }
  });

  it('keeps an introducing paragraph with the list it introduces', async () => {
    for (const count of POSITIONS) {
      const all = await readLines([filler(count), paragraph('Current symptoms:'), list(5)]);
      expect(pageOf(all, '1. Goal 1'), `after ${count} lines`).toBe(pageOf(all, 'Current symptoms:'));
    }
  });

  it('repeats the header row on every page of a table, and never leaves one row alone on a page', async () => {
    let broke = false;
    for (const count of POSITIONS) {
      const all = await readLines([filler(count), table(12)]);
      const rows = countPerPage(all, /^Row \d+/);
      expect(
        rows.every((rowsOnPage) => rowsOnPage >= 2),
        `after ${count} lines: ${rows.join(' + ')}`,
      ).toBe(true);
      const pages = [...new Set(all.filter((line) => /^Row \d+/.test(line.text)).map((line) => line.page))];
      for (const page of pages) {
        const onPage = all.filter((line) => line.page === page);
        const header = onPage.findIndex((line) => line.text === 'Measure Baseline Current');
        const firstRow = onPage.findIndex((line) => /^Row \d+/.test(line.text));
        expect(header, `header row on page ${page} after ${count} lines`).toBeGreaterThanOrEqual(0);
        expect(header).toBeLessThan(firstRow);
      }
      broke ||= pages.length > 1;
    }
    expect(broke).toBe(true);
  });

  it('keeps a table of three rows or fewer on one page', async () => {
    for (const count of POSITIONS) {
      const all = await readLines([filler(count), table(3)]);
      expect(countPerPage(all, /^Row \d+/), `after ${count} lines`).toEqual([3]);
    }
  });

  it('keeps lists of up to three items whole, and leaves no item alone on a page in longer lists', async () => {
    for (const items of [2, 3, 4, 6]) {
      for (const count of POSITIONS) {
        const all = await readLines([filler(count), list(items)]);
        const perPage = countPerPage(all, /^\d+\. Goal/);
        const context = `${items} items after ${count} lines: ${perPage.join(' + ')}`;
        if (items <= 3) expect(perPage, context).toEqual([items]);
        else
          expect(
            perPage.every((onPage) => onPage >= 2),
            context,
          ).toBe(true);
      }
    }
  });

  it('leaves no line of a paragraph alone at the foot or the head of a page', async () => {
    for (const count of POSITIONS) {
      const all = await readLines([filler(count), lines('Line', 5)]);
      const perPage = countPerPage(all, /^Line \d/);
      expect(
        perPage.every((onPage) => onPage >= 2),
        `after ${count} lines: ${perPage.join(' + ')}`,
      ).toBe(true);
    }
  });

  it('keeps the signature block together and with the end of the letter', async () => {
    for (const count of POSITIONS) {
      const all = await readLines([filler(count), lines('Closing', 4), signature]);
      const page = pageOf(all, 'Sincerely,');
      expect(pageOf(all, 'NPI 1234567893'), `after ${count} lines`).toBe(page);
      expect(pageOf(all, 'Closing 4'), `after ${count} lines`).toBe(page);
      expect(pageOf(all, 'Closing 3'), `after ${count} lines`).toBe(page);
    }
  });

  it('never breaks a line inside a phone number, a date or a code with its units', async () => {
    const phrases = ['(415) 555-0133', 'November 20, 2026', '97140 × 2 units', '1 de diciembre de 2026'];
    for (const phrase of phrases) {
      for (let words = 60; words < 90; words++) {
        const text = `${Array.from({ length: words }, () => 'ab').join(' ')} ${phrase} and more words after it.`;
        const all = await readLines([paragraph(text)]);
        expect(
          all.some((line) => line.text.includes(phrase)),
          `"${phrase}" after ${words} words: ${all.map((line) => line.text.slice(-20)).join(' | ')}`,
        ).toBe(true);
      }
    }
  });
});

describe('writePdf: the shipped examples', () => {
  /** Pages of the letter itself (its "Page i of N"), whatever cover page or claim packet comes with it. */
  const LETTER_PAGES: Record<string, [number, number]> = {
    'lmn-insurance': [1, 2],
    prescription: [1, 1],
    'prior-auth': [2, 3],
    appeal: [2, 3],
    // A claim table and the causation statement come on top of the insurance letter.
    'lmn-workers-comp': [2, 3],
    'lmn-auto-pip': [2, 3],
  };

  it.each(listExamples())(
    'fits $name on the pages a careful practice would use',
    async ({ name, kind, input }) => {
      const { pdf } = await generate(kind, input, { today: TODAY, force: true });
      const { pages } = await readPdf(pdf);
      const numbered = pages.flatMap((page) => /Page \d+ of (\d+)/.exec(page)?.[1] ?? []);
      const letterPages = Number(numbered[0]);
      expect(numbered).toHaveLength(letterPages);
      const [fewest, most] = LETTER_PAGES[name] ?? [1, 2];
      expect(letterPages).toBeGreaterThanOrEqual(fewest);
      expect(letterPages).toBeLessThanOrEqual(most);
    },
  );
});
