// A draft letter with what is missing shown as placeholders ("[provider's NPI]"), never as a fact.
// A missing text field is filled with its placeholder itself. Any other missing field (a date, a
// number, a choice, a code) is filled twice with different valid stand-in values; the letter is
// laid out from both, and every word that differs between the two (the stand-in, or anything worked
// out from it: a formatted date, a count of sessions) becomes a placeholder, as does a block that
// only one layout has. A word both layouts print alike between two such words (the day both
// stand-in dates share) goes with them; tests/letters/draft-placeholders.test.ts checks that no
// stand-in reaches the page of any kind.
import { formatLongDate, formatShortDate, isCalendarDate } from '../calendar.js';
import { ValidationError } from '../errors.js';
import type { Block, Inline, LetterDocument } from '../markup/document.js';
import { FIELD_HINTS } from './form-hints.js';
import { parseInput } from './to-issues.js';
import type { z } from 'zod';

type Json = Record<string, unknown>;

/** A missing field and the words that stand for it in the draft. */
export interface Placeholder {
  path: string;
  label: string;
}

export interface DraftInputs {
  /** The input with each missing field filled by its first stand-in value. */
  first: unknown;
  /** The same with second, different stand-in values. */
  second: unknown;
  placeholders: Placeholder[];
}

const MAX_ROUNDS = 12;

// Two valid, different values for fields whose format a placeholder text cannot meet.
const STAND_INS: Record<string, readonly [unknown, unknown]> = {
  npi: ['1558598797', '1245319599'],
  phone: ['(916) 555-0198', '(510) 555-0100'],
  fax: ['(916) 555-0199', '(510) 555-0101'],
  postalCode: ['94612', '10001'],
  idLast4: ['1111', '2222'],
  reasonCode: ['CO-50', 'CO-197'],
  'diagnoses.*.code': ['M54.50', 'M62.830'],
  'procedures.*.code': ['97124', '97140'],
  'credentials.*': ['MD', 'DC'],
};

const STATES = ['CA', 'NY', 'TX', 'WA', 'OR', 'IL', 'MA'];

const SINGULAR: Record<string, string> = {
  diagnoses: 'diagnosis',
  procedures: 'procedure',
  credentials: 'credential',
  priorTreatments: 'prior treatment',
  outcomeMeasures: 'outcome measure',
};

function words(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function isIndex(key: string): boolean {
  return /^\d+$/.test(key);
}

/** "[provider's NPI]", "[practice street address]", "[diagnosis ICD-10-CM code]". */
export function placeholderLabel(path: string): string {
  const keys = path.split('.');
  const pattern = keys.map((key) => (isIndex(key) ? '*' : key)).join('.');
  const named = keys.filter((key) => !isIndex(key));
  const leaf = named.at(-1) ?? path;
  const row = isIndex(keys.at(-1) ?? '');
  const hint = (key: string) => FIELD_HINTS[key];
  const name = row
    ? (hint(pattern.slice(0, -2))?.itemLabel ?? SINGULAR[leaf] ?? words(leaf))
    : (hint(pattern)?.label ?? hint(leaf)?.label ?? words(leaf));
  const owner = named
    .slice(0, -1)
    .filter((key) => key !== 'address')
    .at(-1);
  const lower = /^[A-Z]{2}/.test(name) ? name : name.toLowerCase();
  if (owner === undefined) return `[${lower}]`;
  const ownerWords = SINGULAR[owner] ?? words(owner);
  const possessive = owner === 'provider' || owner === 'patient' ? `${ownerWords}'s` : ownerWords;
  return `[${possessive} ${lower}]`;
}

function valueAt(data: unknown, keys: readonly string[]): unknown {
  return keys.reduce<unknown>((holder, key) => (holder as Json | undefined)?.[key], data);
}

function setAt(data: Json, keys: readonly string[], value: unknown): void {
  let holder: Json = data;
  for (const key of keys.slice(0, -1)) {
    if (holder[key] === null || typeof holder[key] !== 'object') holder[key] = {};
    holder = holder[key] as Json;
  }
  holder[keys.at(-1) ?? ''] = value;
}

/** A union's variant that the value picks by a `const` property (the first when none does). */
function pickVariant(schema: Json | undefined, value: unknown): Json | undefined {
  const variants: unknown = schema?.oneOf ?? schema?.anyOf;
  if (!Array.isArray(variants) || schema?.type !== undefined) return schema;
  const list = variants as Json[];
  const picks = (variant: Json) =>
    Object.entries((variant.properties as Json | undefined) ?? {}).some(([name, property]) => {
      const constant = (property as Json).const;
      return constant !== undefined && constant === (value as Json | undefined)?.[name];
    });
  return list.find(picks) ?? list[0];
}

/** The JSON Schema at a path of the input, through the union variants the input picks. */
function schemaAt(root: Json, data: unknown, keys: readonly string[]): Json | undefined {
  let schema = pickVariant(root, data);
  let value = data;
  for (const key of keys) {
    const next: unknown = isIndex(key) ? schema?.items : (schema?.properties as Json | undefined)?.[key];
    value = (value as Json | undefined)?.[key];
    schema = pickVariant(next as Json | undefined, value);
  }
  return schema;
}

function isMissing(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && Object.keys(value).length === 0)
  );
}

