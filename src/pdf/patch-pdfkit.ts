// The only place that reaches into pdfkit's internals, for speed (README "Performance"):
//   1. EmbeddedFont.layoutCached shares shaped words between documents (pdfkit keeps them per document);
//   2. EmbeddedFont.layout splits text into words without allocating per character;
//   3. PDFReference.write keeps content lines as strings, converted to bytes once per stream;
//   4. PDFReference.finalize deflates streams at level 1 (pdfkit: 6) and each shared subset font program once;
//   5. PDFDocument._write collects the file and pushes it to the stream once, at the end, instead of line
//      by line (lmnkit never streams a letter out while it is being written).
// With `deflateLevel: 6` the output is stock pdfkit's, byte for byte: tests/pdf/patch-pdfkit.test.ts
// compares. The patches are written for the pdfkit version pinned in package.json; if an upgrade moves what
// they rely on, none is applied (stock pdfkit runs, slower) and that test fails.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { isSharedProgram } from './cache-font.js';
import { fonts } from './fonts.js';
import { BoundedCache } from './bounded-cache.js';

const PDFKIT_VERSION = '0.20.2';
/** zlib level 1 deflates about three times faster than pdfkit's 6, for about 3% more bytes per letter. */
const DEFLATE_LEVEL = 1;
/**
 * Shaped words kept per font, per generation (about the vocabulary of the letters being written).
 * At 4,000 a render thread held about 18 MB more live heap after 5,000 letters than at 1,000.
 */
const WORDS_PER_FONT = 1000;

