// A bounded reader for the PNG and JPEG images a letter embeds. It never loops on a length field, never
// allocates more than IMAGE_LIMITS allow, and inflates a PNG's pixels (bounded) so that pdfkit, which
// decodes some PNGs later in a zlib callback where a throw kills the thread, only ever sees images
// that decode. PNG 1.2: https://png-mng.sourceforge.net/pub/png/spec/1.2/PNG-Chunks.html ; JPEG: ITU-T T.81
// Annex B, https://www.w3.org/Graphics/JPEG/itu-t81.pdf
import { inflateSync } from 'node:zlib';

/** Hard limits on an embedded image (README "Limits"). */
export const IMAGE_LIMITS = {
  /** Bytes of the PNG or JPEG file itself. */
  bytes: 512 * 1024,
  /** Pixels on either side. */
  side: 4000,
  /** Width × height × bytes per pixel, once decoded. */
  decodedBytes: 16 * 1024 * 1024,
} as const;

export interface ImageFacts {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
}

/** What is wrong with an image, in words fit for `path: message` (no image content). */
export type ImageVerdict = { ok: true; facts: ImageFacts } | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Checks that bytes are a PNG or JPEG within IMAGE_LIMITS whose structure (and, for PNG, pixel data)
 * is sound. Time and memory are bounded by the limits whatever the bytes say.
 * @example
 * const verdict = inspectImage(bytes); // { ok: true, facts: { format: 'png', width: 600, height: 200 } }
 */
