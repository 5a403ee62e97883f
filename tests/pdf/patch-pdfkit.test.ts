import { afterEach, describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import { pdfkitPatches } from '../../src/pdf/patch-pdfkit.js';
import { listExamples } from '../support/examples.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

// A 1×1 PNG: an image stream goes through the patched write and finalize as bytes, not text.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Every example, and letters with accented (composite) glyphs, no-break spaces, a signature image or none. */
function listLetters(): { kind: string; input: Record<string, any> }[] {
  const unusual = loadExample('lmn-insurance');
  unusual.patient.firstName = 'Zoë\u00a0Åsa';
  unusual.patient.lastName = 'Nguyễn-Øre';
  unusual.clinical.history = `Ünïcödé, “quotes” — and 24°. ${String(unusual.clinical.history)}`;
  unusual.provider.signature = { ...unusual.provider.signature, image: PNG };
  const draft = loadExample('lmn-hsa-fsa');
  delete draft.provider.signature;
  return [...listExamples(), { kind: 'lmn', input: unusual }, { kind: 'lmn', input: draft }];
}

async function renderAll(): Promise<Buffer[]> {
  const pdfs: Buffer[] = [];
  for (const { kind, input } of listLetters()) {
    pdfs.push(Buffer.from((await generate(kind, input, { today: TODAY, force: true })).pdf));
  }
  return pdfs;
}

describe('pdfkit patches', () => {
  afterEach(() => {
    pdfkitPatches.apply();
  });

  it('apply to the installed pdfkit (an upgrade that moves their targets fails here)', () => {
    expect(pdfkitPatches.problems).toEqual([]);
    expect(pdfkitPatches.applied).toBe(true);
  });

  it("write stock pdfkit's bytes at pdfkit's deflate level", async () => {
    pdfkitPatches.apply({ deflateLevel: 6 });
    const patched = await renderAll();
    pdfkitPatches.restore();
    expect(pdfkitPatches.applied).toBe(false);
    const stock = await renderAll();
    expect(patched).toHaveLength(stock.length);
    patched.forEach((pdf, index) => {
      expect(pdf.equals(stock[index] ?? Buffer.alloc(0)), `letter ${index}`).toBe(true);
    });
  });

  it('write letters a reader extracts the same text from at their faster deflate level', async () => {
    const fast = await renderAll();
    pdfkitPatches.restore();
    const stock = await renderAll();
    for (const [index, pdf] of fast.entries()) {
      const [ours, theirs] = await Promise.all([readPdf(pdf), readPdf(stock[index] ?? Buffer.alloc(0))]);
      expect(ours.pages).toEqual(theirs.pages);
    }
    expect((await readPdf(fast.at(-2) ?? Buffer.alloc(0))).text).toContain('Patient: Zoë Åsa Nguyễn-Øre');
  });
});
