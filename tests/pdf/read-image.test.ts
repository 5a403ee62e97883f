import { describe, expect, it } from 'vitest';
import { isReadableImage } from '../../src/pdf/read-image.js';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('isReadableImage', () => {
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
