import type * as fontkit from 'fontkit';
import { BoundedCache } from './bounded-cache.js';
import { TrueTypeSubsetter } from './true-type-subsetter.js';

/** Every font program handed out by a cached font: documents share them, so they are never modified. */
const sharedPrograms = new WeakSet<Uint8Array>();

/** Whether these bytes are a subset font program shared between documents. */
export function isSharedProgram(bytes: Uint8Array): boolean {
  return sharedPrograms.has(bytes);
}

/**
 * The font (parsed from `file`) with subset font programs that outlive a document: one program per glyph
 * list, written by TrueTypeSubsetter (fontkit's bytes, without its cost) and kept in a bounded cache.
 * Fonts with CFF outlines are returned as they are.
 */
export function cacheFont(font: fontkit.Font, file: Uint8Array, programLimit: number): fontkit.Font {
  // pdfkit checks a subset for a `cff` table to pick the font file type; only TrueType ones are stood in for.
  if ('cff' in font.createSubset()) return font;
  const subsetter = new TrueTypeSubsetter(file);
  const programs = new BoundedCache<string, Uint8Array>(programLimit);
  const cached = Object.create(font) as fontkit.Font;
  cached.createSubset = () => new RememberedSubset(subsetter, programs) as unknown as fontkit.Subset;
  return cached;
}

/** fontkit's Subset contract, as pdfkit uses it: glyphs are renumbered in the order they are included. */
class RememberedSubset {
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(
    private readonly subsetter: TrueTypeSubsetter,
    private readonly programs: BoundedCache<string, Uint8Array>,
  ) {
    this.includeGlyph(0); // the missing glyph always comes first
  }

  includeGlyph(glyph: number | fontkit.Glyph): number {
    const id = typeof glyph === 'number' ? glyph : glyph.id;
    let index = this.mapping.get(id);
    if (index === undefined) {
      index = this.glyphs.length;
      this.glyphs.push(id);
      this.mapping.set(id, index);
    }
    return index;
  }

  encode(): Uint8Array {
    const key = this.glyphs.join(',');
    let program = this.programs.get(key);
    if (!program) {
      program = this.subsetter.encode(this.glyphs);
      this.programs.set(key, program);
      sharedPrograms.add(program);
    }
    return program;
  }
}
