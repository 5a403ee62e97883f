// A FHIR R4 Bundle (and an overlay for what it does not carry) → a letter kind's input, with
// where every value came from, so that problems can point back into the Bundle.
import { ValidationError, type Issue } from '../errors.js';
import { findKind } from '../letters/registry.js';
import { Draft } from './draft.js';
import { mapDiagnoses, mapOutcomeMeasures, mapTreatment, pickServiceRequest } from './map-clinical.js';
import { mapCoverage } from './map-coverage.js';
import { mapDenial } from './map-denial.js';
import { mapPatient, mapProvider } from './map-people.js';
import { mergeOverlay } from './merge-overlay.js';
import { readBundle, type Unmapped } from './read-bundle.js';

export type { Unmapped } from './read-bundle.js';

/** What `fromFhir` made of a Bundle. */
export interface FhirMapping {
  kind: string;
  /** The kind's input, before validation: check, generate or preview it. */
  input: Record<string, unknown>;
  /** Elements of the Bundle that were read but could not be mapped, and why. */
  unmapped: Unmapped[];
  /** Input path (`diagnoses.0.code`) → where its value came from: a Bundle path, or `overlay.<path>`. */
  sources: Record<string, string>;
}

/** The Bundle (or overlay) cannot be mapped: every problem, each with its path in the Bundle. */
export class FhirMappingError extends ValidationError {
  readonly unmapped: readonly Unmapped[];

  constructor(issues: readonly Issue[], unmapped: readonly Unmapped[] = []) {
    super(issues);
    this.unmapped = unmapped;
  }
}

type Section = 'coverage' | 'outcomes' | 'denial';

/** What each kind takes from a Bundle beyond patient, provider, diagnoses and treatment. */
const SECTIONS: Readonly<Record<string, readonly Section[]>> = {
  lmn: ['coverage', 'outcomes'],
  prescription: ['coverage'],
  'prior-auth': ['coverage', 'outcomes'],
  appeal: ['coverage', 'outcomes', 'denial'],
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Resources of a type lmnkit reads from which this kind took nothing and reported nothing. */
function listUntouched(draft: Draft, kind: string): void {
  const used = new Set(
    [...Object.values(draft.sources), ...draft.unmapped.map((item) => item.path)].map(
      (path) => /^Bundle\.entry\[(\d+)\]/.exec(path)?.[1],
    ),
  );
  for (const item of draft.bundle.all) {
    if (!used.has(String(item.entry))) draft.skip(item.path, `gives nothing the ${kind} letter uses`);
  }
}

/**
 * Maps a FHIR R4 Bundle (type collection, document or transaction) to a letter kind's input; the
 * overlay (the kind's own JSON shape) is merged over it, for what the Bundle does not carry.
 * Throws FhirMappingError when the Bundle is not one, a resource read is malformed, or the Bundle
 * is ambiguous (two Coverages, two Practitioners with nothing to choose between them).
 * @example
 * const { input, unmapped } = fromFhir('appeal', bundle, { date: '2026-11-25', clinical: { history: '…' } });
 * const report = check('appeal', input);
 */
export function fromFhir(kind: string, bundle: unknown, overlay: unknown = {}): FhirMapping {
  const { name } = findKind(kind);
  if (!isObject(overlay)) {
    throw new FhirMappingError([
      {
        path: 'overlay',
        code: 'FHIR_INVALID_OVERLAY',
        message: 'must be a JSON object in the shape of the letter input',
      },
    ]);
  }
  const draft = new Draft(readBundle(bundle));
  const sections = SECTIONS[name] ?? [];
  const accountLetter = name === 'lmn' && overlay.purpose === 'hsa-fsa';
  if (draft.issues.length === 0) {
    const request = pickServiceRequest(draft);
    const requester =
      request &&
      draft.bundle.resolve(request, request.resource.requester, ['Practitioner', 'PractitionerRole']);
    mapPatient(draft);
    mapProvider(draft, requester);
    // An HSA/FSA letter's coverage is the account, which no Coverage resource describes.
    if (sections.includes('coverage') && !accountLetter) mapCoverage(draft);
    mapDiagnoses(draft, request);
    mapTreatment(draft, request);
    if (sections.includes('outcomes')) mapOutcomeMeasures(draft);
    if (sections.includes('denial')) mapDenial(draft);
    listUntouched(draft, name);
  }
  if (draft.issues.length > 0) throw new FhirMappingError(draft.issues, draft.unmapped);
  const sources = new Map(Object.entries(draft.sources));
  const input = mergeOverlay(draft.input, overlay, sources);
  return { kind: name, input, unmapped: draft.unmapped, sources: Object.fromEntries(sources) };
}
