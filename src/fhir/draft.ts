// The letter input being mapped from a Bundle, with where each value came from.
import type { Issue } from '../errors.js';
import type { Located, ReadBundle, Unmapped } from './read-bundle.js';
import type { ReadType } from './resources.js';

export type Path = readonly (string | number)[];

/** Dotted input path, the way issues name fields: `diagnoses.0.code`. */
export function dotted(path: Path): string {
  return path.join('.');
}

export class Draft {
  readonly input: Record<string, unknown> = {};
  /** Input path → Bundle path of the element the value came from. */
  readonly sources: Record<string, string> = {};
  readonly issues: Issue[];
  readonly unmapped: Unmapped[];

  constructor(readonly bundle: ReadBundle) {
    this.issues = [...bundle.issues];
    this.unmapped = [...bundle.unmapped];
  }

  /** Sets a field from a Bundle element; an undefined value sets nothing. */
  set(path: Path, value: unknown, source: string): void {
    if (value === undefined) return;
    let holder: Record<string | number, unknown> = this.input;
    path.slice(0, -1).forEach((key, index) => {
      const next = path[index + 1];
      holder[key] ??= typeof next === 'number' ? [] : {};
      holder = holder[key] as Record<string | number, unknown>;
    });
    holder[path.at(-1) ?? ''] = value;
    this.sources[dotted(path)] = source;
  }

  skip(path: string, reason: string, field?: Path): void {
    this.unmapped.push({ path, reason, ...(field !== undefined && { field: dotted(field) }) });
  }

  /**
   * The one resource of a type the letter is about. None: undefined. Several: `preferred` decides
   * when it names one of them (e.g. the requester of the ServiceRequest); otherwise it is an
   * ambiguity, reported with the candidates, never a guess.
   */
  pickOne<Type extends ReadType>(
    candidates: readonly Located<Type>[],
    what: string,
    preferred?: Located<Type>,
  ): Located<Type> | undefined {
    if (candidates.length <= 1) return candidates[0];
    if (preferred !== undefined && candidates.includes(preferred)) return preferred;
    this.issues.push(ambiguity(candidates, what));
    return undefined;
  }
}

/** Candidates are named by resource type, id and place in the Bundle: never by their values. */
export function ambiguity(candidates: readonly Located[], what: string): Issue {
  const names = candidates.map((candidate) => candidate.path).join(', ');
  return {
    path: 'Bundle',
    code: 'FHIR_AMBIGUOUS',
    message: `holds ${candidates.length} candidates for ${what} and nothing says which one the letter is about: ${names}; send a Bundle with one, or link the right one as described in README "FHIR R4 input"`,
  };
}
