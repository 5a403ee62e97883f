import { describe, expect, it } from 'vitest';
import { IMAGE_LIMITS, inspectImage } from '../../src/pdf/inspect-image.js';
import { findImageProblem } from '../../src/pdf/read-image.js';
import {
  CRAFTED_JPEGS,
  CRAFTED_PNGS,
  ihdr,
  jpeg,
  png,
  pngChunk,
  rgbaPng,
} from '../support/crafted-images.js';
import { deflateSync } from 'node:zlib';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const isReadableImage = (bytes: Uint8Array) => findImageProblem(bytes) === undefined;

describe('findImageProblem', () => {
  it('accepts a PNG pdfkit can embed, every time it is asked', () => {
    expect(isReadableImage(PNG)).toBe(true);
    expect(isReadableImage(new Uint8Array(PNG))).toBe(true);
  });

  it('refuses bytes with a PNG header that pdfkit cannot read, also once the valid image is known', () => {
    const broken = Buffer.concat([PNG.subarray(0, 16), Buffer.alloc(8)]);
    expect(isReadableImage(PNG)).toBe(true);
    expect(isReadableImage(broken)).toBe(false);
    expect(isReadableImage(broken)).toBe(false);
    expect(isReadableImage(PNG)).toBe(true);
  });
});

describe('inspectImage', () => {
  it('accepts sound PNGs and JPEGs and reports their size', () => {
    expect(inspectImage(rgbaPng(3, 2))).toEqual({ ok: true, facts: { format: 'png', width: 3, height: 2 } });
    expect(inspectImage(jpeg(640, 480))).toEqual({
      ok: true,
      facts: { format: 'jpeg', width: 640, height: 480 },
    });
    expect(isReadableImage(jpeg(640, 480))).toBe(true);
  });

  it('accepts an interlaced 8-bit PNG and a palette PNG with transparency', () => {
    const interlaced = png(
      ihdr(5, 3, 8, 0, 1),
      // Adam7 on 5×3, scanlines of filter byte + samples: pass 1 (1 row of 1), 2 (1 of 1), 4 (1 of 1),
      // 5 (1 of 3), 6 (2 of 2), 7 (1 of 5).
      pngChunk('IDAT', deflateSync(Buffer.alloc(2 + 2 + 2 + 4 + 2 * 3 + 6))),
      pngChunk('IEND'),
    );
    expect(findImageProblem(interlaced)).toBeUndefined();
    const indexed = png(
      ihdr(2, 1, 8, 3),
      pngChunk('PLTE', Buffer.from([255, 0, 0, 0, 0, 255])),
      pngChunk('tRNS', Buffer.from([0])),
      pngChunk('IDAT', deflateSync(Buffer.from([0, 0, 1]))),
      pngChunk('IEND'),
    );
    expect(findImageProblem(indexed)).toBeUndefined();
  });

  // Issue 11: each of these froze the server, crashed a render thread, or passed check and failed the PDF.
  it.each(Object.entries({ ...CRAFTED_PNGS, ...CRAFTED_JPEGS }))(
    'refuses %s, with a reason',
    (_name, bytes) => {
      const problem = findImageProblem(bytes);
      expect(problem).toMatch(/^(is|has|could) /);
      expect(isReadableImage(bytes)).toBe(false);
    },
  );

  it('names the limit an oversized image breaks', () => {
    expect(findImageProblem(CRAFTED_PNGS['60000×60000 header']!)).toBe(
      `is 60000×60000 pixels; at most ${IMAGE_LIMITS.side} pixels on a side are accepted`,
    );
    expect(findImageProblem(rgbaPng(2100, 2100))).toMatch(/^is 2100×2100 pixels, over 16 MB once decoded/);
    expect(findImageProblem(CRAFTED_PNGS['0×0 image']!)).toBe('has no pixels (its width or height is 0)');
    expect(findImageProblem(Buffer.alloc(IMAGE_LIMITS.bytes + 1, 0xff))).toBe(
      'is larger than 512 KB; use a smaller image',
    );
  });

  it('refuses every truncation of a sound image without throwing', () => {
    for (const sound of [rgbaPng(5, 5), jpeg(8, 8)]) {
      for (let cut = 0; cut < sound.length - 1; cut++) {
        const verdict = inspectImage(sound.subarray(0, cut));
        // A JPEG cut inside its entropy-coded data is still structurally sound: pdfkit embeds it as is.
        if (cut < sound.length - 4) expect(verdict.ok, `cut at ${cut}`).toBe(false);
      }
    }
  });
});
