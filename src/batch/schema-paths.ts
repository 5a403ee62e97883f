// Dotted field paths (`patient.firstName`, `diagnoses.0.code`) read against a kind's JSON Schema:
// which fields exist, and what type a CSV cell becomes there.

type JsonSchema = Record<string, unknown>;

const BRANCHES = ['oneOf', 'anyOf', 'allOf'] as const;

function asSchemas(value: unknown): JsonSchema[] {
  return Array.isArray(value) ? (value as JsonSchema[]) : [];
}

/** The schema and every alternative it offers (oneOf/anyOf/allOf), flattened. */
function alternatives(schema: JsonSchema): JsonSchema[] {
  return [schema, ...BRANCHES.flatMap((key) => asSchemas(schema[key]).flatMap(alternatives))];
}

const isIndex = (segment: string): boolean => /^(0|[1-9]\d{0,3})$/.test(segment);

const segmentsOf = (path: string): string[] => (path === '' ? [] : path.split('.'));

/** The schemas a path may lead to; none when the path names no field. */
function schemasAt(schema: JsonSchema, segments: readonly string[]): JsonSchema[] {
  let current = [schema];
  for (const segment of segments) {
    current = current.flatMap(alternatives).flatMap((candidate): JsonSchema[] => {
      const properties = candidate.properties as Record<string, JsonSchema> | undefined;
      const property = properties && Object.hasOwn(properties, segment) ? properties[segment] : undefined;
      if (property) return [property];
      const items = candidate.items as JsonSchema | undefined;
      return candidate.type === 'array' && isIndex(segment) && items ? [items] : [];
    });
  }
  return current;
}

export type CellType = 'string' | 'number' | 'integer' | 'boolean';

/**
 * The type a cell at this path becomes: a number or boolean only where the schema allows nothing
 * else, otherwise text. Undefined when the path names no field or names an object or list.
 */
export function cellTypeAt(schema: JsonSchema, path: string): CellType | undefined {
  const found = schemasAt(schema, segmentsOf(path));
  const types = new Set(
    found
      .flatMap(alternatives)
      .map((candidate) => candidate.type)
      .filter((type): type is string => typeof type === 'string'),
  );
  if (types.size === 0 && found.length > 0) return 'string';
  if (types.has('string')) return 'string';
  if (types.has('object') || types.has('array')) return undefined;
  if (types.has('number')) return 'number';
  if (types.has('integer')) return 'integer';
  if (types.has('boolean')) return 'boolean';
  return undefined;
}

/** How many items of each list a template CSV offers columns for. */
const TEMPLATE_ITEMS = 2;

function leafPaths(schema: JsonSchema, prefix: string, seen: Set<string>, out: string[]): void {
  for (const candidate of alternatives(schema)) {
    const properties = candidate.properties as Record<string, JsonSchema> | undefined;
    for (const [key, child] of Object.entries(properties ?? {}))
      leafPaths(child, prefix === '' ? key : `${prefix}.${key}`, seen, out);
    if (candidate.type === 'array' && candidate.items) {
      const max = typeof candidate.maxItems === 'number' ? candidate.maxItems : TEMPLATE_ITEMS;
      for (let index = 0; index < Math.min(TEMPLATE_ITEMS, max); index++)
        leafPaths(candidate.items as JsonSchema, `${prefix}.${index}`, seen, out);
    }
  }
  if (prefix !== '' && cellTypeAt(schema, '') !== undefined && !seen.has(prefix)) {
    seen.add(prefix);
    out.push(prefix);
  }
}

/** Every field a CSV column can fill, in schema order; lists get columns for their first items. */
export function columnPaths(schema: JsonSchema): string[] {
  const out: string[] = [];
  leafPaths(schema, '', new Set(), out);
  return out;
}
