// Checks a letter's PDF signature: that its /ByteRange covers the whole file but the /Contents hole (so
// nothing was appended after signing), that the CMS message digest is the SHA-256 of those bytes, that the
// signer's certificate verifies the signature over the signed attributes, and that signing-certificate-v2
// names that certificate. It does not decide whether to trust the certificate's issuer.
import { createHash, verify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { OID } from '../sign/cms.js';
import { Name, PdfFile, textOf, type PdfDict } from './pdf-file.js';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

export interface SignatureCheck {
  /** The certificate holder's common name and the issuer's. */
  signer?: string;
  issuer?: string;
  /** The subject's serialNumber when it is an NPI. */
  npi?: string;
  /** The claimed signing time (/M), as ISO 8601. */
  signedAt?: string;
  subFilter?: string;
  reason?: string;
  location?: string;
  /** The CMS signature verifies with the signer's certificate and matches the signed bytes. */
  valid: boolean;
  /** The signed bytes are the whole file but the signature itself: nothing was added or changed since. */
  coversWholeFile: boolean;
  /** What failed, in words; empty when the signature is valid and covers the file. */
  problems: string[];
}

const children = (node: Node | undefined): Node[] => (Array.isArray(node?.value) ? node.value : []);
const bytesOf = (node: Node | undefined): Buffer =>
  Buffer.from(typeof node?.value === 'string' ? node.value : '', 'binary');
const oidOf = (node: Node | undefined): string =>
  typeof node?.value === 'string' ? asn1.derToOid(node.value) : '';

function pdfDate(value: string | undefined): Date | undefined {
  const match = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(value ?? '');
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second));
}

/** The signature dictionary of the first signature field in the AcroForm. */
export function findSignature(file: PdfFile): PdfDict | undefined {
  const fields = file.resolve(file.dict(file.catalog().get('AcroForm'))?.get('Fields'));
  if (!Array.isArray(fields)) return undefined;
  for (const field of fields) {
    const dict = file.dict(field);
    const type = dict?.get('FT');
    if (type instanceof Name && type.name === 'Sig') return file.dict(dict?.get('V'));
  }
  return undefined;
}

function commonName(certificate: X509Certificate, part: 'subject' | 'issuer'): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(certificate[part])?.[1] ?? '';
}

function npiOf(certificate: X509Certificate): string | undefined {
  return /(?:^|\n)serialNumber=(?:NPI[:\s-]*)?(\d{10})(?:\n|$)/i.exec(certificate.subject)?.[1];
}

export function checkSignature(file: PdfFile, signature: PdfDict): SignatureCheck {
  const problems: string[] = [];
  const subFilter = file.resolve(signature.get('SubFilter'));
  const signedAt = pdfDate(textOf(file.resolve(signature.get('M'))));
  const report: SignatureCheck = {
    valid: false,
    coversWholeFile: false,
    problems,
    ...(subFilter instanceof Name && { subFilter: subFilter.name }),
    ...(signedAt && { signedAt: signedAt.toISOString() }),
  };
  const reason = textOf(file.resolve(signature.get('Reason')));
  const location = textOf(file.resolve(signature.get('Location')));
  if (reason !== undefined) report.reason = reason;
  if (location !== undefined) report.location = location;

  const bytes = file.bytes;
  const range = file.resolve(signature.get('ByteRange'));
  const [start, holeStart, holeEnd, tailLength] = Array.isArray(range) ? range : [];
  if (
    start !== 0 ||
    typeof holeStart !== 'number' ||
    typeof holeEnd !== 'number' ||
    typeof tailLength !== 'number' ||
    holeEnd <= holeStart ||
    bytes[holeStart] !== 0x3c ||
    bytes[holeEnd - 1] !== 0x3e
  ) {
    problems.push('its byte range is not the file around the signature');
    return report;
  }
  report.coversWholeFile = holeEnd + tailLength === bytes.length;
  if (!report.coversWholeFile) problems.push('the file was changed or added to after it was signed');

  const contents = file.resolve(signature.get('Contents'));
  if (!(contents instanceof Uint8Array) || contents.length === 0) {
    problems.push('it holds no signature');
    return report;
  }
  try {
    const signed = createHash('sha256')
      .update(bytes.subarray(0, holeStart))
      .update(bytes.subarray(holeEnd, holeEnd + tailLength))
      .digest();
    const failures = checkCms(Buffer.from(contents), signed, report);
    report.valid = failures.length === 0;
    problems.push(...failures);
  } catch {
    problems.push('its signature cannot be read');
  }
  return report;
}

