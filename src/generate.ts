import type { z } from 'zod';
import { today as clockToday } from './calendar.js';
import { mergeIcd10cmCodeSets, type Icd10cmCodeSets } from './codes/icd10cm-code-set.js';
import { officialIcd10cmCodeSets } from './codes/icd10cm-official.js';
import { RuleError, ValidationError, type Finding, type Issue } from './errors.js';
import { renderHtml } from './html/render-html.js';
import { decodeImage, type Provider } from './letters/fields.js';
import type { LetterKind, LetterView } from './letters/kind.js';
import { IMAGE_PATHS, providerName } from './letters/letter-view.js';
import { findKind } from './letters/registry.js';
import { parseMarkup } from './markup/parse-markup.js';
import type { ImageName, LetterDocument } from './markup/document.js';
import type { Appeal } from './letters/appeal/index.js';
import type { Lmn } from './letters/lmn/index.js';
import type { Prescription } from './letters/prescription/index.js';
import type { PriorAuth } from './letters/prior-auth/index.js';
import { findUnprintable } from './pdf/fonts.js';
import { findImageProblem } from './pdf/read-image.js';
import { countPages } from './pdf/count-pages.js';
import { writePdf } from './pdf/write-pdf.js';
import { renderTemplate } from './template/render-template.js';
import { parseInput } from './letters/to-issues.js';
import { fillDraft, markPlaceholders, type Placeholder } from './letters/draft-placeholders.js';
import { signatureMode } from './letters/letter-view.js';
import { toJsonSchema } from './json-schema.js';
import { encodeLetterData, letterData } from './verify/letter-data.js';
import { certificateNames, type CertificateNames, type SigningCertificate } from './sign/certificate.js';
import { sealOf, signingTime } from './sign/seal.js';
import { signPdf } from './sign/sign-pdf.js';
import type { Seal } from './pdf/write-pdf.js';

export interface GenerateOptions {
  /** Write the letter even when rules report errors. */
  force?: boolean;
  /** Today's date (YYYY-MM-DD) for date rules; defaults to the machine's calendar date. */
  today?: string;
  /**
   * ICD-10-CM code sets to check diagnosis codes against, by fiscal year. The official FY2026
   * and FY2027 lists are built in; a set given here adds a year or replaces the built-in one.
   */
  codeSets?: Icd10cmCodeSets;
  /**
   * The certificate that signs letters whose `provider.signature.mode` is "digital" (loadSigningCertificate):
   * only when it names the signer. Without it, such a letter is refused.
   */
  signing?: SigningCertificate;
  /** The signing time of a digitally signed letter (default: now); no other letter carries a time. */
  signedAt?: Date;
  /**
   * A draft: each missing field is printed as a placeholder ("[provider's NPI]"), every page says
   * DRAFT, and findings are reported but never stop the letter. Values given must still be valid;
   * a draft with placeholders cannot be signed (signature mode for-signature or electronic).
   */
  draft?: boolean;
}

/** Letter of Medical Necessity input, as JSON would give it (before defaults and normalising). */
export type LmnInput = z.input<typeof Lmn>;
export type PrescriptionInput = z.input<typeof Prescription>;
export type PriorAuthInput = z.input<typeof PriorAuth>;
export type AppealInput = z.input<typeof Appeal>;

/** The input of each letter kind, by the kind's name. */
export interface LetterInputs {
  lmn: LmnInput;
  prescription: PrescriptionInput;
  'prior-auth': PriorAuthInput;
  appeal: AppealInput;
}

export type LetterKindName = keyof LetterInputs;

/** A known kind's input type; `unknown` for a kind chosen at run time (it is validated then). */
export type LetterInput<Kind extends string> = Kind extends LetterKindName ? LetterInputs[Kind] : unknown;

export interface CheckReport {
  ok: boolean;
  issues: Issue[];
  findings: Finding[];
}

interface Prepared {
  kind: LetterKind;
  data: unknown;
  findings: Finding[];
  /** A draft's second filling of its missing fields, and what stands for them. */
  draft?: { data: unknown; placeholders: Placeholder[] };
}

function validate(kind: LetterKind, input: unknown, today: string): unknown {
  const result = parseInput(kind.schema, input);
  if (!result.success) throw new ValidationError(result.issues);
  const issues = [
    ...findUnprintableFields(result.data),
    ...findUnreadableImages(result.data),
    ...findFutureBirthDates(result.data, today),
  ];
  if (issues.length > 0) throw new ValidationError(issues);
  return result.data;
}

function valueAt(data: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((holder, key) => (holder as Record<string, unknown> | undefined)?.[key], data);
}

const BIRTH_DATE_PATHS = ['patient.dateOfBirth'];

/** Nobody is born after today (the `today` option, or the machine's calendar date). */
function findFutureBirthDates(data: unknown, today: string): Issue[] {
  return BIRTH_DATE_PATHS.flatMap((path) => {
    const value = valueAt(data, path);
    return typeof value === 'string' && value > today
      ? [{ path, code: 'DATE_IN_FUTURE', message: 'must not be after today' }]
      : [];
  });
}

