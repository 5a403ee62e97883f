// The catalogue of findings: one entry per code, the only place its level, wording and source
// live. Rules report codes (and the values a message needs); docs/findings.md is generated
// from the entries (`npm run docs`), and a test fails when the page is stale.
import type { Finding, FindingLevel } from '../../errors.js';

/** A primary source a user can open: a regulation, a manual section, a paper. */
export interface Source {
  /** e.g. "45 CFR 147.136" or "Medicare Claims Processing Manual (Pub. 100-04), ch. 5". */
  document: string;
  /** e.g. "(d)(2)(i)" or "§20.2"; left out when the document is the citation. */
  section?: string;
  url: string;
}

export interface FindingEntry<Params = never> {
  level: FindingLevel;
  /** One line, for the catalogue page and the form's checks panel. */
  title: string;
  /** What the user should do about it, in a sentence. */
  fix: string;
  /** The sentence the finding carries; a function when it states values (a date, a code). */
  message: string | ((params: Params) => string);
  /** Every source the finding can cite; the catalogue page lists them all. */
  sources: readonly Source[];
  /** The ones one finding cites, when they depend on its values (the deadline rule that applied). */
  sourcesFor?: (params: Params) => readonly Source[];
}

/** Keeps each entry's parameter type while the catalogue holds them side by side. */
export function defineFindings<Entries extends Record<string, FindingEntry>>(entries: {
  [Code in keyof Entries]: Entries[Code];
}): Entries {
  return entries;
}

/** How a source reads in a finding and on the catalogue page. */
export function citeSource(source: Source): string {
  return `${source.document}${source.section === undefined ? '' : ` ${source.section}`} <${source.url}>`;
}

export function citeSources(sources: readonly Source[]): string {
  return sources.map(citeSource).join('; ');
}

type ParamsOf<Entry> = Entry extends { message: (params: infer Params) => string } ? [Params] : [];

/** Builds the reporter for one catalogue: `report('CODE', 'path', params?)` → a Finding. */
export function reporterFor<Entries extends Record<string, FindingEntry>>(entries: Entries) {
  return function report<Code extends keyof Entries & string>(
    code: Code,
    path: string,
    ...params: ParamsOf<Entries[Code]>
  ): Finding {
    const entry = entries[code] as FindingEntry<unknown>;
    const values = (params as unknown[])[0];
    const message = typeof entry.message === 'function' ? entry.message(values) : entry.message;
    const sources = entry.sourcesFor?.(values) ?? entry.sources;
    return { code, level: entry.level, path, message, source: citeSources(sources) };
  };
}
