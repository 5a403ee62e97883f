// ICD-10-CM Excludes1 notes: two conditions that cannot occur together, so a diagnosis list
// should not report both (Official Guidelines, section I.A.12.a). The notes are data, copied
// from the FY2027 tabular (src/codes/data/README.md); a note applies to the code, block or
// chapter it is written under and to every code below it. Patterns are written as in the
// tabular: `M54.5-` and `M54.9` cover those codes and all below them, `M16-M19` a range.
import { EXCLUDES1_NOTES_FY2027 } from './data/excludes1-fy2027.js';
import { isIcdCodeFormat, isInjuryCode, toDisplay, toDotless } from './icd10cm.js';

/** One row of the data: [owner, note text, referenced codes separated by `;`]. */
export type Excludes1NoteRow = readonly [owner: string, text: string, references: string];

/** One Excludes1 note as the check reads it. */
export interface Excludes1Note {
  /** Where the note is written: a code (`M54.5`), a block (`M50-M54`) or a chapter range. */
  at: string;
  /** The note as printed in the tabular list. */
  text: string;
  /** Code patterns that must not be reported with a code under `at`. */
  excludes: readonly string[];
  /** Only codes under `at` that also match one of these are concerned (a region of a block). */
  onlyFor?: readonly string[];
  /** Only an injury code whose 7th character marks a subsequent encounter (D, G, K, P …) is excluded. */
  subsequentEncounterOnly?: boolean;
}

/** One pair of codes in a list that should not appear together. */
export interface Excludes1Conflict {
  /** The code that comes first in the list, in display form. */
  first: string;
  second: string;
  /** Where the note that excludes the pair is written, e.g. `M54.5`. */
  at: string;
  /** The note's text, e.g. `low back strain (S39.012)`. */
  note: string;
}

interface ProseReading {
  at: string;
  text: string;
  readings: readonly Omit<Excludes1Note, 'at' | 'text'>[];
}

const NERVE_INJURIES = [
  'S04',
  'S14.2-S14.9',
  'S24.2-S24.9',
  'S34.2-S34.9',
  'S44',
  'S54',
  'S64',
  'S74',
  'S84',
  'S94',
];
const FRACTURES = [
  'S02',
  'S12',
  'S22',
  'S32',
  'S42',
  'S52',
  'S62',
  'S72',
  'S82',
  'S92',
  'M80',
  'M84.3-M84.6',
];
const INJURIES = ['S00-T34', 'T79'];

// Notes whose reference is prose ("see injury of spine by body region"), read into code patterns
// by us. The spine block is read by region: a dorsopathy of one region may go with an injury of
// another. Prose notes not listed here are not checked.
const PROSE_READINGS: readonly ProseReading[] = [
  {
    at: 'M50-M54',
    text: 'current injury - see injury of spine by body region',
    readings: [
      {
        onlyFor: [
          'M50',
          'M53.0-M53.1',
          'M53.2X1-M53.2X3',
          'M53.81-M53.83',
          'M54.01-M54.03',
          'M54.11-M54.13',
          'M54.2',
        ],
        excludes: ['S12.0-S12.6', 'S12.9', 'S13.0-S13.2', 'S13.4', 'S14.1-S14.2', 'S16.1'],
      },
      {
        onlyFor: [
          'M51.04-M51.05',
          'M51.14-M51.15',
          'M51.24-M51.25',
          'M51.34-M51.35',
          'M51.44-M51.45',
          'M51.84-M51.85',
          'M53.2X4-M53.2X5',
          'M53.84-M53.85',
          'M54.04-M54.05',
          'M54.14-M54.15',
          'M54.6',
        ],
        excludes: ['S22.0', 'S23.0-S23.1', 'S23.3', 'S24.1-S24.2', 'S29.012'],
      },
      {
        onlyFor: [
          'M51.06-M51.07',
          'M51.16-M51.17',
          'M51.26-M51.27',
          'M51.36-M51.37',
          'M51.46-M51.47',
          'M51.86-M51.87',
          'M51.A',
          'M53.2X6-M53.2X8',
          'M53.3',
          'M53.86-M53.88',
          'M54.06-M54.08',
          'M54.16-M54.18',
          'M54.3-M54.5',
        ],
        excludes: ['S32.0-S32.1', 'S33.0-S33.1', 'S33.5-S33.6', 'S34.1-S34.2', 'S39.012'],
      },
    ],
  },
  {
    at: 'G50-G59',
    text: 'current traumatic nerve, nerve root and plexus disorders - see Injury, nerve by body region',
    readings: [{ excludes: NERVE_INJURIES }],
  },
  {
    at: 'G55',
    text: 'nerve root compression (due to) (in) intervertebral disc disorders (M50.1.-, M51.1.-)',
    readings: [{ excludes: ['M50.1', 'M51.1'] }],
  },
  {
    at: 'Z47',
    text: 'aftercare for healing fracture-code to fracture with 7th character D',
    readings: [{ excludes: FRACTURES, subsequentEncounterOnly: true }],
  },
  {
    at: 'Z48',
    text: 'encounter for aftercare following injury - code to Injury, by site, with appropriate 7th character for subsequent encounter',
    readings: [{ excludes: INJURIES, subsequentEncounterOnly: true }],
  },
];

