// Problems with a mapped input, told where the user can fix them: the Bundle element a value came
// from, or `overlay.<path>` for what the overlay gave or must give.
import type { Finding, Issue } from '../errors.js';
import type { FhirMapping } from './from-fhir.js';

const within = (path: string, prefix: string) =>
  prefix === '' || path === prefix || path.startsWith(`${prefix}.`);

/** Where a field's value came from: its own source, else a part's, else its holder's. */
function sourceOf(mapping: FhirMapping, path: string): string | undefined {
  const { sources } = mapping;
  if (Object.hasOwn(sources, path)) return sources[path];
  const part = Object.keys(sources).find((key) => within(key, path));
  if (part !== undefined) return sources[part];
  const holders = Object.keys(sources).filter((key) => within(path, key));
  const nearest = holders.sort((a, b) => b.length - a.length)[0];
  return nearest === undefined ? undefined : sources[nearest];
}

function locate<Problem extends Issue | Finding>(mapping: FhirMapping, problem: Problem): Problem {
  const source = sourceOf(mapping, problem.path);
  if (source === undefined) {
    const path = problem.path === '' ? 'overlay' : `overlay.${problem.path}`;
    return { ...problem, path };
  }
  if (source.startsWith('overlay')) return { ...problem, path: source };
  const field = problem.path === '' ? '' : ` (field ${problem.path})`;
  return { ...problem, path: source, message: `${problem.message}${field}` };
}

/**
 * The issues of a mapped input with Bundle paths (`Bundle.entry[3].resource(Condition/abc).code.coding[0].code`)
 * or overlay paths; each field the Bundle had something for but could not map adds that element
 * as a `FHIR_UNMAPPED` issue.
 * @example
 * locateIssues(mapping, check('lmn', mapping.input).issues);
 */
export function locateIssues(mapping: FhirMapping, issues: readonly Issue[]): Issue[] {
  const located = issues.map((issue) => locate(mapping, issue));
  const related = mapping.unmapped.filter(
    ({ field }) =>
      field !== undefined &&
      issues.some(
        (issue) =>
          sourceOf(mapping, issue.path) === undefined &&
          (within(issue.path, field) || within(field, issue.path)),
      ),
  );
  const unmapped = related.map(({ path, reason }) => ({ path, code: 'FHIR_UNMAPPED', message: reason }));
  return [...located, ...unmapped];
}

/** The findings of a mapped input, with Bundle or overlay paths like {@link locateIssues}. */
export function locateFindings(mapping: FhirMapping, findings: readonly Finding[]): Finding[] {
  return findings.map((finding) => locate(mapping, finding));
}
