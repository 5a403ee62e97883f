// The text each page shows, read from its content stream through each font's ToUnicode map: what a reader
// sees, without layout. Two letters show the same text when every page shows the same strings in order.
import {
  Name,
  PdfFile,
  PdfOperator,
  Tokenizer,
  UnreadablePdf,
  type PdfDict,
  type PdfValue,
} from './pdf-file.js';

type CodeMap = Map<number, string>;

function hexNumber(bytes: Uint8Array): number {
  return bytes.reduce((value, byte) => value * 256 + byte, 0);
}

function utf16(bytes: Uint8Array): string {
  const swapped = Buffer.from(bytes);
  if (swapped.length % 2 === 1) return '';
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** bfchar and bfrange entries of a ToUnicode CMap (two-byte codes, as lmnkit's Identity-H fonts use). */
function readCMap(bytes: Uint8Array): CodeMap {
  const map: CodeMap = new Map();
  const tokens = new Tokenizer(bytes);
  const operands: PdfValue[] = [];
  let mode: 'char' | 'range' | undefined;
  while (!tokens.atEnd()) {
    const value = tokens.read();
    if (value instanceof PdfOperator) {
      const operator = value.operator;
      if (operator === 'beginbfchar') mode = 'char';
      else if (operator === 'beginbfrange') mode = 'range';
      else if (operator === 'endbfchar' || operator === 'endbfrange') mode = undefined;
      operands.length = 0;
      continue;
    }
    operands.push(value);
    if (mode === 'char' && operands.length === 2) {
      const [code, text] = operands;
      if (code instanceof Uint8Array && text instanceof Uint8Array) map.set(hexNumber(code), utf16(text));
      operands.length = 0;
    } else if (mode === 'range' && operands.length === 3) {
      const [first, last, target] = operands;
      operands.length = 0;
      if (!(first instanceof Uint8Array) || !(last instanceof Uint8Array)) continue;
      const [from, to] = [hexNumber(first), hexNumber(last)];
      if (to - from > 65_536) throw new UnreadablePdf('a ToUnicode range is too wide');
      for (let code = from; code <= to; code++) {
        if (Array.isArray(target)) {
          const entry = target[code - from];
          if (entry instanceof Uint8Array) map.set(code, utf16(entry));
        } else if (target instanceof Uint8Array) {
          const start = Buffer.from(target);
          start.writeUInt16BE(
            (start.readUInt16BE(start.length - 2) + code - from) & 0xffff,
            start.length - 2,
          );
          map.set(code, utf16(start));
        }
      }
    }
  }
  return map;
}

function decodeShown(bytes: Uint8Array, map: CodeMap | undefined): string {
  if (!map) return '\uFFFD';
  let text = '';
  for (let index = 0; index + 1 < bytes.length; index += 2)
    text += map.get(((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0)) ?? '\uFFFD';
  return text;
}

function fontMaps(file: PdfFile, page: PdfDict, cache: Map<unknown, CodeMap>): Map<string, CodeMap> {
  const fonts = file.dict(file.dict(page.get('Resources'))?.get('Font'));
  const maps = new Map<string, CodeMap>();
  for (const [name, ref] of fonts ?? []) {
    let map = cache.get(ref);
    if (!map) {
      const font = file.dict(ref);
      const bytes = font ? file.decoded(font.get('ToUnicode')) : undefined;
      map = bytes ? readCMap(bytes) : new Map();
      cache.set(ref, map);
    }
    maps.set(name, map);
  }
  return maps;
}

function contentOf(file: PdfFile, page: PdfDict): Uint8Array {
  const contents = file.resolve(page.get('Contents'));
  const parts = Array.isArray(contents) ? contents : [page.get('Contents')];
  return Buffer.concat(parts.map((part) => file.decoded(part) ?? new Uint8Array()));
}

/** Each page's shown strings, in content order. */
export function pageTexts(file: PdfFile): string[][] {
  const cache = new Map<unknown, CodeMap>();
  return file.pages().map((page) => {
    const maps = fontMaps(file, page, cache);
    const tokens = new Tokenizer(contentOf(file, page));
    const shown: string[] = [];
    const operands: PdfValue[] = [];
    let font: CodeMap | undefined;
    while (!tokens.atEnd()) {
      const value = tokens.read();
      if (!(value instanceof PdfOperator)) {
        operands.push(value);
        continue;
      }
      const [first] = operands;
      const last = operands.at(-1);
      switch (value.operator) {
        case 'Tf':
          font = first instanceof Name ? maps.get(first.name) : undefined;
          break;
        case 'Tj':
        case "'":
        case '"':
          if (last instanceof Uint8Array) shown.push(decodeShown(last, font));
          break;
        case 'TJ':
          if (Array.isArray(first))
            shown.push(
              first
                .filter((item): item is Uint8Array => item instanceof Uint8Array)
                .map((item) => decodeShown(item, font))
                .join(''),
            );
          break;
        default:
      }
      operands.length = 0;
    }
    return shown;
  });
}
