// The embedded fonts: parsed once per process from fonts/, never from the system.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { cacheFont } from './cache-font.js';

const FONTS = new URL('../../fonts/', import.meta.url);

function openFont(name: string): fontkit.Font {
  const file = readFileSync(new URL(name, FONTS));
  const font = fontkit.create(file);
  if (!('layout' in font)) throw new Error(`${name} is a font collection, not a font`);
  return cacheFont(font, file, 16);
}

export const fonts = {
  regular: openFont('NotoSerif-Regular.ttf'),
  bold: openFont('NotoSerif-Bold.ttf'),
  italic: openFont('NotoSerif-Italic.ttf'),
  boldItalic: openFont('NotoSerif-BoldItalic.ttf'),
} as const;

export type FontStyle = keyof typeof fonts;

const PRINTABLE_ASCII = /^[\x20-\x7E\n\t]*$/;
const printable = new Map<number, boolean>();
const WHITESPACE = new Set([0x09, 0x0a, 0x0d]);

function canPrint(codePoint: number): boolean {
  let known = printable.get(codePoint);
  if (known === undefined) {
    known =
      WHITESPACE.has(codePoint) || Object.values(fonts).every((font) => font.hasGlyphForCodePoint(codePoint));
    printable.set(codePoint, known);
  }
  return known;
}

/** The first character no embedded font style can draw, or undefined when all can be printed. */
export function findUnprintable(text: string): string | undefined {
  // Printable ASCII is in every style: most fields, and base64 images, need no per-character look-up.
  if (PRINTABLE_ASCII.test(text)) return undefined;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (!canPrint(codePoint)) return character;
  }
  return undefined;
}

/** Every code point all four styles can draw, ascending (for the JSON Schema's text patterns). */
export function printableCodePoints(): number[] {
  const [first, ...others] = Object.values(fonts).map((font) => new Set(font.characterSet));
  return [...(first ?? [])]
    .filter((codePoint) => others.every((set) => set.has(codePoint)))
    .sort((a, b) => a - b);
}