/** The two stand-ins for a missing field, or undefined when it cannot be stood in for. */
function standIns(
  schema: Json,
  keys: readonly string[],
  label: string,
  ordinal: number,
): readonly [unknown, unknown] | undefined {
  const named = keys.map((key) => (isIndex(key) ? '*' : key));
  for (const length of [3, 2, 1]) {
    const found = STAND_INS[named.slice(-length).join('.')];
    if (found) return found;
  }
  // Dates and states differ from field to field too, so that each one printed can be told apart.
  const day = (shift: number) => String(1 + ((ordinal + shift) % 28)).padStart(2, '0');
  if (schema.format === 'date') return [`2001-02-${day(0)}`, `2002-04-${day(0)}`];
  if (keys.at(-1) === 'state')
    return [STATES[ordinal % STATES.length], STATES[(ordinal + 1) % STATES.length]];
  const choices =
    (Array.isArray(schema.enum) ? schema.enum : undefined) ??
    ((schema.anyOf as Json[] | undefined)?.find((option) => Array.isArray(option.enum))?.enum as
      unknown[] | undefined);
  if (choices && choices.length >= 2) return [choices[0], choices[1]];
  if (schema.type === 'integer' || schema.type === 'number') {
    // Distinct numbers per field, so that each one printed can be told apart.
    const low = typeof schema.minimum === 'number' ? schema.minimum : 1;
    const high = typeof schema.maximum === 'number' ? schema.maximum : low + 100;
    const value = low + (ordinal % Math.max(1, high - low));
    return [value, value + 1];
  }
  if (schema.type === 'array') return [[], []];
  if (schema.type === 'object') return [{}, {}];
  if (schema.type === 'string') return [label, label];
  return undefined;
}

/**
 * Fills every missing field of a draft with stand-in values (twice, differently), and lists
 * the placeholders. A value that is given but wrong is still an error: throws ValidationError.
 */
export function fillDraft(schema: z.ZodType, jsonSchema: Json, input: unknown): DraftInputs {
  const clone = (value: unknown): Json =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (structuredClone(value) as Json)
      : {};
  const first = clone(input);
  const second = clone(input);
  const placeholders: Placeholder[] = [];
  const put = (keys: readonly string[], [a, b]: readonly [unknown, unknown], leaf: boolean) => {
    setAt(first, keys, structuredClone(a));
    setAt(second, keys, structuredClone(b));
    const path = keys.join('.');
    if (leaf) placeholders.push({ path, label: placeholderLabel(path) });
  };
  /** Stands in for the field an issue names; false when the issue is about a value given. */
  const standIn = (keys: readonly string[]): boolean => {
    const current = valueAt(first, keys);
    const field = keys.length > 0 ? schemaAt(jsonSchema, first, keys) : undefined;
    if (field === undefined || !isMissing(current)) return false;
    const properties = (field.properties as Json | undefined) ?? {};
    const firstKey = Object.keys(properties)[0];
    if (field.minProperties === 1 && firstKey !== undefined) {
      // A group of which exactly one field is given (a duration): its first field stands in.
      const childKeys = [...keys, firstKey];
      const pair = standIns(
        properties[firstKey] as Json,
        childKeys,
        placeholderLabel(childKeys.join('.')),
        placeholders.length,
      );
      if (pair) put(childKeys, pair, true);
      return pair !== undefined;
    }
    if (field.type === 'array' && Array.isArray(current)) {
      // An empty list that must have rows gets one empty row, filled in the next round.
      const row = (field.items as Json | undefined)?.type === 'string' ? '' : {};
      put(keys, [[row], [row]], false);
      return true;
    }
    const pair = standIns(field, keys, placeholderLabel(keys.join('.')), placeholders.length);
    if (pair) put(keys, pair, field.type !== 'object' && field.type !== 'array');
    return pair !== undefined;
  };
  /** A stand-in date that a rule puts out of order with another ("not before a date of service"): later. */
  const moveLater = (path: string): boolean => {
    const keys = path.split('.');
    const value = valueAt(first, keys);
    if (!placeholders.some((placeholder) => placeholder.path === path) || typeof value !== 'string')
      return false;
    if (!isCalendarDate(value) || value >= '2009') return false;
    const later = (date: unknown) =>
      `${String(Number(String(date).slice(0, 4)) + 2)}${String(date).slice(4)}`;
    setAt(first, keys, later(value));
    setAt(second, keys, later(valueAt(second, keys)));
    return true;
  };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const result = parseInput(schema, first);
    if (result.success) break;
    const paths = [...new Set(result.issues.map(({ path }) => path))];
    const unfillable = paths.filter(
      (path) => !standIn(path === '' ? [] : path.split('.')) && !moveLater(path),
    );
    if (unfillable.length > 0) {
      throw new ValidationError(result.issues.filter(({ path }) => unfillable.includes(path)));
    }
  }
  return { first, second, placeholders };
}

