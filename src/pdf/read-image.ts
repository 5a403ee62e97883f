import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { BoundedCache } from './bounded-cache.js';

// A practice sends the same logo and signature with every letter: parsing a PNG in pdfkit takes
// milliseconds, hashing it a fraction of one.
const verdicts = new BoundedCache<string, boolean>(64);

/** Whether pdfkit can embed these bytes as an image (a PNG/JPEG header alone is not enough). */
export function isReadableImage(bytes: Uint8Array): boolean {
  const key = createHash('sha256').update(bytes).digest('base64');
  let readable = verdicts.get(key);
  if (readable === undefined) {
    readable = tryToOpen(bytes);
    verdicts.set(key, readable);
  }
  return readable;
}

function tryToOpen(bytes: Uint8Array): boolean {
  try {
    // openImage is public pdfkit API that @types/pdfkit does not declare. No font: pdfkit would otherwise
    // build Helvetica's metrics for this throwaway document (a third of a millisecond per image).
    const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string }) as unknown as {
      openImage(src: Buffer): unknown;
    };
    doc.openImage(Buffer.from(bytes));
    return true;
  } catch {
    return false;
  }
}
