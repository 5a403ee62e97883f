// Reads a PDF back the way a user's viewer would: text per page and document metadata.
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfContent {
  pages: string[];
  /** All pages, whitespace collapsed to single spaces. */
  text: string;
  info: Record<string, unknown>;
}

export async function readPdf(pdf: Uint8Array): Promise<PdfContent> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
  }
  const { info } = await document.getMetadata();
  await document.destroy();
  return { pages, text: pages.join('\n').replace(/\s+/g, ' '), info: info as Record<string, unknown> };
}

const EXAMPLES = new URL('../../examples/', import.meta.url);

/** A fresh copy of an example input (tests may change it); loosely typed, so tests pass it as `generate<string>(…)` input, checked at run time. */
export function loadExample(name: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`${name}.json`, EXAMPLES), 'utf8')) as Record<string, any>;
}

/** Today for rules, pinned so that tests do not depend on the clock. */
export const TODAY = '2026-11-27';
