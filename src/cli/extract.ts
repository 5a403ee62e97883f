// `lmnkit extract letter.pdf`: prints the letter data a lmnkit letter carries (lmnkit-letter.json).
import { readFile } from 'node:fs/promises';
import { extractLetterData } from '../index.js';

/** Letters are small; a larger file is not one (and is not read whole into memory). */
export const MAX_LETTER_BYTES = 20 * 1024 * 1024;

export class PdfInputError extends Error {}

/** Reads a PDF named on the command line, refusing what cannot be a letter; errors name the file only. */
export async function readLetterFile(path: string | undefined): Promise<Uint8Array> {
  if (path === undefined) throw new PdfInputError('missing <letter.pdf>');
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new PdfInputError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (bytes.length > MAX_LETTER_BYTES) throw new PdfInputError(`${path} is larger than any letter (20 MB)`);
  return new Uint8Array(bytes);
}

export async function extract(path: string | undefined, out: NodeJS.WritableStream): Promise<void> {
  const data = extractLetterData(await readLetterFile(path));
  out.write(`${JSON.stringify(data, null, 2)}\n`);
}
