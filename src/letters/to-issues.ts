// zod issues → our issues: a dot-joined path, a stable code, a plain message, never the value.
import { z } from 'zod';
import type { Issue } from '../errors.js';
import { choiceKey } from './fields.js';
import { FIELD_HINTS } from './form-hints.js';

const REQUIRED = 'is required';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** The words the web form shows for a value (src/server/public/form.js `optionText`). */
function formWords(path: readonly PropertyKey[], value: string): string {
  const keys = path.map(String);
  const pattern = keys.map((key) => (/^\d+$/.test(key) ? '*' : key)).join('.');
  const options = FIELD_HINTS[pattern]?.options ?? FIELD_HINTS[keys.at(-1) ?? '']?.options;
  const label = options?.[value];
  if (label !== undefined) return choiceKey(label) === choiceKey(value) ? label : `${value} — ${label}`;
  if (!/^[a-z]+(-[a-z]+)*$/.test(value)) return value;
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function listChoices(path: readonly PropertyKey[], values: readonly unknown[]): string {
  const words = values.map((value) => formWords(path, String(value)));
  return words.join(words.some((word) => word.includes(' — ')) ? '; ' : ', ');
}

/** Plain-English messages for zod's built-in checks (schema-level messages take precedence). */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const path = issue.path ?? [];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return REQUIRED;
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      if (issue.input === undefined) return `${REQUIRED}; choose one of: ${listChoices(path, issue.values)}`;
      return `must be one of: ${listChoices(path, issue.values)}`;
    case 'invalid_union': {
      if (issue.note !== 'No matching discriminator') return 'is not one of the accepted forms';
      const options = (issue as { options?: unknown[] }).options ?? [];
      const discriminator = String(path.at(-1) ?? '');
      const given = (issue.input as Record<string, unknown> | undefined)?.[discriminator];
      return given === undefined
        ? `${REQUIRED}; choose one of: ${listChoices(path, options)}`
        : `must be one of: ${listChoices(path, options)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `must be at least ${String(issue.minimum)} characters`;
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${String(issue.maximum)} items`;
      if (issue.origin === 'string') return `must be at most ${String(issue.maximum)} characters`;
      return `must be at most ${String(issue.maximum)}`;
    default:
      return undefined;
  }
}

function joinPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * A union where only one form has the input's type (an object, or a string) failed inside
 * that form: its issues say more than "not one of the accepted forms".
 */
function matchingForm(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  const forms = issue.errors.filter(
    (issues) => !issues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  const [only] = forms;
  if (forms.length !== 1 || only === undefined) return undefined;
  return only.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
}

// Fields that earlier versions accepted, with what replaces them.
const RETIRED_FIELDS = new Map<string, string>([
  [
    'provider.signature.signedOn',
    'is no longer accepted, because a date alone does not sign a letter: use mode "for-signature" for a copy to sign by hand, or electronic: { attestedOn, statement } for the signer\'s electronic attestation',
  ],
]);

export function toIssues(error: { issues: readonly z.core.$ZodIssue[] }): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = joinPath([...issue.path, key]);
        return { path, code: 'UNKNOWN_FIELD', message: RETIRED_FIELDS.get(path) ?? 'is not a known field' };
      });
    }
    if (issue.code === 'invalid_union') {
      const inner = matchingForm(issue);
      if (inner) return toIssues({ issues: inner });
    }
    const params = issue.code === 'custom' ? (issue.params as { code?: string } | undefined) : undefined;
    // zod drops `input` from finished issues, so "missing" is known by its message.
    const fallback =
      issue.code === 'invalid_union' && 'note' in issue ? 'INVALID_VALUE' : issue.code.toUpperCase();
    return [
      {
        path: joinPath(issue.path),
        code: params?.code ?? (issue.message.startsWith(REQUIRED) ? 'REQUIRED' : fallback),
        message: issue.message,
      },
    ];
  });
}

type ParseResult = { success: true; data: unknown } | { success: false; issues: Issue[] };

/**
 * Parses the input and turns every problem into an issue. When the discriminator of a
 * top-level union (`purpose`) matches no variant, zod looks no further; the fields every
 * variant requires are then checked too, so that `{}` reports all of them at once.
 */
export function parseInput(schema: z.ZodType, input: unknown): ParseResult {
  const result = schema.safeParse(input, { error: plainMessage });
  if (result.success) return { success: true, data: result.data };
  const issues = toIssues(result.error);
  const def = schema._zod.def as { discriminator?: string; options?: z.ZodType[] };
  const noVariant = result.error.issues.some(
    (issue) =>
      issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator',
  );
  if (!noVariant || def.discriminator === undefined || def.options === undefined) {
    return { success: false, issues };
  }
  const key = def.discriminator;
  const record = input !== null && typeof input === 'object' ? input : {};
  const perVariant = def.options.map((variant) => {
    const value = (variant as z.ZodObject).shape[key] as z.ZodLiteral | undefined;
    const tried = variant.safeParse({ ...record, [key]: value?.value }, { error: plainMessage });
    return tried.success ? [] : toIssues(tried.error);
  });
  const same = (a: Issue) => (b: Issue) => a.path === b.path && a.message === b.message;
  const shared = (perVariant[0] ?? []).filter((issue) =>
    perVariant.every((other) => other.some(same(issue))),
  );
  return { success: false, issues: [...issues, ...shared.filter((issue) => !issues.some(same(issue)))] };
}
