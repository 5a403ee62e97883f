// A FHIR R4 Bundle as lmnkit reads it: its entries checked against the schemas of the resource
// types it reads, each resource known by its path in the Bundle, references resolved inside it.
import { z } from 'zod';
import type { Issue } from '../errors.js';
import { READ_RESOURCES, type ReadType, type Reference, type ResourceOf } from './resources.js';

/** Bundle types a case arrives in (R4 `Bundle.type`, https://hl7.org/fhir/R4/valueset-bundle-type.html). */
const BUNDLE_TYPES = ['collection', 'document', 'transaction'] as const;

const BundleShape = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.enum(BUNDLE_TYPES),
  entry: z
    .array(
      z.looseObject({
        fullUrl: z.string().optional(),
        // Checked by its type's schema below; parsed here it would be copied twice.
        resource: z.unknown(),
      }),
    )
    .optional(),
});

/** One resource of the Bundle, where it is (`Bundle.entry[3].resource(Condition/abc)`) and what it is. */
export interface Located<Type extends ReadType = ReadType> {
  type: Type;
  /** `Condition/abc`: how problems name it (never by its values). */
  label: string;
  path: string;
  resource: ResourceOf<Type>;
  /** The entry this resource is, or is contained in: `#id` references resolve inside it. */
  entry: number;
}

export interface Unmapped {
  /** Where in the Bundle: `Bundle.entry[3].resource(Observation/a).code`. */
  path: string;
  reason: string;
  /** The lmnkit field it would have filled, when there is one. */
  field?: string;
}

export interface ReadBundle {
  /** The resources of the entries (not those contained in them), in Bundle order. */
  all: readonly Located[];
  ofType<Type extends ReadType>(type: Type): Located<Type>[];
  /** The resource a reference names, if the Bundle holds it and it is of one of `types`. */
  resolve<Type extends ReadType>(
    from: Located,
    reference: Reference | undefined,
    types: readonly Type[],
  ): Located<Type> | undefined;
  issues: Issue[];
  unmapped: Unmapped[];
}

/** `['name', 0, 'given', 1]` → `.name[0].given[1]`, the way FHIRPath writes an element. */
function elementPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

function isReadType(type: string): type is ReadType {
  return Object.hasOwn(READ_RESOURCES, type);
}

function labelOf(type: string, id: string | undefined): string {
  return id === undefined ? type : `${type}/${id}`;
}

function schemaIssues(path: string, error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: `${path}${elementPath(issue.path)}`,
    code: 'FHIR_INVALID_ELEMENT',
    message: `${issue.message} (FHIR R4)`,
  }));
}

/** `Patient/1`, `http://example.org/fhir/Patient/1` or `Patient/1/_history/2` → `Patient/1`. */
function typeAndId(reference: string): string | undefined {
  const match = /(?:^|\/)([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
  return match ? `${match[1]}/${match[2]}` : undefined;
}

/**
 * Reads a Bundle: every resource of a type lmnkit reads is checked against its schema (problems are
 * issues), resources of other types are listed as unmapped.
 */
export function readBundle(bundle: unknown): ReadBundle {
  const shape = BundleShape.safeParse(bundle);
  if (!shape.success) {
    const issues = shape.error.issues.map((issue) => ({
      path: `Bundle${elementPath(issue.path)}`,
      code: 'FHIR_NOT_A_CASE_BUNDLE',
      message:
        issue.path[0] === 'type'
          ? `must be one of ${BUNDLE_TYPES.join(', ')} (a FHIR R4 Bundle holding one case)`
          : issue.path.length === 0
            ? 'must be a FHIR R4 Bundle (a JSON object with "resourceType": "Bundle")'
            : issue.message,
    }));
    return { all: [], ofType: () => [], resolve: () => undefined, issues, unmapped: [] };
  }
  const issues: Issue[] = [];
  const unmapped: Unmapped[] = [];
  const located: Located[] = [];
  const byUrl = new Map<string, Located>();
  const byLabel = new Map<string, Located[]>();
  const contained = new Map<string, Located>();

  const add = (type: string, id: string | undefined, value: unknown, path: string, entry: number) => {
    if (!isReadType(type)) {
      unmapped.push({ path, reason: 'is a resource type lmnkit does not read' });
      return undefined;
    }
    const parsed = READ_RESOURCES[type].safeParse(value);
    if (!parsed.success) {
      issues.push(...schemaIssues(path, parsed.error));
      return undefined;
    }
    const item = { type, label: labelOf(type, id), path, resource: parsed.data, entry } as Located;
    return item;
  };

  (shape.data.entry ?? []).forEach((entry, index) => {
    const { resource } = entry;
    if (resource === undefined) return;
    const { resourceType, id } = (resource ?? {}) as { resourceType?: unknown; id?: unknown };
    if (typeof resourceType !== 'string' || (id !== undefined && typeof id !== 'string')) {
      const message = 'must be a FHIR resource: an object with a resourceType (and a string id)';
      issues.push({ path: `Bundle.entry[${index}].resource`, code: 'FHIR_INVALID_ELEMENT', message });
      return;
    }
    const path = `Bundle.entry[${index}].resource(${labelOf(resourceType, id)})`;
    const item = add(resourceType, id, resource, path, index);
    if (item === undefined) return;
    located.push(item);
    if (entry.fullUrl !== undefined) byUrl.set(entry.fullUrl, item);
    const sameLabel = byLabel.get(item.label) ?? [];
    byLabel.set(item.label, [...sameLabel, item]);
    const inner = (resource as { contained?: unknown }).contained;
    if (!Array.isArray(inner)) return;
    inner.forEach((value: unknown, position) => {
      const { resourceType, id } = (value ?? {}) as { resourceType?: unknown; id?: unknown };
      if (typeof resourceType !== 'string' || typeof id !== 'string') return;
      const innerPath = `${path}.contained[${position}](${labelOf(resourceType, id)})`;
      const containedItem = add(resourceType, id, value, innerPath, index);
      if (containedItem !== undefined) contained.set(`${index}#${id}`, containedItem);
    });
  });

  const find = (from: Located, reference: string): Located | undefined => {
    if (reference.startsWith('#')) return contained.get(`${from.entry}${reference}`);
    const exact = byUrl.get(reference);
    if (exact !== undefined) return exact;
    const label = typeAndId(reference);
    const matches = label === undefined ? [] : (byLabel.get(label) ?? []);
    return matches.length === 1 ? matches[0] : undefined;
  };

  return {
    all: located,
    ofType: <Type extends ReadType>(type: Type) =>
      located.filter((item): item is Located<Type> => item.type === type),
    resolve: <Type extends ReadType>(
      from: Located,
      reference: Reference | undefined,
      types: readonly Type[],
    ) => {
      if (reference?.reference === undefined) return undefined;
      const target = find(from, reference.reference);
      return target !== undefined && (types as readonly ReadType[]).includes(target.type)
        ? (target as Located<Type>)
        : undefined;
    },
    issues,
    unmapped,
  };
}
