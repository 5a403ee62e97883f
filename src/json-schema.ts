// The published JSON Schema (draft 2020-12) of a kind's input: zod's translation, plus what
// zod cannot translate (which characters text may hold, given the embedded fonts).
// tests/json-schema.test.ts holds it to what `check` accepts, field by field.
import { z } from 'zod';
import { choiceFields, MAX_COMBINING_MARKS, textFields } from './letters/fields.js';
import { printableCodePoints } from './pdf/fonts.js';

// Refused by every text field (src/letters/fields.ts): C0/C1 controls and bidi controls.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEVER = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
// Multi-line text keeps tab and newline and turns CR, U+2028 and U+2029 into newlines.
const MULTILINE_ONLY = new Set([0x09, 0x0a, 0x0d, 0x2028, 0x2029]);
const MARK = /^\p{M}$/u;

interface TextPatterns {
  line: string;
  multiline: string;
}

let patterns: TextPatterns | undefined;

function escape(codePoint: number): string {
  return `\\u${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A character class of the code points, as ranges. */
function characterClass(codePoints: readonly number[]): string {
  const ranges: [number, number][] = [];
  for (const codePoint of codePoints) {
    const last = ranges.at(-1);
    if (last && last[1] === codePoint - 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  const parts = ranges.map(([from, to]) => (from === to ? escape(from) : `${escape(from)}-${escape(to)}`));
  return `[${parts.join('')}]`;
}

function textPatterns(): TextPatterns {
  if (patterns) return patterns;
  const printable = printableCodePoints().filter(
    (codePoint) => codePoint <= 0xffff && !NEVER.test(String.fromCharCode(codePoint)),
  );
  const marks = characterClass(printable.filter((codePoint) => MARK.test(String.fromCharCode(codePoint))));
  const build = (allowed: readonly number[]) =>
    `^(?![\\s\\S]*${marks}{${MAX_COMBINING_MARKS + 1}})(?=[\\s\\S]*\\S)${characterClass(allowed)}*$`;
  patterns = {
    line: build(printable.filter((codePoint) => !MULTILINE_ONLY.has(codePoint))),
    multiline: build([...new Set([...printable, ...MULTILINE_ONLY])].sort((a, b) => a - b)),
  };
  return patterns;
}

function describeText(jsonSchema: Record<string, unknown>, multiline: boolean): void {
  const pattern = textPatterns();
  const max = typeof jsonSchema.maxLength === 'number' ? ` at most ${jsonSchema.maxLength} characters,` : '';
  jsonSchema.pattern = multiline ? pattern.multiline : pattern.line;
  jsonSchema.description ??= multiline
    ? `Text;${max} with line breaks allowed. Surrounding spaces are trimmed; characters the letter's fonts cannot print, control characters, bidirectional controls and more than ${MAX_COMBINING_MARKS} combining marks on one character are refused.`
    : `One line of text;${max} surrounding spaces are trimmed. Line breaks, tabs, control characters, bidirectional controls, characters the letter's fonts cannot print and more than ${MAX_COMBINING_MARKS} combining marks on one character are refused.`;
}

const translated = new WeakMap<z.ZodType, Readonly<Record<string, unknown>>>();

/**
 * The JSON Schema (draft 2020-12) of an input schema, describing the input as the server
 * accepts it (before trimming and normalising). Translated once per schema and shared: callers
 * read it, and the public `jsonSchema()` hands out a copy.
 */
export function toJsonSchema(schema: z.ZodType): Readonly<Record<string, unknown>> {
  let jsonSchema = translated.get(schema);
  if (jsonSchema === undefined) {
    jsonSchema = translate(schema);
    translated.set(schema, jsonSchema);
  }
  return jsonSchema;
}

function translate(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const field = zodSchema as unknown as z.ZodType;
      const text = textFields.get(field);
      if (text) describeText(jsonSchema, text.multiline);
      // The canonical values are the first form of its anyOf; other spellings are accepted too.
      if (choiceFields.get(field) !== undefined) delete jsonSchema.enum;
    },
  });
}
