import type { z } from 'zod';
import type { Finding } from '../errors.js';
import type { DocumentInfo, ImageName } from '../markup/document.js';
import type { Icd10cmCodeSets } from '../codes/index.js';

/** What rules may know besides the data: the clock and the loaded code sets, both injected. */
export interface RuleContext {
  /** Today's calendar date, YYYY-MM-DD. */
  today: string;
  codeSets?: Icd10cmCodeSets | undefined;
}

/** The fax cover sheet's facts (`coverSheet: "fax"`); generate.ts adds the page count and default subject. */
export interface FaxCoverView {
  to: { lines: string[]; fax: string | undefined };
  from: { provider: string; practice: string; phone: string; fax: string | undefined };
  date: string;
  /** The practice's own subject, if it gives one. */
  subject: string | undefined;
}

/** What the template and the layout receive for one letter. */
export interface LetterView {
  /** The context handed to the Handlebars template. */
  context: object;
  faxCover?: FaxCoverView;
  info: Omit<DocumentInfo, 'date'>;
  images: Partial<Record<ImageName, string>>;
}

/** One letter kind: adding a kind means one module like this and one template. */
export interface LetterKind<Schema extends z.ZodType = z.ZodType> {
  name: string;
  title: string;
  /** The `purpose` values the kind accepts (empty when it has none). */
  purposes: readonly string[];
  schema: Schema;
  template: string;
  // Method syntax keeps kinds with different schemas assignable to one registry type.
  rules(data: z.output<Schema>, context: RuleContext): Finding[];
  view(data: z.output<Schema>): LetterView;
}

/** Keeps each kind's data type while the registry holds them side by side. */
export function defineKind<Schema extends z.ZodType>(kind: LetterKind<Schema>): LetterKind<Schema> {
  return kind;
}
