// What a digitally signed letter prints in its signature block, and says in its signature dictionary: the
// signer's name and credentials, the signing date, the certificate, the reason and the location. The same
// words come from the same certificate and date, so `lmnkit verify` can write them again to compare.
import { formatLongDate } from '../calendar.js';
import type { Seal } from '../pdf/write-pdf.js';

export interface SealParts {
  /** The signer as the letter names them, with credentials ("Daniel Okafor, DC"). */
  signer: string;
  certificateName: string;
  issuerName: string;
  /** The kind's title: what the signature is for. */
  reason: string;
  /** The practice's city and state. */
  location: string;
  signedAt: Date;
}

/** The signing time, to the second, without milliseconds (a PDF date holds no more). */
export function signingTime(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 1000) * 1000);
}

export function sealOf(parts: SealParts): Seal {
  const date = parts.signedAt.toISOString().slice(0, 10);
  return {
    name: parts.signer,
    reason: parts.reason,
    location: parts.location,
    signedAt: parts.signedAt,
    lines: [
      `Digitally signed by ${parts.signer} on ${formatLongDate(date)} (UTC).`,
      `Certificate: ${parts.certificateName}, issued by ${parts.issuerName}.`,
      `Reason: ${parts.reason}. Location: ${parts.location}.`,
    ],
  };
}