// ---------- marking the differences ----------

const TOKEN = /(\s+|[,;:.](?=\s|$))/;

/** Longest common subsequence of two token lists: which tokens of `a` are also in `b`, in order. */
function commonTokens(a: readonly string[], b: readonly string[]): boolean[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const kept = new Array<boolean>(a.length).fill(false);
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      kept[i] = true;
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return kept;
}

/** `a` with every run of words that differs from `b` replaced by the placeholders it stands for. */
function markText(
  a: string,
  b: string,
  placeholders: readonly Placeholder[],
  printed: ReadonlyMap<string, readonly string[]>,
): string {
  if (a === b) return a;
  const tokensA = a.split(TOKEN).filter((token) => token !== '');
  const tokensB = b.split(TOKEN).filter((token) => token !== '');
  const kept = commonTokens(tokensA, tokensB);
  // Spaces and punctuation between two differing words belong to the same placeholder, and so
  // do short numbers caught between them ("[…] 6, […]": a day both stand-in dates share).
  const separator = (token: string) => /^(\s+|[,;:.]|\d{1,2})$/.test(token);
  for (let index = 1; index < tokensA.length; index++) {
    if (kept[index - 1] || !kept[index] || !separator(tokensA[index] ?? '')) continue;
    let end = index;
    while (end < tokensA.length && kept[end] && separator(tokensA[end] ?? '')) end++;
    if (end < tokensA.length && !kept[end]) kept.fill(false, index, end);
  }
  let out = '';
  let span = '';
  const flush = () => {
    if (span === '') return;
    const trimmed = span.trim();
    // Named when exactly one stand-in prints as these words; anything worked out from one is not.
    const named = placeholders.filter(({ path }) => printed.get(path)?.includes(trimmed));
    const [only] = named;
    const labels = only !== undefined && named.length === 1 ? only.label : '[to be completed]';
    out += span.startsWith(' ') ? ' ' : '';
    out += labels;
    out += span.endsWith(' ') && trimmed !== '' ? ' ' : '';
    span = '';
  };
  tokensA.forEach((token, index) => {
    if (kept[index]) {
      flush();
      out += token;
    } else span += token;
  });
  flush();
  return out;
}

class LayoutMismatch extends Error {}

function markInlines(a: Inline[], b: Inline[], mark: (a: string, b: string) => string): Inline[] {
  if (a.length !== b.length) {
    const text = (runs: Inline[]) => runs.map((run) => (run.kind === 'text' ? run.text : '\n')).join('');
    return [{ kind: 'text', text: mark(text(a), text(b)), bold: false, italic: false }];
  }
  return a.map((run, index) => {
    const other = b[index];
    if (run.kind !== 'text' || other?.kind !== 'text') return run;
    return { ...run, text: mark(run.text, other.text) };
  });
}

