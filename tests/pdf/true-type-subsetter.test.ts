import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { TrueTypeSubsetter } from '../../src/pdf/true-type-subsetter.js';

const STYLES = ['Regular', 'Bold', 'Italic', 'BoldItalic'];

function openFont(bytes: Uint8Array): fontkit.Font {
  return fontkit.create(Buffer.from(bytes)) as fontkit.Font;
}

function readFont(style: string): { file: Buffer; font: fontkit.Font } {
  const file = readFileSync(new URL(`../../fonts/NotoSerif-${style}.ttf`, import.meta.url));
  return { file, font: openFont(file) };
}

/** fontkit's TTFSubset, as pdfkit uses it. */
function subsetWithFontkit(font: fontkit.Font, ids: number[]): Uint8Array {
  const subset = font.createSubset() as unknown as { includeGlyph(id: number): number; encode(): Uint8Array };
  for (const id of ids) subset.includeGlyph(id);
  return subset.encode();
}

/** Glyph lists as pdfkit builds them: the missing glyph, then glyphs in order of first use. */
function* glyphLists(font: fontkit.Font): Generator<number[]> {
  const text = 'Zoë Nguyễn, Ørsted & Ñúñez — “quoted” 24° · fi ffl Ω µ ½';
  yield [0, ...new Set(font.layout(text).glyphs.map((glyph) => glyph.id))];
  yield [0];
  let seed = 7;
  const random = (below: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % below;
  };
  for (let list = 0; list < 40; list++) {
    const ids = new Set([0]);
    const size = 1 + random(150);
    while (ids.size <= size) ids.add(random(font.numGlyphs));
    yield [...ids];
  }
}

describe('TrueTypeSubsetter', () => {
  it.each(STYLES)("writes fontkit's subset program byte for byte (Noto Serif %s)", (style) => {
    const { file, font } = readFont(style);
    const subsetter = new TrueTypeSubsetter(file);
    let composites = 0;
    for (const ids of glyphLists(font)) {
      const ours = subsetter.encode(ids);
      expect(
        Buffer.from(ours).equals(Buffer.from(subsetWithFontkit(font, ids))),
        `glyphs ${ids.join(',')}`,
      ).toBe(true);
      if (openFont(ours).numGlyphs > ids.length) composites++;
    }
    // The lists include composite glyphs, whose components are appended and renumbered.
    expect(composites).toBeGreaterThan(10);
  });

  it('leaves the font bytes it was given as they were', () => {
    const { file, font } = readFont('Regular');
    const before = Buffer.from(file);
    const subsetter = new TrueTypeSubsetter(file);
    for (const ids of glyphLists(font)) subsetter.encode(ids);
    expect(file.equals(before)).toBe(true);
  });

  it('writes a font whose glyphs keep their outlines and advances', () => {
    const { file, font } = readFont('Regular');
    const ids = [0, ...new Set(font.layout('Ærø Nguyễn 97124').glyphs.map((glyph) => glyph.id))];
    const subset = openFont(new TrueTypeSubsetter(file).encode(ids));
    ids.forEach((id, index) => {
      const [original, copy] = [font.getGlyph(id), subset.getGlyph(index)];
      expect(copy.advanceWidth).toBe(original.advanceWidth);
      expect(copy.path.toSVG()).toBe(original.path.toSVG());
    });
  });
});
