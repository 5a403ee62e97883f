// Throwaway signing certificates, made at test time (no key is ever committed): a self-signed CA and a
// signer's certificate it issues, packed as PKCS#12 like a clinic's .p12 file.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export const PASSPHRASE = 'test-only passphrase';

export interface CertificateSubject {
  commonName: string;
  /** Written as the subject's serialNumber attribute ("NPI:…"). */
  npi?: string;
}

function rsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    privateKey: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey),
  };
}

function certificate(
  subject: forge.pki.CertificateField[],
  issuer: forge.pki.CertificateField[],
  publicKey: forge.pki.rsa.PublicKey,
  signingKey: forge.pki.rsa.PrivateKey,
  serial: string,
  ca: boolean,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial;
  cert.validity.notBefore = new Date(Date.UTC(2025, 0, 1));
  cert.validity.notAfter = new Date(Date.UTC(2035, 0, 1));
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(
    ca
      ? [
          { name: 'basicConstraints', cA: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true },
        ]
      : [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
        ],
  );
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
}

/** A PKCS#12 file with the signer's key, its certificate and the issuing test CA. */
export function makeP12(subject: CertificateSubject, passphrase = PASSPHRASE): Uint8Array {
  const caKeys = rsaKeys();
  const caName = [{ shortName: 'CN', value: 'lmnkit test CA (throwaway)' }];
  const ca = certificate(caName, caName, caKeys.publicKey, caKeys.privateKey, '01', true);
  const keys = rsaKeys();
  const name: forge.pki.CertificateField[] = [{ shortName: 'CN', value: subject.commonName }];
  if (subject.npi !== undefined) name.push({ type: '2.5.4.5', value: `NPI:${subject.npi}` });
  const own = certificate(name, caName, keys.publicKey, caKeys.privateKey, '02', false);
  const p12 = forge.pkcs12.toPkcs12Asn1(keys.privateKey, [own, ca], passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}
