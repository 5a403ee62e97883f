// What a receiver can check in a letter, without trusting it: that it is a lmnkit letter with its data, its
// kind and date, whether and by whom it is signed, whether the signature is valid and covers the whole file,
// whether its data writes the same visible text again, and which PDF/A and PDF/UA parts it claims.
import { LmnkitError } from '../errors.js';
import { writeAgain } from '../generate.js';
import { LETTER_DATA_NAME } from '../pdf/archival.js';
import { certificateNames } from '../sign/certificate.js';
import { checkSignature, findSignature, type SignatureCheck } from './check-signature.js';
import { LETTER_DATA_FORMAT, type LetterData } from './letter-data.js';
import { pageTexts } from './page-text.js';
import { PdfFile, UnreadablePdf } from './pdf-file.js';

/** The file is not a PDF lmnkit can read, or carries no lmnkit letter data. */
export class NotALetterError extends LmnkitError {
  static readonly code = 'NOT_A_LMNKIT_LETTER';

  constructor(message: string) {
    super(NotALetterError.code, message);
  }
}

export interface VerifyReport {
  /** Everything checked holds: a lmnkit letter, its text from its data, and a valid signature if it says it has one. */
  ok: boolean;
  lmnkitLetter: boolean;
  kind?: string;
  /** The letter's date (YYYY-MM-DD). */
  date?: string;
  /** The lmnkit version that wrote it. */
  writtenBy?: string;
  /** Whether the letter's data, written again, shows the same text on every page. */
  sameTextAsData?: boolean;
  /** The signature's checks; absent when the file carries no signature. */
  signature?: SignatureCheck;
  /** What the file claims (its XMP metadata): checked for presence, not validated against the standards. */
  claims: { pdfa?: string; pdfua?: string };
  /** Every failure, in words. */
  problems: string[];
}

function openFile(pdf: Uint8Array): PdfFile {
  return readable(() => new PdfFile(pdf));
}

function readData(file: PdfFile): LetterData {
  const embedded = file.embeddedFile(LETTER_DATA_NAME);
  if (!embedded)
    throw new NotALetterError(`The file carries no ${LETTER_DATA_NAME}: it is not a lmnkit letter.`);
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(embedded.bytes).toString('utf8'));
  } catch {
    throw new NotALetterError(`The file's ${LETTER_DATA_NAME} is not JSON.`);
  }
  const envelope = data as Partial<LetterData> | null;
  if (
    envelope?.format !== LETTER_DATA_FORMAT ||
    typeof envelope.kind !== 'string' ||
    typeof envelope.input !== 'object'
  )
    throw new NotALetterError(`The file's ${LETTER_DATA_NAME} is not in the ${LETTER_DATA_FORMAT} format.`);
  return envelope as LetterData;
}

/**
 * The letter data a lmnkit letter carries (lmnkit-letter.json): the validated input, images by hash.
 * @throws {NotALetterError} when the file is not a readable PDF or carries no letter data.
 */
export function extractLetterData(pdf: Uint8Array): LetterData {
  return readable(() => readData(openFile(pdf)));
}

/** Whatever lmnkit cannot follow in the file makes it no letter to check. */
function readable<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnreadablePdf)
      throw new NotALetterError(`The file is not a PDF lmnkit can read: ${error.message}.`);
    throw error;
  }
}

function readClaims(file: PdfFile): VerifyReport['claims'] {
  const xmp = Buffer.from(file.decoded(file.catalog().get('Metadata')) ?? new Uint8Array()).toString('utf8');
  const part = /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmp)?.[1];
  const conformance = /<pdfaid:conformance>([ABU])<\/pdfaid:conformance>/.exec(xmp)?.[1];
  const ua = /<pdfuaid:part>(\d)<\/pdfuaid:part>/.exec(xmp)?.[1];
  return {
    ...(part && { pdfa: `PDF/A-${part}${(conformance ?? '').toLowerCase()}` }),
    ...(ua && { pdfua: `PDF/UA-${ua}` }),
  };
}

const sameText = (a: string[][], b: string[][]): boolean =>
  a.length === b.length && a.every((page, index) => page.join('\n') === b[index]?.join('\n'));

/**
 * Checks a letter (README "Trust: what a receiver can check"). Never throws for a letter that fails a check:
 * the report says which; throws NotALetterError only when there is no letter to check.
 */
export async function verifyLetter(pdf: Uint8Array): Promise<VerifyReport> {
  const file = openFile(pdf);
  const data = readable(() => readData(file));
  const problems: string[] = [];
  const input = data.input as {
    date?: unknown;
    provider?: Parameters<typeof certificateNames>[1] & { signature?: { mode?: string } };
  };
  const report: VerifyReport = {
    ok: false,
    lmnkitLetter: true,
    kind: data.kind,
    writtenBy: data.lmnkit,
    claims: readable(() => readClaims(file)),
    problems,
    ...(typeof input.date === 'string' && { date: input.date }),
  };
  const signatureDict = readable(() => findSignature(file));
  const digital = input.provider?.signature?.mode === 'digital';
  let signature: SignatureCheck | undefined;
  if (signatureDict) {
    signature = readable(() => checkSignature(file, signatureDict));
    report.signature = signature;
    problems.push(...signature.problems.map((problem) => `signature: ${problem}`));
  } else if (digital) {
    problems.push('signature: the letter says it is digitally signed, but the file carries no signature');
  }
  // A digital letter's signer lines come from its signature: without one they cannot be written again.
  if (digital && !signature) {
    report.ok = false;
    return report;
  }
  try {
    const names = signature && {
      commonName: signature.signer ?? '',
      issuerName: signature.issuer ?? '',
      npi: signature.npi,
    };
    const again = await writeAgain(
      data.kind,
      data.input,
      digital && names && signature?.signedAt !== undefined
        ? { certificate: names, signedAt: new Date(signature.signedAt) }
        : undefined,
    );
    report.sameTextAsData = sameText(pageTexts(file), pageTexts(new PdfFile(again)));
    if (!report.sameTextAsData) problems.push('text: the pages do not show the text the letter data writes');
  } catch (error) {
    if (!(error instanceof LmnkitError) && !(error instanceof UnreadablePdf)) throw error;
    report.sameTextAsData = false;
    problems.push(
      error instanceof UnreadablePdf
        ? `text: the pages cannot be read (${error.message})`
        : `text: the letter data does not write a letter (${error.message})`,
    );
  }
  report.ok = problems.length === 0;
  return report;
}
