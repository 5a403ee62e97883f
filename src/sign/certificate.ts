// A signing certificate from a PKCS#12 file (.p12/.pfx): the private key, its certificate and the chain,
// and the names the certificate gives its holder. The key never leaves this object; nothing logs it.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { LmnkitError } from '../errors.js';

/** The PKCS#12 file cannot be used to sign: wrong passphrase, no key, no certificate for the key. */
export class SigningCertificateError extends LmnkitError {
  static readonly code = 'SIGNING_CERTIFICATE_UNUSABLE';

  constructor(message: string) {
    super(SigningCertificateError.code, message);
  }
}

/** The X.520 serialNumber attribute: where a certificate for a person may carry an identifier (here an NPI). */
const SERIAL_NUMBER_OID = '2.5.4.5';
/** PKCS#12 bag types (RFC 7292 §4.2). */
const BAGS = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  certificate: '1.2.840.113549.1.12.10.1.3',
} as const;

export interface SigningCertificate {
  /** The subject's common name: the signer the certificate names. */
  readonly commonName: string;
  /** The subject's serialNumber attribute, when it is a 10-digit NPI ("NPI:1234567893" or the digits). */
  readonly npi: string | undefined;
  readonly issuerName: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** DER of the signer's certificate, then any other certificate of the file (its chain). */
  readonly certificates: readonly Uint8Array[];
  readonly key: KeyObject;
}

function commonNameOf(name: forge.pki.Certificate['subject']): string {
  const field = name.getField('CN') as { value?: unknown } | null;
  const value = field?.value;
  return typeof value === 'string' ? value : '';
}

function npiOf(certificate: forge.pki.Certificate): string | undefined {
  const field = certificate.subject.attributes.find((attribute) => attribute.type === SERIAL_NUMBER_OID);
  const match =
    typeof field?.value === 'string' ? /^(?:NPI[:\s-]*)?(\d{10})$/i.exec(field.value.trim()) : null;
  return match?.[1];
}

const toDer = (certificate: forge.pki.Certificate): Uint8Array =>
  Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');

/**
 * Opens a PKCS#12 file with its passphrase. Only RSA keys are supported (node-forge reads no other kind
 * from PKCS#12).
 * @throws {SigningCertificateError} with a message that never repeats the passphrase.
 */
export function loadSigningCertificate(p12: Uint8Array, passphrase: string): SigningCertificate {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(Buffer.from(p12).toString('binary'));
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch {
    throw new SigningCertificateError(
      'The signing certificate cannot be opened: it is not a PKCS#12 (.p12/.pfx) file, or the passphrase is wrong.',
    );
  }
  const bags = (type: string): forge.pkcs12.Bag[] => parsed.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(BAGS.shroudedKey), ...bags(BAGS.key)];
  const privateKey = keyBags[0]?.key;
  if (!privateKey)
    throw new SigningCertificateError('The signing certificate file holds no RSA private key to sign with.');
  const certificates = bags(BAGS.certificate)
    .map((bag) => bag.cert)
    .filter((certificate): certificate is forge.pki.Certificate => certificate !== undefined);
  const own = certificates.find((certificate) => {
    const publicKey = certificate.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n.equals(privateKey.n) && publicKey.e.equals(privateKey.e);
  });
  if (!own)
    throw new SigningCertificateError(
      'The signing certificate file holds no certificate for its private key.',
    );
  const key = createPrivateKey(forge.pki.privateKeyToPem(privateKey));
  const ownDer = toDer(own);
  const x509 = new X509Certificate(ownDer);
  return {
    commonName: commonNameOf(own.subject),
    npi: npiOf(own),
    issuerName: commonNameOf(own.issuer),
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    certificates: [ownDer, ...certificates.filter((other) => other !== own).map(toDer)],
    key,
  };
}

/** Names compared as people write them: case, spacing, periods and commas do not matter. */
function normalName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** What a certificate says of its holder and issuer: enough to match a signer and print the seal. */
export type CertificateNames = Pick<SigningCertificate, 'commonName' | 'npi' | 'issuerName'>;

export interface Signer {
  firstName: string;
  lastName: string;
  npi: string;
}

/**
 * Whether the certificate names this signer: the NPI in its subject's serialNumber equals the signer's,
 * or (without one) its common name is the signer's "First Last" (credentials after a comma allowed).
 * A certificate with an NPI for someone else never matches by name.
 */
export function certificateNames(certificate: CertificateNames, signer: Signer): boolean {
  if (certificate.npi !== undefined) return certificate.npi === signer.npi;
  const commonName = normalName(certificate.commonName.split(',')[0] ?? '');
  return commonName !== '' && commonName === normalName(`${signer.firstName} ${signer.lastName}`);
}