/** A PNG or JPEG header is not enough: the image must be one the PDF writer can embed. */
function findUnreadableImages(data: unknown): Issue[] {
  return Object.values(IMAGE_PATHS).flatMap((path) => {
    const value = valueAt(data, path);
    if (typeof value !== 'string') return [];
    const bytes = decodeImage(value);
    const problem = bytes ? findImageProblem(bytes) : 'could not be read as an image';
    return problem === undefined ? [] : [{ path, code: 'INVALID_IMAGE', message: problem }];
  });
}

/** Every text field must be drawable by the embedded fonts: no tofu boxes in a letter. */
function findUnprintableFields(value: unknown, path: string[] = []): Issue[] {
  if (typeof value === 'string') {
    const character = findUnprintable(value);
    if (character === undefined) return [];
    const codePoint = `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return [
      {
        path: path.join('.'),
        code: 'UNSUPPORTED_CHARACTER',
        message: `contains a character the letter's font cannot print (${codePoint})`,
      },
    ];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => findUnprintableFields(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findUnprintableFields(item, [...path, key]));
  }
  return [];
}

const merged = new WeakMap<Icd10cmCodeSets, Icd10cmCodeSets>();

/** The built-in official sets, with any year the caller loaded taking the place of ours. */
function codeSetsFor({ codeSets }: GenerateOptions): Icd10cmCodeSets {
  if (codeSets === undefined) return officialIcd10cmCodeSets();
  let sets = merged.get(codeSets);
  if (sets === undefined) {
    sets = mergeIcd10cmCodeSets(officialIcd10cmCodeSets(), codeSets);
    merged.set(codeSets, sets);
  }
  return sets;
}

/**
 * The fiscal years whose official ICD-10-CM code set the rules check codes against: the built-in
 * ones, plus any the caller loaded.
 * @example
 * icd10cmFiscalYears(); // [2026, 2027]
 */
export function icd10cmFiscalYears(codeSets?: Icd10cmCodeSets): readonly number[] {
  return codeSetsFor(codeSets === undefined ? {} : { codeSets }).fiscalYears;
}

/** A placeholder is not a fact: a letter that still has one cannot be signed. */
function refuseSignedDraft(data: unknown, placeholders: readonly Placeholder[]): void {
  const { provider } = data as { provider?: { signature?: Parameters<typeof signatureMode>[0] } };
  if (placeholders.length === 0 || signatureMode(provider?.signature) === 'draft') return;
  throw new ValidationError([
    {
      path: 'provider.signature.mode',
      code: 'DRAFT_NOT_SIGNABLE',
      message: `must be draft while fields are missing (${placeholders.map(({ path }) => path).join(', ')})`,
    },
  ]);
}

/** A preview may show a draft's placeholders whatever the signature mode: it says DRAFT and signs nothing. */
function prepare(kindName: string, input: unknown, options: GenerateOptions, forPreview = false): Prepared {
  const kind = findKind(kindName);
  const today = options.today ?? clockToday();
  const context = { today, codeSets: codeSetsFor(options) };
  if (!options.draft) {
    const data = validate(kind, input, today);
    return { kind, data, findings: kind.rules(data, context) };
  }
  const filled = fillDraft(kind.schema, toJsonSchema(kind.schema), input);
  const data = validate(kind, filled.first, today);
  if (!forPreview) refuseSignedDraft(data, filled.placeholders);
  const stoodIn = (path: string) =>
    filled.placeholders.some(
      (placeholder) => path === placeholder.path || path.startsWith(`${placeholder.path}.`),
    );
  // Findings about a stand-in value say nothing about the letter.
  const findings = kind.rules(data, context).filter((finding) => !stoodIn(finding.path));
  return {
    kind,
    data,
    findings,
    draft: { data: validate(kind, filled.second, today), placeholders: filled.placeholders },
  };
}

function decodeImages(view: LetterView): Partial<Record<ImageName, Uint8Array>> {
  const images: Partial<Record<ImageName, Uint8Array>> = {};
  for (const [name, encoded] of Object.entries(view.images) as [ImageName, string][]) {
    const bytes = decodeImage(encoded);
    if (bytes) images[name] = bytes;
  }
  return images;
}

/**
 * The template's context; with a fax cover sheet, also its page count (all pages, the cover included,
 * or undefined before layout) and its subject (the kind's title unless the practice gave one).
 */
function templateContext(kind: LetterKind, view: LetterView, pages: number | undefined): object {
  if (!view.faxCover) return view.context;
  const faxCover = { ...view.faxCover, subject: view.faxCover.subject ?? kind.title, pages };
  return { ...view.context, faxCover };
}

/** The letter; a draft's with its placeholders marked (README "Drafts"). */
function buildLetter({ kind, data, draft }: Prepared, pages?: number): LetterDocument {
  const document = buildDocument(kind, data, pages);
  if (draft === undefined) return document;
  return markPlaceholders(document, buildDocument(kind, draft.data, pages), {
    first: data,
    second: draft.data,
    placeholders: draft.placeholders,
  });
}

