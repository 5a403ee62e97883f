import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import { BoundedCache } from './bounded-cache.js';
import { inspectImage, type ImageVerdict } from './inspect-image.js';

// A practice sends the same logo and signature with every letter: inflating a PNG takes
// milliseconds, hashing it a fraction of one.
const verdicts = new BoundedCache<string, ImageVerdict>(64);

/**
 * Why these bytes cannot be embedded in a letter, or undefined when they can: a PNG or JPEG within
 * IMAGE_LIMITS that decodes, and that pdfkit opens. Time and memory are bounded whatever the bytes.
 */
export function findImageProblem(bytes: Uint8Array): string | undefined {
  const key = createHash('sha256').update(bytes).digest('base64');
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = inspectImage(bytes);
    if (verdict.ok && !tryToOpen(bytes)) verdict = { ok: false, reason: 'could not be read as an image' };
    verdicts.set(key, verdict);
  }
  return verdict.ok ? undefined : verdict.reason;
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