function markBlock(a: Block, b: Block, mark: (a: string, b: string) => string): Block {
  if (a.kind !== b.kind) throw new LayoutMismatch();
  const rows = (x: Inline[][], y: Inline[][]) => {
    if (x.length !== y.length) throw new LayoutMismatch();
    return x.map((row, index) => markInlines(row, y[index] ?? [], mark));
  };
  switch (a.kind) {
    case 'letterhead': {
      const other = b as typeof a;
      return { ...a, title: markInlines(a.title, other.title, mark), lines: rows(a.lines, other.lines) };
    }
    case 'heading':
    case 'paragraph':
    case 'subject':
      return { ...a, content: markInlines(a.content, (b as typeof a).content, mark) };
    case 'list':
      return { ...a, items: rows(a.items, (b as typeof a).items) };
    case 'table': {
      const other = b as typeof a;
      if (a.body.length !== other.body.length) throw new LayoutMismatch();
      return {
        ...a,
        head: rows(a.head, other.head),
        body: a.body.map((row, index) => rows(row, other.body[index] ?? [])),
      };
    }
    case 'signature': {
      const other = b as typeof a;
      if (a.parts.length !== other.parts.length) throw new LayoutMismatch();
      const parts = a.parts.map((part, index) => {
        const twin = other.parts[index];
        if (part.kind !== 'paragraph' || twin?.kind !== 'paragraph') return part;
        return { ...part, content: markInlines(part.content, twin.content, mark) };
      });
      return { ...a, parts };
    }
    case 'aside': {
      const other = b as typeof a;
      return { ...a, blocks: markBlocks(a.blocks, other.blocks, mark) as typeof a.blocks };
    }
    case 'pagebreak':
      return a;
    default: {
      const never: never = a;
      return never;
    }
  }
}

const PLACEHOLDER_BLOCK: Block = {
  kind: 'paragraph',
  style: 'body',
  content: [{ kind: 'text', text: '[to be completed]', bold: false, italic: false }],
};

function blockKey(block: Block): string {
  if (block.kind !== 'heading') return block.kind;
  return `heading:${block.content.map((run) => (run.kind === 'text' ? run.text : '')).join('')}`;
}

/**
 * Pairs the blocks of both layouts (a stand-in may add or drop a section: one urgency's
 * paragraph or the other's); a block with no twin, or whose twin differs in shape, is a placeholder.
 */
function markBlocks(
  a: readonly Block[],
  b: readonly Block[],
  mark: (a: string, b: string) => string,
): Block[] {
  const keysA = a.map(blockKey);
  const keysB = b.map(blockKey);
  const kept = commonTokens(keysA, keysB);
  const twins = new Map<number, Block>();
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!kept[i]) continue;
    while (j < b.length && keysB[j] !== keysA[i]) j++;
    const twin = b[j++];
    if (twin) twins.set(i, twin);
  }
  const out: Block[] = [];
  a.forEach((block, index) => {
    const twin = twins.get(index);
    let marked: Block = PLACEHOLDER_BLOCK;
    if (twin !== undefined) {
      try {
        marked = markBlock(block, twin, mark);
      } catch (error) {
        if (!(error instanceof LayoutMismatch)) throw error;
      }
    }
    if (marked !== PLACEHOLDER_BLOCK || out.at(-1) !== PLACEHOLDER_BLOCK) out.push(marked);
  });
  return out;
}

/**
 * The first document with everything that differs from the second (the stand-in values and what
 * follows from them) replaced by placeholders, and DRAFT on every page.
 */
export function markPlaceholders(
  first: LetterDocument,
  second: LetterDocument,
  draft: DraftInputs,
): LetterDocument {
  const printed = new Map(
    draft.placeholders.map(({ path }) => {
      const found = valueAt(draft.first, path.split('.'));
      const value = typeof found === 'string' || typeof found === 'number' ? String(found) : '';
      return [path, isCalendarDate(value) ? [value, formatLongDate(value), formatShortDate(value)] : [value]];
    }),
  );
  const mark = (a: string, b: string) => markText(a, b, draft.placeholders, printed);
  const info = Object.fromEntries(
    Object.entries(first.info).map(([key, value]) => {
      const other = (second.info as unknown as Json)[key];
      return [key, typeof value === 'string' && typeof other === 'string' ? mark(value, other) : value];
    }),
  ) as unknown as LetterDocument['info'];
  return { ...first, info: { ...info, draft: true }, blocks: markBlocks(first.blocks, second.blocks, mark) };
}
