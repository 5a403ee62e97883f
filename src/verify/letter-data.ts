// The letter's data as every letter embeds it (lmnkit-letter.json): the validated, normalised input the
// letter was written from, images replaced by their SHA-256, with the lmnkit version and the input schema.
// It is exactly the input, not a second rendering of the letter: a field the letter does not print is here
// too (README "Trust: what a receiver can check").
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The version of this envelope's layout; a reader refuses one it does not know. */
export const LETTER_DATA_FORMAT = 'lmnkit-letter/1';

export const LMNKIT_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface ImageReference {
  sha256: string;
  bytes: number;
}

export interface LetterData {
  format: typeof LETTER_DATA_FORMAT;
  /** The lmnkit that wrote the letter. */
  lmnkit: string;
  kind: string;
  /** The input's JSON Schema (draft 2020-12), by the SHA-256 of what `lmnkit schema <kind>` prints. */
  schema: { dialect: string; sha256: string };
  /** The images left out of `input`, by the path they were given at. */
  images: Record<string, ImageReference>;
  input: Record<string, unknown>;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

const schemaHashes = new Map<string, string>();

function schemaHash(kind: string, schema: () => Record<string, unknown>): string {
  let hash = schemaHashes.get(kind);
  if (hash === undefined) {
    hash = sha256(`${JSON.stringify(schema(), null, 2)}\n`);
    schemaHashes.set(kind, hash);
  }
  return hash;
}

function removeAt(value: Record<string, unknown>, path: string): unknown {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let holder: unknown = value;
  for (const key of keys) holder = (holder as Record<string, unknown> | undefined)?.[key];
  if (holder === null || typeof holder !== 'object') return undefined;
  const record = holder as Record<string, unknown>;
  const removed = record[last];
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the image fields are known paths
  delete record[last];
  return removed;
}

/**
 * The envelope of a letter's data. `imagePaths` are the input's image fields; `decode` turns one into its
 * bytes; `schema` gives the kind's JSON Schema (hashed once per kind).
 */
export function letterData(
  kind: string,
  data: unknown,
  imagePaths: readonly string[],
  decode: (value: string) => Uint8Array | undefined,
  schema: () => Record<string, unknown>,
): LetterData {
  const input = structuredClone(data) as Record<string, unknown>;
  const images: Record<string, ImageReference> = {};
  for (const path of imagePaths) {
    const value = removeAt(input, path);
    const bytes = typeof value === 'string' ? decode(value) : undefined;
    if (bytes) images[path] = { sha256: sha256(bytes), bytes: bytes.length };
  }
  return {
    format: LETTER_DATA_FORMAT,
    lmnkit: LMNKIT_VERSION,
    kind,
    schema: { dialect: 'https://json-schema.org/draft/2020-12/schema', sha256: schemaHash(kind, schema) },
    images,
    input,
  };
}

export function encodeLetterData(data: LetterData): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(data, null, 2)}\n`);
}