export function inspectImage(bytes: Uint8Array): ImageVerdict {
  if (bytes.length > IMAGE_LIMITS.bytes)
    return refuse(`is larger than ${IMAGE_LIMITS.bytes / 1024} KB; use a smaller image`);
  if (PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return inspectPng(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return inspectJpeg(bytes);
  return refuse('is neither a PNG nor a JPEG image');
}

function refuse(reason: string): ImageVerdict {
  return { ok: false, reason };
}

class Truncated extends Error {}

/** Reads big-endian integers and never past the end (a read past it throws Truncated). */
class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  get left(): number {
    return this.bytes.length - this.pos;
  }

  u8(): number {
    if (this.left < 1) throw new Truncated();
    return this.bytes[this.pos++] ?? 0;
  }

  u16(): number {
    return this.u8() * 0x100 + this.u8();
  }

  u32(): number {
    return this.u16() * 0x10000 + this.u16();
  }

  take(length: number): Uint8Array {
    if (length > this.left) throw new Truncated();
    const slice = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }
}

function checkSize(format: ImageFacts['format'], width: number, height: number, bytesPerPixel: number) {
  if (width === 0 || height === 0) return refuse('has no pixels (its width or height is 0)');
  if (width > IMAGE_LIMITS.side || height > IMAGE_LIMITS.side) {
    return refuse(`is ${width}×${height} pixels; at most ${IMAGE_LIMITS.side} pixels on a side are accepted`);
  }
  if (width * height * bytesPerPixel > IMAGE_LIMITS.decodedBytes) {
    return refuse(
      `is ${width}×${height} pixels, over ${IMAGE_LIMITS.decodedBytes / 1024 / 1024} MB once decoded; use a smaller image`,
    );
  }
  return { ok: true, facts: { format, width, height } } satisfies ImageVerdict;
}

// Allowed bit depths per colour type, and samples per pixel (PNG 1.2, IHDR).
const PNG_COLOUR_TYPES: Record<number, { depths: readonly number[]; samples: number }> = {
  0: { depths: [1, 2, 4, 8, 16], samples: 1 },
  2: { depths: [8, 16], samples: 3 },
  3: { depths: [1, 2, 4, 8], samples: 1 },
  4: { depths: [8, 16], samples: 2 },
  6: { depths: [8, 16], samples: 4 },
};

interface PngHeader {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  interlaced: boolean;
}

const CORRUPT_PNG = 'is a damaged PNG file; export it again';

function inspectPng(bytes: Uint8Array): ImageVerdict {
  const reader = new Reader(bytes, PNG_SIGNATURE.length);
  let header: PngHeader | undefined;
  let size: ImageVerdict = refuse(CORRUPT_PNG);
  let paletteEntries = 0;
  let transparent = false;
  const data: Uint8Array[] = [];
  try {
    for (;;) {
      const length = reader.u32();
      const type = String.fromCharCode(...reader.take(4));
      if (length > reader.left) return refuse(CORRUPT_PNG);
      const body = reader.take(length);
      reader.take(4); // CRC: pdfkit ignores it, so does this reader.
      if (header === undefined) {
        if (type !== 'IHDR' || length !== 13) return refuse(CORRUPT_PNG);
        const parsed = readPngHeader(body);
        if (typeof parsed === 'string') return refuse(parsed);
        header = parsed;
        size = checkSize('png', header.width, header.height, bytesPerPixel(header));
        if (!size.ok) return size;
      } else if (type === 'IHDR') {
        return refuse(CORRUPT_PNG);
      } else if (type === 'PLTE') {
        if (length === 0 || length % 3 !== 0 || length > 256 * 3) return refuse(CORRUPT_PNG);
        paletteEntries = length / 3;
      } else if (type === 'tRNS') {
        if (!isTransparencySound(header.colourType, length, paletteEntries)) return refuse(CORRUPT_PNG);
        transparent = true;
      } else if (type === 'IDAT') {
        data.push(body);
      } else if (type === 'IEND') {
        break;
      }
    }
  } catch (error) {
    if (error instanceof Truncated) return refuse(CORRUPT_PNG);
    throw error;
  }
  if (data.length === 0) return refuse(CORRUPT_PNG);
  if (header.colourType === 3 && paletteEntries === 0) return refuse(CORRUPT_PNG);
  // pdfkit decodes the pixels itself for an alpha channel, indexed transparency or interlacing, and
  // its decoder only handles whole bytes per sample.
  const decodedByPdfkit =
    header.colourType >= 4 || (header.colourType === 3 && transparent) || header.interlaced;
  if (decodedByPdfkit && header.depth < 8) {
    return refuse('is a transparent or interlaced PNG of fewer than 8 bits per sample; save it as 8-bit');
  }
  // pdfkit's decoder reads a filter byte for an empty pass (PNG 1.2 has none): it would misread the rest.
  if (header.interlaced && header.width < 5) {
    return refuse('is an interlaced PNG narrower than 5 pixels; save it without interlacing');
  }
  return verifyPixels(header, Buffer.concat(data)) ? size : refuse(CORRUPT_PNG);
}

/** tRNS: one grey or RGB sample of 2 bytes each, or at most one alpha per palette entry (PNG 1.2, tRNS). */
function isTransparencySound(colourType: number, length: number, paletteEntries: number): boolean {
  if (colourType === 0) return length === 2;
  if (colourType === 2) return length === 6;
  if (colourType === 3) return paletteEntries > 0 && length >= 1 && length <= paletteEntries;
  return false;
}

function readPngHeader(body: Uint8Array): PngHeader | string {
  const reader = new Reader(body);
  const width = reader.u32();
  const height = reader.u32();
  const depth = reader.u8();
  const colourType = reader.u8();
  const compression = reader.u8();
  const filter = reader.u8();
  const interlace = reader.u8();
  const allowed = PNG_COLOUR_TYPES[colourType];
  if (allowed === undefined || !allowed.depths.includes(depth) || compression !== 0 || filter !== 0)
    return CORRUPT_PNG;
  if (interlace > 1) return CORRUPT_PNG;
  return { width, height, depth, colourType, interlaced: interlace === 1 };
}

function bitsPerPixel({ depth, colourType }: PngHeader): number {
  return depth * (PNG_COLOUR_TYPES[colourType]?.samples ?? 1);
}

function bytesPerPixel(header: PngHeader): number {
  return Math.max(1, bitsPerPixel(header) / 8);
}

// Adam7 passes: x0, y0, dx, dy (PNG 1.2, "Interlaced data order").
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** The scanlines of each pass: how many, and bytes per line without the filter byte. */
function listScanlines(header: PngHeader): { rows: number; bytes: number }[] {
  const passes = header.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  return passes
    .map(([x0, y0, dx, dy]) => {
      const columns = Math.ceil((header.width - x0) / dx);
      const rows = Math.ceil((header.height - y0) / dy);
      return { rows: columns > 0 ? rows : 0, bytes: Math.ceil((columns * bitsPerPixel(header)) / 8) };
    })
    .filter(({ rows, bytes }) => rows > 0 && bytes > 0);
}

/** Inflates the image data (never more than it should hold) and checks every scanline's filter. */
function verifyPixels(header: PngHeader, compressed: Buffer): boolean {
  const scanlines = listScanlines(header);
  const expected = scanlines.reduce((sum, { rows, bytes }) => sum + rows * (1 + bytes), 0);
  let pixels: Buffer;
  try {
    pixels = inflateSync(compressed, { maxOutputLength: expected + 1 });
  } catch {
    return false;
  }
  if (pixels.length !== expected) return false;
  let pos = 0;
  for (const { rows, bytes } of scanlines) {
    for (let row = 0; row < rows; row++) {
      if ((pixels[pos] ?? 5) > 4) return false;
      pos += 1 + bytes;
    }
  }
  return true;
}

// Start-of-frame markers pdfkit reads dimensions from (T.81 Table B.1): every SOFn but DHT, JPG, DAC.
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);
const JPEG_COMPONENTS = new Set([1, 3, 4]);
const CORRUPT_JPEG = 'is a damaged JPEG file; export it again';

