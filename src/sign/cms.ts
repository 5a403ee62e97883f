// The CMS SignedData of a PAdES baseline B-B signature (SubFilter ETSI.CAdES.detached): detached content,
// SHA-256, and the signed attributes content-type, message-digest and signing-certificate-v2 (ESS, RFC 5035)
// but no signing-time: PAdES takes the claimed signing time from the signature dictionary's /M.
// @signpdf/signer-p12 signs content-type, signing-time and message-digest only, so lmnkit builds its own.
import { createHash, sign } from 'node:crypto';
import forge from 'node-forge';
import type { SigningCertificate } from './certificate.js';

const { asn1 } = forge;
const { Class, Type } = asn1;

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
} as const;

type Node = forge.asn1.Asn1;

const binary = (bytes: Uint8Array): string => Buffer.from(bytes).toString('binary');
const oid = (value: string): Node =>
  asn1.create(Class.UNIVERSAL, Type.OID, false, asn1.oidToDer(value).getBytes());
const sequence = (items: Node[]): Node => asn1.create(Class.UNIVERSAL, Type.SEQUENCE, true, items);
const set = (items: Node[]): Node => asn1.create(Class.UNIVERSAL, Type.SET, true, items);
const octets = (bytes: Uint8Array): Node =>
  asn1.create(Class.UNIVERSAL, Type.OCTETSTRING, false, binary(bytes));
const integer = (value: number): Node =>
  asn1.create(Class.UNIVERSAL, Type.INTEGER, false, asn1.integerToDer(value).getBytes());
const algorithm = (id: string): Node =>
  sequence([oid(id), asn1.create(Class.UNIVERSAL, Type.NULL, false, '')]);
/** A constructed [n] context-specific node: forge types its tag as a universal Type, which [n] is not. */
function tagged(tag: number, items: Node[]): Node {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- context-specific tag numbers
  return asn1.create(Class.CONTEXT_SPECIFIC, tag, true, items);
}
const fromDer = (bytes: Uint8Array): Node => asn1.fromDer(binary(bytes));
const der = (node: Node): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

function attribute(type: string, value: Node): Node {
  return sequence([oid(type), set([value])]);
}

/** The certificate's issuer and serial number, as its TBSCertificate holds them. */
function issuerAndSerial(certificate: Uint8Array): { issuer: Node; serial: Node } {
  const tbs = (fromDer(certificate).value as Node[])[0];
  const fields = (tbs?.value ?? []) as Node[];
  // TBSCertificate: [0] version (explicit, optional), serialNumber, signature, issuer, …
  const offset = fields[0]?.tagClass === Class.CONTEXT_SPECIFIC ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) throw new Error('certificate without issuer or serial number');
  return { issuer, serial };
}

function signingCertificateV2(certificate: Uint8Array): Node {
  const { issuer, serial } = issuerAndSerial(certificate);
  const hash = createHash('sha256').update(certificate).digest();
  // ESSCertIDv2 { hashAlgorithm DEFAULT sha256 (left out), certHash, issuerSerial { GeneralNames, serial } }
  const directoryName = tagged(4, [issuer]);
  const issuerSerial = sequence([sequence([directoryName]), serial]);
  return sequence([sequence([sequence([octets(hash), issuerSerial])])]);
}

/** The DER SignedData over `digest` (the SHA-256 of the signed byte ranges). */
export function signedData(digest: Uint8Array, certificate: SigningCertificate): Uint8Array {
  const [own = new Uint8Array()] = certificate.certificates;
  const signedAttributes = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, signingCertificateV2(own)),
  ];
  // The signature is over the attributes' DER as a SET (RFC 5652 §5.4), stored as [0] IMPLICIT.
  const signature = sign('sha256', der(set(signedAttributes)), certificate.key);
  const { issuer, serial } = issuerAndSerial(own);
  const signerInfo = sequence([
    integer(1),
    sequence([issuer, serial]),
    algorithm(OID.sha256),
    tagged(0, signedAttributes),
    algorithm(OID.rsaEncryption),
    octets(signature),
  ]);
  const content = sequence([
    integer(1),
    set([algorithm(OID.sha256)]),
    sequence([oid(OID.data)]),
    tagged(0, certificate.certificates.map(fromDer)),
    set([signerInfo]),
  ]);
  return der(sequence([oid(OID.signedData), tagged(0, [content])]));
}
