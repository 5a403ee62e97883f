import { describe, expect, it } from 'vitest';
import type { Block, DocumentInfo } from '../../src/markup/document.js';
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

function paragraph(text: string): Block {
  return { kind: 'paragraph', style: 'body', content: [{ kind: 'text', text, bold: false, italic: false }] };
}

const pagebreak: Block = { kind: 'pagebreak' };

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