/**
 * Walks the JPEG's marker segments up to its first scan. pdfkit embeds a JPEG as it is (the PDF
 * viewer decodes it), so the frame header and segment structure are what must be sound.
 */
function inspectJpeg(bytes: Uint8Array): ImageVerdict {
  const reader = new Reader(bytes, 2);
  let frame: { width: number; height: number; components: number } | undefined;
  try {
    for (;;) {
      if (reader.u8() !== 0xff) return refuse(CORRUPT_JPEG);
      // Fill bytes (T.81 B.1.1.2) are refused: pdfkit's own scan would read them as a marker.
      const marker = reader.u8();
      if (
        marker === 0xff ||
        marker === 0xd8 ||
        marker === 0xd9 ||
        marker === 0x01 ||
        (marker >= 0xd0 && marker <= 0xd7)
      )
        return refuse(CORRUPT_JPEG);
      const length = reader.u16();
      if (length < 2) return refuse(CORRUPT_JPEG);
      const segment = new Reader(reader.take(length - 2));
      // pdfkit takes JPG and DAC (0xC8, 0xCC) for frame headers too: one before the frame would mislead it.
      if ((marker === 0xc8 || marker === 0xcc) && frame === undefined) return refuse(CORRUPT_JPEG);
      if (SOF_MARKERS.has(marker)) {
        if (frame !== undefined) return refuse(CORRUPT_JPEG);
        const precision = segment.u8();
        const height = segment.u16();
        const width = segment.u16();
        const components = segment.u8();
        if (precision !== 8) return refuse('is a JPEG of more than 8 bits per sample; save it as 8-bit');
        if (!JPEG_COMPONENTS.has(components)) return refuse(CORRUPT_JPEG);
        segment.take(components * 3);
        frame = { width, height, components };
      } else if (marker === 0xda) {
        if (frame === undefined || reader.left === 0) return refuse(CORRUPT_JPEG);
        return checkSize('jpeg', frame.width, frame.height, frame.components);
      }
    }
  } catch (error) {
    if (error instanceof Truncated) return refuse(CORRUPT_JPEG);
    throw error;
  }
}
