// The fields a letter accepts but deliberately does not print, each with its reason. Every other
// field reaches the letter (tests/letters/field-coverage.test.ts checks each leaf of each example
// and of a maximal input per kind). `*` stands for any list position.
import type { LetterReader } from './content-rules.js';

export interface NotPrinted {
  path: string;
  /** The letters that leave it out; all of them when not given. */
  readers?: readonly LetterReader[];
  reason: string;
}

const ALL_BUT_HSA_FSA: readonly LetterReader[] = ['insurance-lmn', 'prescription', 'prior-auth', 'appeal'];

export const NOT_PRINTED: readonly NotPrinted[] = [
  {
    path: 'patient.phone',
    reason:
      'the reviewer answers the provider, not the patient; the number would add personal data to no purpose',
  },
  {
    path: 'patient.address.*',
    reason:
      'the patient is identified by name, date of birth and member ID; the home address adds personal data the reader does not use',
  },
  {
    path: 'patient.accountHolder.*',
    readers: ALL_BUT_HSA_FSA,
    reason: 'only an HSA/FSA letter says whose account pays',
  },
  {
    path: 'coverage.employerPlan',
    readers: ['insurance-lmn', 'prescription', 'appeal'],
    reason:
      'it only decides whether a prior-authorization request cites the ERISA claims rule; these letters cite no claims rule',
  },
  {
    path: 'coverage.participantId',
    readers: ['hsa-fsa-lmn'],
    reason: 'only its last 4 digits are printed, as administrators ask; the full ID would expose the account',
  },
];

/** `clinical.symptoms.0.severity` → `clinical.symptoms.*.severity`. */
function patternOf(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, '.*');
}

/** Why a field is not printed in this letter, or undefined when it is printed. */
export function notPrintedReason(path: string, reader: LetterReader): string | undefined {
  const pattern = patternOf(path);
  return NOT_PRINTED.find(
    (entry) =>
      (entry.readers === undefined || entry.readers.includes(reader)) &&
      (entry.path === pattern || (entry.path.endsWith('.*') && pattern.startsWith(entry.path.slice(0, -1)))),
  )?.reason;
}
