// zod issues → our issues: a dot-joined path, a stable code, a plain message, never the value.
import type { z } from 'zod';
import type { Issue } from '../errors.js';

const REQUIRED = 'is required';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/** Plain-English messages for zod's built-in checks (schema-level messages take precedence). */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return REQUIRED;
      return `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return 'is not one of the accepted forms';
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

export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.flatMap((issue): Issue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath([...issue.path, key]),
        code: 'UNKNOWN_FIELD',
        message: 'is not a known field',
      }));
    }
    if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
      return [{ path: joinPath(issue.path), code: 'INVALID_VALUE', message: 'has no accepted value' }];
    }
    const params = issue.code === 'custom' ? (issue.params as { code?: string } | undefined) : undefined;
    return [
      {
        path: joinPath(issue.path),
        code:
          params?.code ??
          // zod drops `input` from finished issues, so "missing" is known by its message.
          (issue.code === 'invalid_type' && issue.message === REQUIRED
            ? 'REQUIRED'
            : issue.code.toUpperCase()),
        message: issue.message,
      },
    ];
  });
}
