// PNG and JPEG files built byte by byte: sound ones, and the crafted ones that once froze or crashed
// the service (issue 11). Each is small; none needs a file on disk.
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value >>> 0);
  return bytes;
}

/** A PNG chunk; `length` overrides the length field (the crafted cases lie about it). */
export function pngChunk(type: string, body: Uint8Array = new Uint8Array(), length = body.length): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), body]);
  return Buffer.concat([u32(length), typed, u32(crc32(typed))]);
}

export function ihdr(width: number, height: number, depth = 8, colourType = 6, interlace = 0): Buffer {
  return pngChunk(
    'IHDR',
    Buffer.concat([u32(width), u32(height), Buffer.from([depth, colourType, 0, 0, interlace])]),
  );
}

export function png(...chunks: Buffer[]): Buffer {
  return Buffer.concat([SIGNATURE, ...chunks]);
}

/** A sound RGBA PNG of the given size (every pixel the same colour). */
export function rgbaPng(width: number, height: number): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 4, 0x80)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return png(ihdr(width, height), pngChunk('IDAT', deflateSync(pixels)), pngChunk('IEND'));
}

/** The crafted PNGs of issue 11 and their kin: every one must be refused, quickly. */
export const CRAFTED_PNGS: Record<string, Buffer> = {
  // 57 bytes: a chunk length of 0xFFFFFFF4 once sent pdfkit's PNG reader backwards for ever.
  'chunk length 0xFFFFFFF4': png(
    ihdr(1, 1),
    pngChunk('zzZz', new Uint8Array(), 0xfffffff4),
    pngChunk('IEND'),
  ),
  'IDAT length 0x7FFFFFFF': png(ihdr(1, 1), pngChunk('IDAT', Buffer.alloc(1), 0x7fffffff)),
  'corrupt IDAT with alpha': png(
    ihdr(4, 4),
    pngChunk('IDAT', Buffer.from('not zlib at all')),
    pngChunk('IEND'),
  ),
  'IDAT that inflates short': png(
    ihdr(4, 4),
    pngChunk('IDAT', deflateSync(Buffer.alloc(5))),
    pngChunk('IEND'),
  ),
  'invalid scanline filter': png(
    ihdr(1, 1),
    pngChunk('IDAT', deflateSync(Buffer.from([9, 1, 2, 3, 4]))),
    pngChunk('IEND'),
  ),
  '0×0 image': png(ihdr(0, 0), pngChunk('IDAT', deflateSync(Buffer.alloc(0))), pngChunk('IEND')),
  '60000×60000 header': png(
    ihdr(60000, 60000),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1))),
    pngChunk('IEND'),
  ),
  // An 11000×11000 bomb: a few KB of zeros that inflate to 484 MB.
  '11000×11000 bomb': png(
    ihdr(11000, 11000),
    pngChunk('IDAT', deflateSync(Buffer.alloc(1 + 11000 * 4), { level: 9 })),
    pngChunk('IEND'),
  ),
  'no IEND': png(ihdr(1, 1), pngChunk('IDAT', deflateSync(Buffer.alloc(5)))),
  'palette image without palette': png(
    ihdr(1, 1, 8, 3),
    pngChunk('IDAT', deflateSync(Buffer.alloc(2))),
    pngChunk('IEND'),
  ),
  '2-bit interlaced grey': png(
    ihdr(3, 3, 2, 0, 1),
    pngChunk('IDAT', deflateSync(Buffer.alloc(64))),
    pngChunk('IEND'),
  ),
  '4-pixel-wide interlaced': png(
    ihdr(4, 4, 8, 6, 1),
    pngChunk('IDAT', deflateSync(Buffer.alloc(80))),
    pngChunk('IEND'),
  ),
  'header only': png(ihdr(1, 1)),
  'signature only': SIGNATURE,
};

function segment(marker: number, body: Uint8Array, length = body.length + 2): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(length, 2);
  return Buffer.concat([head, body]);
}

function frame(width: number, height: number, precision = 8, components = 3): Buffer {
  const body = Buffer.alloc(6 + components * 3);
  body.writeUInt8(precision, 0);
  body.writeUInt16BE(height, 1);
  body.writeUInt16BE(width, 3);
  body.writeUInt8(components, 5);
  return segment(0xc0, body);
}

const SOI = Buffer.from([0xff, 0xd8]);
const SCAN = Buffer.concat([segment(0xda, Buffer.alloc(10)), Buffer.from([0x12, 0x34, 0xff, 0xd9])]);

/** A JPEG whose structure is sound (its entropy-coded data is not a real picture). */
export function jpeg(width: number, height: number): Buffer {
  return Buffer.concat([SOI, segment(0xe0, Buffer.from('JFIF\0')), frame(width, height), SCAN]);
}

export const CRAFTED_JPEGS: Record<string, Buffer> = {
  'segment length 0': Buffer.concat([SOI, segment(0xe0, Buffer.alloc(0), 0), frame(10, 10), SCAN]),
  'segment length past the end': Buffer.concat([SOI, segment(0xe1, Buffer.alloc(4), 0xfff0)]),
  'no frame header': Buffer.concat([SOI, segment(0xe0, Buffer.from('JFIF\0')), SCAN]),
  'frame 0×0': Buffer.concat([SOI, frame(0, 0), SCAN]),
  'frame 65535×65535': Buffer.concat([SOI, frame(65535, 65535), SCAN]),
  '12-bit samples': Buffer.concat([SOI, frame(10, 10, 12), SCAN]),
  '2 components': Buffer.concat([SOI, frame(10, 10, 8, 2), SCAN]),
  'no scan': Buffer.concat([SOI, frame(10, 10)]),
  'SOI only': SOI,
};
