import { describe, expect, it } from 'vitest';
import type { Block, DocumentInfo, FlowBlock } from '../../src/markup/document.js';
import { writePdf } from '../../src/pdf/write-pdf.js';
import { readPdf } from '../support/pdf.js';

const info: DocumentInfo = {
  title: 'Page breaks',
  author: 'lmnkit tests',
  subject: 'Page breaks',
  date: '2026-11-27',
  runningHeader: 'A. Patient · DOB 03/14/1980',
  footer: 'Confidential health information.',
  draft: false,
};

function paragraph(text: string): FlowBlock {
  return { kind: 'paragraph', style: 'body', content: [{ kind: 'text', text, bold: false, italic: false }] };
}

const pagebreak: FlowBlock = { kind: 'pagebreak' };

async function pagesOf(blocks: Block[]): Promise<string[]> {
  return (await readPdf(await writePdf({ info, blocks, images: {} }))).pages;
}

describe('writePdf: page breaks', () => {
  it('starts the blocks after a page break on a new page', async () => {
    const pages = await pagesOf([paragraph('Cover page'), pagebreak, paragraph('The letter')]);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Cover page');
    expect(pages[0]).not.toContain('The letter');
    expect(pages[1]).toContain('The letter');
    expect(pages[1]).toContain('Page 2 of 2');
  });

  it('never leaves a blank page for a break at the top of a page', async () => {
    const pages = await pagesOf([pagebreak, paragraph('One'), pagebreak, pagebreak, paragraph('Two')]);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('One');
    expect(pages[1]).toContain('Two');
  });
});

describe('writePdf: asides (cover page, claim packet)', () => {
  const letterhead: FlowBlock = {
    kind: 'letterhead',
    title: [{ kind: 'text', text: 'Bayside Clinic', bold: false, italic: false }],
    lines: [],
    logo: null,
  };
  const longLetter = Array.from({ length: 70 }, (_, i) => paragraph(`Letter line ${i + 1}.`));

  it('numbers the letter apart from its asides, and starts the letter with its letterhead', async () => {
    const pages = await pagesOf([
      { kind: 'aside', blocks: [letterhead, paragraph('Your letter: what to do with it')] },
      letterhead,
      ...longLetter,
      { kind: 'aside', blocks: [paragraph('Claim packet: what to submit')] },
    ]);
    const letterPages = pages.slice(1, -1);
    expect(letterPages.length).toBeGreaterThan(1);
    const [cover, packet] = [pages[0] ?? '', pages.at(-1) ?? ''];
    expect(cover).toContain('Your letter: what to do with it');
    expect(packet).toContain('Claim packet: what to submit');
    for (const aside of [cover, packet]) {
      expect(aside).not.toMatch(/Page \d+ of/);
      expect(aside).not.toContain(info.runningHeader);
      expect(aside).toContain(info.footer);
    }
    letterPages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of ${letterPages.length}`);
      if (index === 0) expect(page).not.toContain(info.runningHeader);
      else expect(page).toContain(info.runningHeader);
    });
    expect(letterPages[0]?.trimStart()).toMatch(/^Bayside Clinic/);
    expect(letterPages.at(-1)).toContain('Letter line 70.');
  });

  it('gives an aside pages of its own without leaving a blank page', async () => {
    const pages = await pagesOf([
      { kind: 'aside', blocks: [paragraph('Cover')] },
      paragraph('The letter'),
      { kind: 'aside', blocks: [paragraph('Packet')] },
      { kind: 'aside', blocks: [paragraph('Another aside')] },
    ]);
    expect(pages).toHaveLength(4);
    expect(pages.map((page) => page.split('\n')[0])).toEqual([
      'Cover',
      'The letter',
      'Packet',
      'Another aside',
    ]);
    expect(pages[1]).toContain('Page 1 of 1');
  });
});
