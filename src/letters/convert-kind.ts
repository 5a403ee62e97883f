// One case, every letter: a kind's input as another kind's, keeping every field the two share.
import { toJsonSchema } from '../json-schema.js';
import { findKind } from './registry.js';

type Json = Record<string, unknown>;

export interface ConvertedInput {
  /** The fields the target kind takes, as they were given. */
  input: Json;
  /** The paths of the fields the target kind does not take (dot-joined, rows by index). */
  dropped: string[];
}

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The variant of a union that the value names by a `const` property, else the first. */
function pickVariant(schema: Json, value: unknown): Json {
  const variants = schema.oneOf ?? schema.anyOf;
  if (!Array.isArray(variants) || schema.type !== undefined) return schema;
  const list = variants as Json[];
  const picked = list.find((variant) =>
    Object.entries((variant.properties as Json | undefined) ?? {}).some(
      ([key, property]) =>
        isObject(property) &&
        property.const !== undefined &&
        isObject(value) &&
        value[key] === property.const,
    ),
  );
  return picked ?? list[0] ?? schema;
}

function keep(schema: Json, value: unknown, path: string, dropped: string[]): unknown {
  const resolved = pickVariant(schema, value);
  if (isObject(value) && isObject(resolved.properties)) {
    const properties = resolved.properties;
    const entries = Object.entries(value).flatMap(([key, child]) => {
      const childPath = path === '' ? key : `${path}.${key}`;
      const childSchema = properties[key];
      if (!isObject(childSchema)) {
        dropped.push(childPath);
        return [];
      }
      return [[key, keep(childSchema, child, childPath, dropped)]];
    });
    return Object.fromEntries(entries);
  }
  if (Array.isArray(value) && isObject(resolved.items)) {
    const items = resolved.items;
    return value.map((item, index) => keep(items, item, `${path}.${String(index)}`, dropped));
  }
  return value;
}

/**
 * Maps one kind's input to another's: every field both kinds take is kept as given, and every
 * other field is listed in `dropped`, never lost silently. For a target with purposes (`lmn`),
 * `purpose` chooses one; a purpose the input already has is kept when the target accepts it.
 * @throws {UnknownKindError} when either kind is unknown.
 * @example
 * const { input: lmn, dropped } = convertInput('prescription', 'lmn', prescription, { purpose: 'insurance' });
 */
export function convertInput(
  fromKind: string,
  toKind: string,
  input: Json,
  options: { purpose?: string } = {},
): ConvertedInput {
  findKind(fromKind);
  const target = findKind(toKind);
  const given = typeof input.purpose === 'string' ? input.purpose : undefined;
  const purpose =
    options.purpose ?? (given !== undefined && target.purposes.includes(given) ? given : target.purposes[0]);
  const source = purpose === undefined ? input : { ...input, purpose };
  const dropped: string[] = [];
  const kept = keep(toJsonSchema(target.schema), source, '', dropped) as Json;
  return { input: kept, dropped };
}
