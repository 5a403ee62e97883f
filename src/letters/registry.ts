import { UnknownKindError } from '../errors.js';
import type { LetterKind } from './kind.js';
import { appeal } from './appeal/index.js';
import { lmn } from './lmn/index.js';
import { prescription } from './prescription/index.js';
import { priorAuth } from './prior-auth/index.js';

const KINDS: readonly LetterKind[] = [lmn, prescription, priorAuth, appeal];

export function listKinds(): readonly LetterKind[] {
  return KINDS;
}

export function findKind(name: string): LetterKind {
  const kind = KINDS.find((candidate) => candidate.name === name);
  if (!kind)
    throw new UnknownKindError(
      name,
      KINDS.map((known) => known.name),
    );
  return kind;
}
