// Signs a letter written with an empty signature (src/pdf/signature-field.ts): the /ByteRange is set to
// everything but the /Contents hole, and the hole is filled with the CMS signature over those bytes. Both are
// written in place at their placeholders' width, so the file's offsets and its cross-reference table hold.
import { createHash } from 'node:crypto';
import { GenerationError } from '../errors.js';
import { BYTE_RANGE_PLACEHOLDER, SIGNATURE_BYTES } from '../pdf/signature-field.js';
import type { SigningCertificate } from './certificate.js';
import { signedData } from './cms.js';

const CONTENTS = '/Contents <';

export function signPdf(pdf: Uint8Array, certificate: SigningCertificate): Uint8Array {
  const bytes = Buffer.from(pdf);
  const placeholder = bytes.indexOf(BYTE_RANGE_PLACEHOLDER, 0, 'latin1');
  if (placeholder < 0 || bytes.indexOf(BYTE_RANGE_PLACEHOLDER, placeholder + 1, 'latin1') >= 0)
    throw new GenerationError('The letter has no single signature placeholder to sign.');
  const contents = bytes.indexOf(CONTENTS, placeholder, 'latin1');
  const holeStart = contents + CONTENTS.length - 1; // at '<'
  const holeEnd = holeStart + 2 * SIGNATURE_BYTES + 2; // after '>'
  if (contents < 0 || bytes[holeEnd - 1] !== 0x3e)
    throw new GenerationError('The signature placeholder is not the one lmnkit writes.');
  const range = `/ByteRange [0 ${holeStart} ${holeEnd} ${bytes.length - holeEnd}]`;
  bytes.write(range.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' '), placeholder, 'latin1');
  const digest = createHash('sha256')
    .update(bytes.subarray(0, holeStart))
    .update(bytes.subarray(holeEnd))
    .digest();
  const signature = Buffer.from(signedData(digest, certificate));
  if (signature.length > SIGNATURE_BYTES)
    throw new GenerationError('The signature does not fit: the certificate chain is too long.');
  bytes.write(signature.toString('hex').padEnd(2 * SIGNATURE_BYTES, '0'), holeStart + 1, 'latin1');
  return new Uint8Array(bytes);
}
