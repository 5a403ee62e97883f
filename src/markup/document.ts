// The document tree: the contract between templates (via markup) and layout (pdf/, html/).

export interface TextRun {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface LineBreak {
  kind: 'break';
}

export type Inline = TextRun | LineBreak;

/** A named image supplied beside the markup (`logo`, `signature`), never inline data. */
export type ImageName = 'logo' | 'signature';

export interface Letterhead {
  kind: 'letterhead';
  title: Inline[];
  lines: Inline[][];
  logo: ImageName | null;
}

export interface Heading {
  kind: 'heading';
  level: 1 | 2 | 3;
  content: Inline[];
}

export interface Paragraph {
  kind: 'paragraph';
  /** `note` is small print (disclaimers, certifications of form). */
  style: 'body' | 'note';
  content: Inline[];
}

/** The RE: block under the recipient. */
export interface Subject {
  kind: 'subject';
  content: Inline[];
}

export interface List {
  kind: 'list';
  ordered: boolean;
  items: Inline[][];
}

export interface Table {
  kind: 'table';
  head: Inline[][];
  body: Inline[][][];
}

export interface SignatureImage {
  kind: 'image';
  name: ImageName;
}

/** Closing, signature and signer lines: laid out as one unit, never split across pages. */
export interface Signature {
  kind: 'signature';
  parts: (Paragraph | SignatureImage)[];
}

/** Starts a new page: the cover page and the claim-packet page sit on pages of their own. */
export interface PageBreak {
  kind: 'pagebreak';
}

/** The blocks of the letter's pages: they are numbered "Page 1 of N" of the letter. */
export type FlowBlock = Letterhead | Heading | Paragraph | Subject | List | Table | Signature | PageBreak;

/**
 * Pages printed with the letter but not part of it (the patient's cover page, the claim packet): they start on
 * a page of their own, and carry neither the letter's page numbers nor its continuation header.
 */
export interface Aside {
  kind: 'aside';
  blocks: FlowBlock[];
  /** The aside's language when it is not the letter's English (the Spanish cover page). */
  lang?: 'es';
}

export type Block = FlowBlock | Aside;

/** Everything the layout needs besides the blocks; it comes from the letter data, never the clock. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  /** The letter's calendar date, YYYY-MM-DD: the PDF's creation date and the source of its /ID. */
  date: string;
  /** Printed at the top of continuation pages (patient name and date of birth). */
  runningHeader: string;
  /** Printed at the bottom of every page. */
  footer: string;
  /** Unsigned letters carry a DRAFT mark on every page. */
  draft: boolean;
}

export interface LetterDocument {
  info: DocumentInfo;
  blocks: Block[];
  images: Partial<Record<ImageName, Uint8Array>>;
}