/** Every note the check reads: the data's, with prose references read as in PROSE_READINGS. */
export const EXCLUDES1_NOTES: readonly Excludes1Note[] = EXCLUDES1_NOTES_FY2027.flatMap(
  ([at, text, references]): Excludes1Note[] => {
    const prose = PROSE_READINGS.find((reading) => reading.at === at && reading.text === text);
    if (prose) return prose.readings.map((reading) => ({ at, text, ...reading }));
    const excludes = references
      .split(';')
      .map((reference) => reference.trim())
      .filter((reference) => reference !== '');
    return excludes.length === 0 ? [] : [{ at, text, excludes }];
  },
);

/** The prose notes the check reads, so a data update that rewords one is caught by a test. */
export const EXCLUDES1_PROSE_NOTES: readonly (readonly [at: string, text: string])[] = PROSE_READINGS.map(
  (reading) => [reading.at, reading.text],
);

/** A pattern as a range of dotless codes: a code matches when it sorts from `from` up to the end of `to`. */
interface CodeRange {
  from: string;
  to: string;
}

interface CompiledNote {
  at: string;
  text: string;
  owner: readonly CodeRange[];
  excludes: readonly CodeRange[];
  subsequentEncounterOnly: boolean;
}

const RANGE = /^([A-Z][0-9A-Z.]*)-{1,2}([A-Z][0-9A-Z.]*)-?$/;
const SINGLE = /^([A-Z][0-9A-Z.]*)-?$/;
// 7th characters of a subsequent encounter: D for injuries, D–R (without S) for fractures.
const SUBSEQUENT_ENCOUNTER = /^[DEFGHJKMNPQR]$/;

interface NoteIndex {
  /** Notes written under one category, by that category (`M54`). */
  byCategory: ReadonlyMap<string, readonly CompiledNote[]>;
  /** Notes whose owner spans categories: blocks, chapters, regions of a block. */
  spanning: readonly CompiledNote[];
}

let index: NoteIndex | undefined;

/**
 * Pairs of codes in a diagnosis list that an Excludes1 note says not to report together, each
 * once, in list order. A sequela (an injury code with 7th character S) never conflicts with a
 * condition that is not an injury: the guidelines (I.B.10, I.C.19.a) require the residual
 * condition to be reported with it. Malformed and repeated codes are ignored.
 * @example
 * findExcludes1Conflicts(['M54.50', 'S39.012A']);
 * // [{ first: 'M54.50', second: 'S39.012A', at: 'M54.5', note: 'low back strain (S39.012)' }]
 */