/** Fills in the signer; returns what fails in the CMS signature (nothing when it is valid). */
function checkCms(contents: Buffer, signedDigest: Buffer, report: SignatureCheck): string[] {
  const problems: string[] = [];
  const root = asn1.fromDer(derOnly(contents).toString('binary'));
  const signedData = children(children(children(root)[1])[0]);
  const certificates = children(signedData.find((node) => node.tagClass === asn1.Class.CONTEXT_SPECIFIC));
  const signerInfo = children(children(signedData.at(-1))[0]);
  const [, sid, , signedAttributes, , signatureValue] = signerInfo;
  if (!signedAttributes || signedAttributes.tagClass !== asn1.Class.CONTEXT_SPECIFIC) {
    problems.push('its signature has no signed attributes');
    return problems;
  }
  const serial = bytesOf(children(sid)[1]);
  const certificate = certificates
    .map((node) => new X509Certificate(Buffer.from(asn1.toDer(node).getBytes(), 'binary')))
    .find((candidate) => Buffer.from(candidate.serialNumber, 'hex').equals(stripSign(serial)));
  if (!certificate) {
    problems.push("its signer's certificate is missing");
    return problems;
  }
  report.signer = commonName(certificate, 'subject');
  report.issuer = commonName(certificate, 'issuer');
  const npi = npiOf(certificate);
  if (npi !== undefined) report.npi = npi;

  const attributes = new Map(
    children(signedAttributes).map((attribute) => [
      oidOf(children(attribute)[0]),
      children(children(attribute)[1])[0],
    ]),
  );
  if (!bytesOf(attributes.get(OID.messageDigest)).equals(signedDigest))
    problems.push('the signed bytes were changed after signing');
  const essCertificate = children(children(children(attributes.get(OID.signingCertificateV2))[0])[0]);
  const essHash = bytesOf(essCertificate.find((node) => node.type === asn1.Type.OCTETSTRING));
  if (!essHash.equals(createHash('sha256').update(certificate.raw).digest()))
    problems.push('it lacks the signing-certificate-v2 attribute that PAdES requires');

  // The signature is over the attributes' DER as a SET, not as the [0] they are stored as.
  const asSet = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children(signedAttributes));
  const attributesDer = Buffer.from(asn1.toDer(asSet).getBytes(), 'binary');
  if (!verify('sha256', attributesDer, certificate.publicKey, bytesOf(signatureValue)))
    problems.push("the signature does not verify with the signer's certificate");
  return problems;
}

/** The DER element at the start of the /Contents hole, without the zeros that pad the hole. */
function derOnly(contents: Buffer): Buffer {
  const first = contents[1] ?? 0;
  if (first < 0x80) return contents.subarray(0, 2 + first);
  const count = first & 0x7f;
  if (count > 4) throw new Error('length out of range');
  const length = contents.subarray(2, 2 + count).reduce((value, byte) => value * 256 + byte, 0);
  return contents.subarray(0, 2 + count + length);
}

/** DER integers carry a leading zero byte when their top bit is set; X509Certificate's serial does not. */
function stripSign(serial: Buffer): Buffer {
  let start = 0;
  while (start < serial.length - 1 && serial[start] === 0) start++;
  return serial.subarray(start);
}