function buildDocument(kind: LetterKind, data: unknown, pages?: number): LetterDocument {
  // Every kind's schema requires the letter's date: the PDF's dates come from it, never the clock.
  const { date } = data as { date: string };
  const view = kind.view(data);
  const markup = renderTemplate(kind.template, templateContext(kind, view, pages));
  return {
    info: { ...view.info, date },
    blocks: parseMarkup(markup, kind.template),
    images: decodeImages(view),
  };
}

/**
 * What a digitally signed letter prints in its signature block; none for other modes. A digital letter needs
 * a certificate that names its signer (an input problem otherwise: the letter cannot be what it says).
 */
function digitalSeal(
  { kind, data }: Prepared,
  signing: CertificateNames | undefined,
  signedAt: Date | undefined,
): Seal | undefined {
  const { provider } = data as { provider: Provider };
  if (provider.signature?.mode !== 'digital') return undefined;
  const path = 'provider.signature.mode';
  if (!signing) {
    const message =
      'is digital, but no signing certificate was given (lmnkit render --sign, or LMNKIT_SIGNING_P12)';
    throw new ValidationError([{ path, code: 'SIGNING_CERTIFICATE_REQUIRED', message }]);
  }
  if (!certificateNames(signing, provider)) {
    const message =
      "is digital, but the signing certificate names someone else (its name or NPI is not the signer's)";
    throw new ValidationError([{ path, code: 'SIGNER_NOT_CERTIFIED', message }]);
  }
  const { address } = provider.practice;
  return sealOf({
    signer: providerName(provider),
    certificateName: signing.commonName,
    issuerName: signing.issuerName,
    reason: kind.title,
    location: `${address.city}, ${address.state}`,
    signedAt: signingTime(signedAt ?? new Date()),
  });
}

/** What the letter embeds as lmnkit-letter.json: the validated input, its images by hash. */
function embeddedData({ kind, data }: Prepared) {
  return letterData(kind.name, data, Object.values(IMAGE_PATHS), decodeImage, () =>
    toJsonSchema(kind.schema),
  );
}

/**
 * Validates the input, checks it against the kind's rules and writes the letter as PDF.
 * Throws ValidationError (bad input), RuleError (blocking findings without `force`) or UnknownKindError.
 * @example
 * const { pdf, findings } = await generate('lmn', input);
 */
export async function generate<Kind extends string>(
  kind: Kind,
  input: LetterInput<Kind>,
  options: GenerateOptions = {},
): Promise<{ pdf: Uint8Array; findings: Finding[] }> {
  const prepared = prepare(kind, input, options);
  // A draft shows its findings but is never stopped by them.
  if (!options.force && !options.draft && prepared.findings.some((finding) => finding.level === 'error')) {
    throw new RuleError(prepared.findings);
  }
  const seal = digitalSeal(prepared, options.signing, options.signedAt);
  const pdf = await writeLetter(prepared, seal);
  return { pdf: seal && options.signing ? signPdf(pdf, options.signing) : pdf, findings: prepared.findings };
}

async function writeLetter(prepared: Prepared, seal: Seal | undefined): Promise<Uint8Array> {
  // A draft's data holds stand-ins for its missing fields: it is not the letter's data to embed.
  const data = prepared.draft ? undefined : encodeLetterData(embeddedData(prepared));
  const write = (pages?: number) =>
    writePdf(buildLetter(prepared, pages), { kind: prepared.kind.name, ...(data && { data }), seal });
  const pdf = await write();
  if ((prepared.data as { coverSheet?: string }).coverSheet !== 'fax') return pdf;
  // The cover states the page count, known once laid out: the cover is a page of its own, so a second
  // layout with the count printed has the same pages.
  return write(countPages(pdf));
}

/**
 * The letter the embedded data of a letter writes again, unsigned (findings never block it): what
 * `verifyLetter` compares the letter's text with. A signed letter's seal is written from its certificate
 * and signing time.
 */
export function writeAgain(
  kind: string,
  input: unknown,
  signature?: { certificate: CertificateNames; signedAt: Date },
): Promise<Uint8Array> {
  const prepared = prepare(kind, input, {});
  return writeLetter(prepared, digitalSeal(prepared, signature?.certificate, signature?.signedAt));
}

/**
 * Reports every input problem and every finding without writing anything.
 * @example
 * const { ok, issues, findings } = check('lmn', input);
 */
export function check(kind: string, input: unknown, options: GenerateOptions = {}): CheckReport {
  try {
    const { findings } = prepare(kind, input, options);
    const blocked = !options.draft && findings.some((finding) => finding.level === 'error');
    return { ok: !blocked, issues: [], findings };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, issues: [...error.issues], findings: [] };
    throw error;
  }
}

/**
 * The letter as a standalone HTML page, from the same template and markup as the PDF.
 * Findings never block a preview; invalid input throws ValidationError.
 * @example
 * const html = preview('lmn', input);
 */
export function preview<Kind extends string>(
  kind: Kind,
  input: LetterInput<Kind>,
  options: GenerateOptions = {},
): string {
  const prepared = prepare(kind, input, options, true);
  return renderHtml(buildLetter(prepared));
}
