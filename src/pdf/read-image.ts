import PDFDocument from 'pdfkit';

/** Whether pdfkit can embed these bytes as an image (a PNG/JPEG header alone is not enough). */
export function isReadableImage(bytes: Uint8Array): boolean {
  try {
    // openImage is public pdfkit API that @types/pdfkit does not declare.
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): unknown };
    doc.openImage(Buffer.from(bytes));
    return true;
  } catch {
    return false;
  }
}
