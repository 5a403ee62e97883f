// FHIR test helpers: the case Bundles of examples/fhir, the HL7 fixtures, and Bundles built from resources.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Json = Record<string, any>;

const FIXTURES = new URL('../fixtures/fhir/', import.meta.url);
const EXAMPLES = new URL('../../examples/fhir/', import.meta.url);

export const KINDS = ['lmn', 'prescription', 'prior-auth', 'appeal'] as const;

function readJson(url: URL): Json {
  return JSON.parse(readFileSync(url, 'utf8')) as Json;
}

/** The HL7 example files in tests/fixtures/fhir. */
export const FIXTURE_FILES = readdirSync(FIXTURES).filter((name) => name.endsWith('.json'));

export function fixture(name: string): Json {
  return readJson(new URL(name.endsWith('.json') ? name : `${name}.json`, FIXTURES));
}

export function examplePath(kind: string, part: 'bundle' | 'overlay'): string {
  return fileURLToPath(new URL(`${kind}.${part}.json`, EXAMPLES));
}

/** A fresh copy of a kind's case Bundle and overlay (tests may change them). */
export function exampleCase(kind: string): { bundle: Json; overlay: Json } {
  return {
    bundle: readJson(new URL(`${kind}.bundle.json`, EXAMPLES)),
    overlay: readJson(new URL(`${kind}.overlay.json`, EXAMPLES)),
  };
}

export function bundleOf(...resources: Json[]): Json {
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ resource })) };
}

/** The resource of a Bundle with this id (to change it in place). */
export function resourceIn(bundle: Json, id: string): Json {
  const entry = (bundle.entry as Json[]).find((item) => item.resource?.id === id);
  if (entry === undefined) throw new Error(`no resource ${id} in the Bundle`);
  return entry.resource as Json;
}

export function firstOfType(bundle: Json, type: string): Json {
  const entry = (bundle.entry as Json[]).find((item) => item.resource?.resourceType === type);
  if (entry === undefined) throw new Error(`no ${type} in the Bundle`);
  return entry.resource as Json;
}

/** `Bundle.entry[3].resource(Condition/abc)` for the resource with this id. */
export function pathOf(bundle: Json, id: string): string {
  const index = (bundle.entry as Json[]).findIndex((item) => item.resource?.id === id);
  const { resourceType } = (bundle.entry as Json[])[index]?.resource as Json;
  return `Bundle.entry[${index}].resource(${String(resourceType)}/${id})`;
}

/** Each kind's case, as the example letter input it mirrors (the case Bundles were built from these). */
export const MIRRORED_EXAMPLE: Record<string, string> = {
  lmn: 'lmn-insurance',
  prescription: 'prescription',
  'prior-auth': 'prior-auth',
  appeal: 'appeal',
};