/** A shaped word, its positions already scaled to 1000 units per em by pdfkit's layoutRun. */
interface Run {
  glyphs: unknown[] | null;
  positions: unknown[] | null;
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont (not exported; reached through a document's current font). */
interface EmbeddedFont {
  font: object;
  layoutCache?: object;
  layout: (this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean) => Run;
  layoutRun: (this: EmbeddedFont, text: string, features?: unknown) => Run;
  layoutCached: (this: EmbeddedFont, text: string) => Run;
}

type Chunk = string | Uint8Array;

/** pdfkit's PDFReference: an indirect object, its stream collected in `buffer` until finalize(). */
interface PdfReference {
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  buffer: Chunk[];
  write: (this: PdfReference, chunk: unknown) => void;
  finalize: (this: PdfReference) => void;
}

/** The PDFDocument members the patches use. */
interface PdfDocument {
  _offset: number;
  _write: (this: PdfDocument, data: unknown) => void;
  push: (this: PdfDocument, chunk: Uint8Array | null) => boolean;
}

interface Prototypes {
  document: PdfDocument;
  font: EmbeddedFont;
  reference: PdfReference;
}

function findPrototypes(): Prototypes {
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  doc.registerFont('probe', fonts.regular as unknown as string).font('probe');
  const { _font, _root } = doc as unknown as { _font: object; _root: object };
  return {
    document: Object.getPrototypeOf(doc) as PdfDocument,
    font: Object.getPrototypeOf(_font) as EmbeddedFont,
    reference: Object.getPrototypeOf(_root) as PdfReference,
  };
}

function readPdfkitVersion(): string {
  const main = createRequire(import.meta.url).resolve('pdfkit');
  const manifest = readFileSync(new URL('../package.json', pathToFileURL(main)), 'utf8');
  return (JSON.parse(manifest) as { version: string }).version;
}

/** What differs from the pdfkit these patches were written for; empty when they apply. */
function findShapeProblems({ document, font, reference }: Prototypes): string[] {
  const problems: string[] = [];
  const version = readPdfkitVersion();
  if (version !== PDFKIT_VERSION)
    problems.push(`pdfkit is ${version}, the patches are for ${PDFKIT_VERSION}`);
  for (const name of ['layout', 'layoutRun', 'layoutCached'] as const) {
    if (typeof font[name] !== 'function') problems.push(`EmbeddedFont.${name} is missing`);
  }
  for (const name of ['write', 'finalize'] as const) {
    if (typeof reference[name] !== 'function') problems.push(`PDFReference.${name} is missing`);
  }
  if (typeof document._write !== 'function') problems.push('PDFDocument._write is missing');
  // src/pdf/archival.ts replaces _addInfo (the XMP packet) per document and writes through appendXML.
  for (const name of ['_addInfo', 'appendXML', 'file'] as const) {
    if (typeof (document as unknown as Record<string, unknown>)[name] !== 'function')
      problems.push(`PDFDocument.${name} is missing`);
  }
  if (Object.hasOwn(document, 'push')) problems.push('PDFDocument has its own push');
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  const sample = doc.ref({}) as unknown as Partial<PdfReference>;
  if (
    typeof sample.compress !== 'boolean' ||
    !Array.isArray(sample.buffer) ||
    typeof sample.uncompressedLength !== 'number' ||
    typeof (doc as unknown as Partial<PdfDocument>)._offset !== 'number'
  ) {
    problems.push('PDFReference or PDFDocument no longer keep their bytes in the same fields');
  }
  return problems;
}

/** Shaped words per font, shared by every document: pdfkit only reads a run once layoutRun has scaled it. */
const sharedRuns = new WeakMap<object, BoundedCache<string, Run>>();

function layoutCached(this: EmbeddedFont, text: string): Run {
  if (!this.layoutCache) return this.layoutRun(text); // the document opted out (fontLayoutCache: false)
  let runs = sharedRuns.get(this.font);
  if (!runs) {
    runs = new BoundedCache(WORDS_PER_FONT);
    sharedRuns.set(this.font, runs);
  }
  let run = runs.get(text);
  if (!run) {
    const { glyphs, positions, advanceWidth } = this.layoutRun(text);
    // Just what layout() reads; fontkit's advanceWidth is a getter that would sum the positions each time.
    run = { glyphs, positions, advanceWidth };
    runs.set(text, run);
  }
  return run;
}

/**
 * pdfkit's layout without its costs: it tests each character with `[' ', '\t'].includes(…)` (an array per
 * character) and grows the result with concat. Same words, same runs, same objects in the same order.
 */
function layout(this: EmbeddedFont, text: string, features?: unknown, onlyWidth?: boolean): Run {
  if (features) return this.layoutRun(text, features);
  const glyphs: unknown[] | null = onlyWidth ? null : [];
  const positions: unknown[] | null = onlyWidth ? null : [];
  let advanceWidth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A word ends after a space or tab, or at the end of the text.
    if (code !== 0x20 && code !== 0x09 && index !== text.length - 1) continue;
    const run = this.layoutCached(text.slice(start, index + 1));
    if (glyphs && positions && run.glyphs && run.positions) {
      for (const glyph of run.glyphs) glyphs.push(glyph);
      for (const position of run.positions) positions.push(position);
    }
    advanceWidth += run.advanceWidth;
    start = index + 1;
  }
  return { glyphs, positions, advanceWidth };
}

/** pdfkit turns each string into bytes by keeping the low byte of every UTF-16 unit, as latin1 does. */
function toBytes(chunks: Chunk[]): Buffer {
  const bytes = Buffer.allocUnsafe(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    if (typeof chunk === 'string') bytes.write(chunk, offset, 'latin1');
    else bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** pdfkit's write, less the conversion of each content line to its own byte array. */
function write(this: PdfReference, chunk: unknown): void {
  const line = chunk instanceof Uint8Array ? chunk : `${String(chunk)}\n`;
  this.uncompressedLength += line.length;
  this.data.Length = (this.data.Length ?? 0) + line.length;
  this.buffer.push(line);
  if (this.compress) this.data.Filter = 'FlateDecode';
}

/** Deflated shared subset font programs, computed once per program (and level). */
const deflatedPrograms = new WeakMap<Uint8Array, { level: number; bytes: Uint8Array }>();

function deflateStream(chunks: Chunk[], level: number): Uint8Array {
  const [only, ...more] = chunks;
  if (!(only instanceof Uint8Array) || more.length > 0 || !isSharedProgram(only)) {
    return deflateSync(toBytes(chunks), { level });
  }
  let deflated = deflatedPrograms.get(only);
  if (deflated?.level !== level) {
    deflated = { level, bytes: deflateSync(only, { level }) };
    deflatedPrograms.set(only, deflated);
  }
  return deflated.bytes;
}

function finalizeWith(original: PdfReference['finalize'], level: number): PdfReference['finalize'] {
  return function finalize(this: PdfReference): void {
    if (this.buffer.length > 0) {
      // pdfkit expects byte arrays and would deflate them itself; its `Filter` entry is already set.
      this.buffer = [this.compress ? deflateStream(this.buffer, level) : toBytes(this.buffer)];
      this.compress = false;
    }
    original.call(this);
  };
}

/** The file written so far, per document, until pdfkit ends the stream. */
const files = new WeakMap<object, Chunk[]>();

function writeToFile(this: PdfDocument, data: unknown): void {
  const piece = data instanceof Uint8Array ? data : `${String(data)}\n`;
  let file = files.get(this);
  if (!file) {
    file = [];
    files.set(this, file);
  }
  file.push(piece);
  this._offset += piece.length;
}

function pushWith(original: PdfDocument['push']): PdfDocument['push'] {
  return function push(this: PdfDocument, chunk: Uint8Array | null): boolean {
    const file = chunk === null ? files.get(this) : undefined;
    if (file) {
      files.delete(this);
      original.call(this, toBytes(file));
    }
    return original.call(this, chunk);
  };
}

const prototypes = findPrototypes();
const originals = {
  layout: prototypes.font.layout,
  layoutCached: prototypes.font.layoutCached,
  write: prototypes.reference.write,
  finalize: prototypes.reference.finalize,
  writeToFile: prototypes.document._write,
  push: prototypes.document.push,
};

/** Whether the patches are in place, and what kept them out if not. */
export const pdfkitPatches = {
  /** Why the patches cannot apply to the installed pdfkit; empty when they can. */
  problems: findShapeProblems(prototypes),
  get applied(): boolean {
    return prototypes.font.layout === layout;
  },
  /** Puts the patches in place (done on import). `deflateLevel: 6` gives stock pdfkit's bytes. */
  apply({ deflateLevel = DEFLATE_LEVEL }: { deflateLevel?: number } = {}): void {
    if (this.problems.length > 0) return;
    Object.assign(prototypes.font, { layout, layoutCached });
    Object.assign(prototypes.reference, { write, finalize: finalizeWith(originals.finalize, deflateLevel) });
    Object.assign(prototypes.document, { _write: writeToFile, push: pushWith(originals.push) });
  },
  /** Stock pdfkit again (for tests that compare). */
  restore(): void {
    Object.assign(prototypes.font, { layout: originals.layout, layoutCached: originals.layoutCached });
    Object.assign(prototypes.reference, { write: originals.write, finalize: originals.finalize });
    prototypes.document._write = originals.writeToFile;
    // push was inherited from Readable: removing the patch uncovers it again.
    delete (prototypes.document as Partial<PdfDocument>).push;
  },
};

pdfkitPatches.apply();
