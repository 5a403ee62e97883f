// A small, bounded reader of the PDF files lmnkit writes (classic cross-reference tables, no object streams),
// enough to find the embedded letter data, the signature and the text of each page without a PDF library at
// run time. It never trusts the file: every read is bounded and anything it cannot follow is an UnreadablePdf.
import { inflateSync } from 'node:zlib';

export class UnreadablePdf extends Error {}

export class Name {
  constructor(readonly name: string) {}
}

export class Ref {
  constructor(
    readonly id: number,
    readonly generation: number,
  ) {}
}

/** Strings are kept as bytes (PDF strings are binary). */
export type PdfValue = number | boolean | null | Name | Ref | Uint8Array | PdfValue[] | PdfDict | PdfOperator;
export type PdfDict = Map<string, PdfValue>;

/** A content-stream operator (BT, Tj …), read by the same tokenizer. */
export class PdfOperator {
  constructor(readonly operator: string) {}
}

export interface PdfStream {
  dict: PdfDict;
  /** The raw (still encoded) bytes between `stream` and `endstream`. */
  raw: Uint8Array;
}

const MAX_DEPTH = 64;
/** Inflated streams larger than this are refused (a letter's largest stream is a few hundred KB). */
const MAX_INFLATED = 32 * 1024 * 1024;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

const isRegular = (byte: number | undefined): boolean =>
  byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte);

/** Reads PDF objects from bytes, starting at `position`. */
export class Tokenizer {
  constructor(
    readonly bytes: Uint8Array,
    public position = 0,
  ) {}

  private skipSpace(): void {
    const bytes = this.bytes;
    while (this.position < bytes.length) {
      const byte = bytes[this.position] ?? 0;
      if (WHITESPACE.has(byte)) this.position++;
      else if (byte === 0x25) {
        while (this.position < bytes.length && bytes[this.position] !== 0x0a && bytes[this.position] !== 0x0d)
          this.position++;
      } else break;
    }
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.position >= this.bytes.length;
  }

  private word(): string {
    const start = this.position;
    while (isRegular(this.bytes[this.position])) this.position++;
    return Buffer.from(this.bytes.subarray(start, this.position)).toString('latin1');
  }

  /** The next value; integers followed by `G R` become references. Operators come back as PdfOperator. */
  read(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new UnreadablePdf('objects nest too deeply');
    this.skipSpace();
    const bytes = this.bytes;
    const byte = bytes[this.position];
    if (byte === undefined) throw new UnreadablePdf('the file ends inside an object');
    if (byte === 0x2f) {
      this.position++;
      return new Name(
        this.word().replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      );
    }
    if (byte === 0x3c && bytes[this.position + 1] === 0x3c) {
      this.position += 2;
      const dict: PdfDict = new Map();
      for (;;) {
        this.skipSpace();
        if (bytes[this.position] === 0x3e && bytes[this.position + 1] === 0x3e) {
          this.position += 2;
          return dict;
        }
        const key = this.read(depth + 1);
        if (!(key instanceof Name)) throw new UnreadablePdf('a dictionary key is not a name');
        dict.set(key.name, this.read(depth + 1));
      }
    }
    if (byte === 0x3c) return this.hexString();
    if (byte === 0x28) return this.literalString();
    if (byte === 0x5b) {
      this.position++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (bytes[this.position] === 0x5d) {
          this.position++;
          return items;
        }
        items.push(this.read(depth + 1));
      }
    }
    if (!isRegular(byte)) throw new UnreadablePdf('unexpected character');
    const word = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      const number = Number(word);
      if (/^\d+$/.test(word)) {
        const mark = this.position;
        const generation = /^\s+(\d+)\s+R(?![^\s/<>[\]()%])/.exec(this.peek(24));
        if (generation) {
          this.position = mark + generation[0].length;
          return new Ref(number, Number(generation[1]));
        }
      }
      return number;
    }
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return new PdfOperator(word);
  }

  private peek(length: number): string {
    return Buffer.from(this.bytes.subarray(this.position, this.position + length)).toString('latin1');
  }

  private hexString(): Uint8Array {
    const end = this.bytes.indexOf(0x3e, this.position);
    if (end < 0) throw new UnreadablePdf('a hex string never ends');
    const hex = Buffer.from(this.bytes.subarray(this.position + 1, end))
      .toString('latin1')
      .replace(/\s/g, '');
    this.position = end + 1;
    if (!/^[0-9A-Fa-f]*$/.test(hex)) throw new UnreadablePdf('a hex string holds other characters');
    return new Uint8Array(Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex'));
  }

  private literalString(): Uint8Array {
    const bytes = this.bytes;
    const out: number[] = [];
    let nesting = 1;
    this.position++;
    while (this.position < bytes.length) {
      const byte = bytes[this.position++] ?? 0;
      if (byte === 0x5c) {
        const next = bytes[this.position++] ?? 0;
        const escapes: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (escapes[next] !== undefined) out.push(escapes[next]);
        else if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30;
          for (
            let i = 0;
            i < 2 && (bytes[this.position] ?? 0) >= 0x30 && (bytes[this.position] ?? 0) <= 0x37;
            i++
          )
            octal = octal * 8 + ((bytes[this.position++] ?? 0) - 0x30);
          out.push(octal & 0xff);
        } else if (next === 0x0d) {
          if (bytes[this.position] === 0x0a) this.position++;
        } else if (next !== 0x0a) out.push(next);
        continue;
      }
      if (byte === 0x28) nesting++;
      if (byte === 0x29 && --nesting === 0) return new Uint8Array(out);
      out.push(byte);
    }
    throw new UnreadablePdf('a string never ends');
  }
}