export function findExcludes1Conflicts(codes: readonly string[]): Excludes1Conflict[] {
  const notes = (index ??= indexNotes(EXCLUDES1_NOTES.map(compileNote)));
  const list = [...new Set(codes.map(toDotless))].filter((code) => isIcdCodeFormat(toDisplay(code)));
  const notesOn = new Map(list.map((code) => [code, notesOnCode(notes, code)]));
  const conflicts: Excludes1Conflict[] = [];
  list.forEach((first, position) => {
    for (const second of list.slice(position + 1)) {
      if (isSequelaWithResidual(first, second)) continue;
      // The most specific note wins; a note on the first code before one on the second.
      const note =
        notesOn.get(first)?.find((candidate) => excludesCode(candidate, second)) ??
        notesOn.get(second)?.find((candidate) => excludesCode(candidate, first));
      if (note)
        conflicts.push({ first: toDisplay(first), second: toDisplay(second), at: note.at, note: note.text });
    }
  });
  return conflicts;
}

/** Whether an injury code is a sequela: chapter 19, seven characters, the last S. */
export function isSequela(code: string): boolean {
  const dotless = toDotless(code);
  return isInjuryCode(dotless) && dotless.length === 7 && dotless.endsWith('S');
}

function isSequelaWithResidual(code: string, other: string): boolean {
  return (isSequela(code) && !isInjuryCode(other)) || (isSequela(other) && !isInjuryCode(code));
}

function indexNotes(notes: readonly CompiledNote[]): NoteIndex {
  const byCategory = new Map<string, CompiledNote[]>();
  const spanning: CompiledNote[] = [];
  for (const note of notes) {
    const categories = new Set(note.owner.flatMap((range) => [range.from.slice(0, 3), range.to.slice(0, 3)]));
    const [category] = categories;
    if (categories.size === 1 && category !== undefined) {
      byCategory.set(category, [...(byCategory.get(category) ?? []), note]);
    } else spanning.push(note);
  }
  return { byCategory, spanning };
}

/** The notes written over a code, the most specific first. */
function notesOnCode(index: NoteIndex, code: string): CompiledNote[] {
  return [...(index.byCategory.get(code.slice(0, 3)) ?? []), ...index.spanning]
    .filter((note) => inAny(code, note.owner))
    .sort((a, b) => specificity(b) - specificity(a));
}

function excludesCode(note: CompiledNote, other: string): boolean {
  return (
    inAny(other, note.excludes) &&
    (!note.subsequentEncounterOnly || (other.length === 7 && SUBSEQUENT_ENCOUNTER.test(other.slice(6))))
  );
}

/** A note on a code before one on a block or chapter; a longer code before a shorter one. */
function specificity(note: CompiledNote): number {
  const [owner] = note.owner;
  return owner !== undefined && owner.from === owner.to && !note.at.includes('-') ? owner.from.length : 0;
}

function inAny(code: string, ranges: readonly CodeRange[]): boolean {
  return ranges.some((range) => code >= range.from && code.slice(0, range.to.length) <= range.to);
}

function compileNote(note: Excludes1Note): CompiledNote {
  const owner = parsePattern(note.at);
  return {
    at: note.at,
    text: note.text,
    // A region of a block: the owner's range narrowed to the listed patterns.
    owner: note.onlyFor === undefined ? [owner] : note.onlyFor.map(parsePattern),
    excludes: note.excludes.map(parsePattern),
    subsequentEncounterOnly: note.subsequentEncounterOnly ?? false,
  };
}

/** `M54.5-` → M545…M545; `M16-M19` → M16…M19; `M54.3-M54.4` → M543…M544 (dotless). */
function parsePattern(pattern: string): CodeRange {
  const range = RANGE.exec(pattern);
  const from = range?.[1] ?? SINGLE.exec(pattern)?.[1];
  if (from === undefined) throw new RangeError(`not an ICD-10-CM code pattern: ${pattern}`);
  return { from: toDotless(from), to: toDotless(range?.[2] ?? from) };
}
