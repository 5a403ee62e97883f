import { GenerationError } from '../errors.js';

/**
 * The page count of a PDF that writePdf wrote: the /Count of its page tree's root. pdfkit (pinned)
 * writes one flat /Pages node, uncompressed, so this needs no PDF parser.
 */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const match = /\/Type \/Pages\s+\/Count (\d+)/.exec(text);
  if (!match) throw new GenerationError('The PDF has no page tree to count.');
  return Number(match[1]);
}