/** A PDF text string (UTF-16BE with a byte-order mark, or PDFDocEncoding read as Latin-1). */
export function textOf(value: PdfValue | undefined): string | undefined {
  if (!(value instanceof Uint8Array)) return undefined;
  if (value[0] === 0xfe && value[1] === 0xff) {
    const swapped = Buffer.from(value.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return Buffer.from(value).toString('latin1');
}

export class PdfFile {
  private readonly offsets = new Map<number, number>();
  readonly trailer: PdfDict;
  /** Where the last cross-reference section starts (from the last `startxref`). */
  readonly startXref: number;

  constructor(readonly bytes: Uint8Array) {
    const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
    const found = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!found) throw new UnreadablePdf('the file does not end with startxref and %%EOF');
    this.startXref = Number(found[1]);
    let trailer: PdfDict | undefined;
    const seen = new Set<number>();
    for (let at: number | undefined = this.startXref; at !== undefined && !seen.has(at);) {
      seen.add(at);
      const section = this.readXrefSection(at);
      trailer ??= section;
      const previous = section.get('Prev');
      at = typeof previous === 'number' ? previous : undefined;
    }
    if (!trailer) throw new UnreadablePdf('no trailer');
    this.trailer = trailer;
  }

  /** A classic xref table and its trailer; earlier sections never override entries already read. */
  private readXrefSection(at: number): PdfDict {
    const tokens = new Tokenizer(this.bytes, at);
    const keyword = tokens.read();
    if (!(keyword instanceof PdfOperator) || keyword.operator !== 'xref')
      throw new UnreadablePdf('the cross-reference section is not a classic table');
    for (;;) {
      const first = tokens.read();
      if (first instanceof PdfOperator && first.operator === 'trailer') break;
      const count = tokens.read();
      if (typeof first !== 'number' || typeof count !== 'number' || count > 1_000_000)
        throw new UnreadablePdf('a cross-reference subsection is malformed');
      for (let index = 0; index < count; index++) {
        const offset = tokens.read();
        tokens.read(); // generation
        const kind = tokens.read();
        if (typeof offset !== 'number' || !(kind instanceof PdfOperator))
          throw new UnreadablePdf('a cross-reference entry is malformed');
        if (kind.operator === 'n' && !this.offsets.has(first + index))
          this.offsets.set(first + index, offset);
      }
    }
    const trailer = tokens.read();
    if (!(trailer instanceof Map)) throw new UnreadablePdf('the trailer is not a dictionary');
    return trailer;
  }

  /** The object a reference names (a direct value comes back as it is). */
  resolve(value: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (!(value instanceof Ref)) return value;
    if (depth > 8) throw new UnreadablePdf('references loop');
    const offset = this.offsets.get(value.id);
    if (offset === undefined) return undefined;
    const tokens = new Tokenizer(this.bytes, offset);
    const [id, , keyword] = [tokens.read(), tokens.read(), tokens.read()];
    if (id !== value.id || !(keyword instanceof PdfOperator) || keyword.operator !== 'obj')
      throw new UnreadablePdf(`object ${value.id} is not where the cross-reference table says`);
    const object = tokens.read();
    return object instanceof Ref ? this.resolve(object, depth + 1) : object;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof Map ? resolved : undefined;
  }

  stream(ref: PdfValue | undefined): PdfStream | undefined {
    if (!(ref instanceof Ref)) return undefined;
    const offset = this.offsets.get(ref.id);
    if (offset === undefined) return undefined;
    const tokens = new Tokenizer(this.bytes, offset);
    tokens.read();
    tokens.read();
    tokens.read();
    const dict = tokens.read();
    const keyword = tokens.read();
    if (!(dict instanceof Map) || !(keyword instanceof PdfOperator) || keyword.operator !== 'stream')
      return undefined;
    let start = tokens.position;
    if (this.bytes[start] === 0x0d) start++;
    if (this.bytes[start] === 0x0a) start++;
    const length = this.resolve(dict.get('Length'));
    if (typeof length !== 'number' || length < 0 || start + length > this.bytes.length)
      throw new UnreadablePdf('a stream has no usable /Length');
    return { dict, raw: this.bytes.subarray(start, start + length) };
  }

  /** A stream's bytes, inflated when it is FlateDecode (the only filter lmnkit writes besides images). */
  decoded(ref: PdfValue | undefined): Uint8Array | undefined {
    const stream = this.stream(ref);
    if (!stream) return undefined;
    const filter = this.resolve(stream.dict.get('Filter'));
    if (filter === undefined) return stream.raw;
    if (filter instanceof Name && filter.name === 'FlateDecode') {
      try {
        return inflateSync(stream.raw, { maxOutputLength: MAX_INFLATED });
      } catch {
        throw new UnreadablePdf('a compressed stream cannot be inflated');
      }
    }
    return undefined;
  }

  catalog(): PdfDict {
    const catalog = this.dict(this.trailer.get('Root'));
    if (!catalog) throw new UnreadablePdf('the file has no catalog');
    return catalog;
  }

  info(): PdfDict | undefined {
    return this.dict(this.trailer.get('Info'));
  }

  /** The pages in order, from the page tree. */
  pages(): PdfDict[] {
    const pages: PdfDict[] = [];
    const seen = new Set<number>();
    const visit = (node: PdfDict | undefined, depth: number): void => {
      if (!node || depth > 16 || pages.length > 10_000) return;
      const type = node.get('Type');
      if (type instanceof Name && type.name === 'Page') {
        pages.push(node);
        return;
      }
      const kids = this.resolve(node.get('Kids'));
      if (!Array.isArray(kids)) return;
      for (const kid of kids) {
        if (kid instanceof Ref && seen.has(kid.id)) continue;
        if (kid instanceof Ref) seen.add(kid.id);
        visit(this.dict(kid), depth + 1);
      }
    };
    visit(this.dict(this.catalog().get('Pages')), 0);
    return pages;
  }

  /** An embedded file by name, from the catalog's associated files (/AF). */
  embeddedFile(name: string): { bytes: Uint8Array; relationship: string | undefined } | undefined {
    const files = this.resolve(this.catalog().get('AF'));
    if (!Array.isArray(files)) return undefined;
    for (const entry of files) {
      const spec = this.dict(entry);
      if (!spec || (textOf(this.resolve(spec.get('UF'))) ?? textOf(this.resolve(spec.get('F')))) !== name)
        continue;
      const bytes = this.decoded(this.dict(spec.get('EF'))?.get('F'));
      const relationship = this.resolve(spec.get('AFRelationship'));
      if (bytes) return { bytes, relationship: relationship instanceof Name ? relationship.name : undefined };
    }
    return undefined;
  }
}
