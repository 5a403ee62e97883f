// The published JSON Schema and `check` must agree on every input: each example is mutated
// field by field and both are asked. Only the listed rule-level checks may refuse what the
// schema accepts (tests/support/rule-level-checks.ts); the schema may never refuse what
// `check` accepts.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { check, jsonSchema, kinds } from '../src/index.js';
import { listExamples } from './support/examples.js';
import { TODAY } from './support/pdf.js';
import { RULE_LEVEL_CHECKS } from './support/rule-level-checks.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

// ajv-formats is CommonJS: its default export is the plugin itself, or under `default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;

type Mutation = (value: Json) => Json | undefined;

/** The value of a string field (string mutations only see strings). */
const text = (value: Json) => (typeof value === 'string' ? value : '');

const ANY: Record<string, Mutation> = {
  removed: () => undefined,
  null: () => null,
  'empty string': () => '',
  number: () => 5,
  boolean: () => true,
  'empty list': () => [],
  'empty object': () => ({}),
};

const BY_TYPE: Record<'string' | 'number' | 'boolean' | 'list' | 'object', Record<string, Mutation>> = {
  string: {
    'spaces only': () => '   ',
    padded: (value) => `  ${text(value)}  `,
    'lower case': (value) => text(value).toLowerCase(),
    'upper case': (value) => text(value).toUpperCase(),
    'words with spaces': (value) => text(value).replace(/-/g, ' '),
    'US date': () => '11/20/2026',
    'impossible date': () => '2026-02-30',
    'year 9999': () => '9999-12-31',
    'year 0999': () => '0999-06-01',
    emoji: (value) => `${text(value)} 😀`,
    '5,000 characters': () => 'A'.repeat(5000),
    'line break': (value) => `${text(value)}\nmore`,
    'line separator': (value) => `${text(value)}\u2028more`,
    'bidi override': (value) => `${text(value)}\u202Eevil`,
    'stacked marks': () => `e${'\u0301'.repeat(6)}`,
    'control character': () => 'a\u0007b',
  },
  number: {
    'negative number': () => -1,
    zero: () => 0,
    fraction: (value) => Number(value) + 0.5,
    'huge number': () => 1e12,
    'numeric string': (value) => JSON.stringify(value),
  },
  boolean: { 'string "true"': () => 'true' },
  list: {
    'long list': (value) => Array.from({ length: 70 }, () => (value as Json[])[0] ?? null),
  },
  object: { 'unknown field': (value) => ({ ...(value as Record<string, Json>), zzUnknown: 'x' }) },
};

function mutationsFor(value: Json): [string, Mutation][] {
  const type = Array.isArray(value)
    ? 'list'
    : value === null || typeof value === 'object'
      ? 'object'
      : (typeof value as 'string' | 'number' | 'boolean');
  return [...Object.entries(ANY), ...Object.entries(BY_TYPE[type])];
}

/** Every path in a JSON value, objects and lists included. */
function listPaths(value: Json, path: Path = []): Path[] {
  const children: [string | number, Json][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  return [path, ...children.flatMap(([key, child]) => listPaths(child, [...path, key]))];
}

function valueAt(input: Json, path: Path): Json {
  return path.reduce<Json>((holder, key) => (holder as Record<string | number, Json>)[key] ?? null, input);
}

function mutate(input: Json, path: Path, change: (value: Json) => Json | undefined): Json {
  if (path.length === 0) return change(input) ?? null;
  const copy = structuredClone(input) as Record<string | number, Json>;
  let holder = copy;
  for (const key of path.slice(0, -1)) holder = holder[key] as Record<string | number, Json>;
  const last = path.at(-1) ?? '';
  const changed = change(holder[last] ?? null);
  if (changed !== undefined) holder[last] = changed;
  else if (Array.isArray(holder)) holder.splice(Number(last), 1);
  else Reflect.deleteProperty(holder, last);
  return copy;
}

function isRuleLevel(issue: { code: string; message: string }): boolean {
  return RULE_LEVEL_CHECKS.some((rule) => rule.code === issue.code && rule.message === issue.message);
}

const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats(ajv);
const validators = new Map(kinds().map(({ kind }) => [kind, ajv.compile(jsonSchema(kind))]));

describe('the published JSON Schema', () => {
  it('is JSON Schema 2020-12 with formats, patterns, descriptions and examples on the fields', () => {
    const schema = jsonSchema('lmn') as { $schema: string; oneOf: { properties: Record<string, any> }[] };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const insurance = schema.oneOf[0]?.properties ?? {};
    expect(insurance.date).toMatchObject({ format: 'date', examples: ['2026-11-20'] });
    expect(insurance.provider.properties.npi).toMatchObject({ pattern: expect.any(String) });
    expect(insurance.patient.properties.firstName).toMatchObject({
      type: 'string',
      maxLength: 120,
      pattern: expect.any(String),
      description: expect.stringContaining('trimmed'),
    });
  });

  it('accepts every example', () => {
    for (const { name, kind, input } of listExamples()) {
      expect(validators.get(kind)?.(input), name).toBe(true);
    }
  });

  it('agrees with check on every single-field mutation of every example', () => {
    const disagreements: string[] = [];
    // A field shared by examples of a kind, or repeated in a list, is tried once.
    const tried = new Set<string>();
    for (const { name, kind, input } of listExamples()) {
      const validate = validators.get(kind);
      if (validate === undefined) throw new Error(`no schema for ${kind}`);
      for (const path of listPaths(input as Json)) {
        const field = [kind, ...path.map((key) => (typeof key === 'number' ? '*' : key))].join('.');
        const value = valueAt(input as Json, path);
        for (const [mutation, change] of mutationsFor(value)) {
          if (tried.has(`${field} ${mutation}`)) continue;
          tried.add(`${field} ${mutation}`);
          const mutated = mutate(input as Json, path, change);
          const bySchema = validate(mutated);
          const { issues } = check(kind, mutated, { today: TODAY });
          const agree = bySchema ? issues.every(isRuleLevel) : issues.length > 0;
          if (!agree) {
            const said = issues.map((issue) => `${issue.path}: ${issue.code}`).join('; ') || 'no issue';
            disagreements.push(
              `${name} ${path.join('.') || '(root)'} ${mutation}: schema ${bySchema ? 'accepts' : 'refuses'}, check says ${said}`,
            );
          }
        }
      }
    }
    expect(tried.size).toBeGreaterThan(4000);
    expect(disagreements).toEqual([]);
  }, 180_000);

  it('lists a reason for every rule-level check', () => {
    for (const rule of RULE_LEVEL_CHECKS) expect(rule.reason.length).toBeGreaterThan(20);
  });
});
