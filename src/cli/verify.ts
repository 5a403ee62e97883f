// `lmnkit verify letter.pdf [--json]`: what a receiver can check in a letter, in plain words.
import { verifyLetter, type VerifyReport } from '../index.js';
import { readLetterFile } from './extract.js';

function describe(report: VerifyReport): string {
  const lines = [
    `lmnkit letter: yes (${report.kind ?? '?'}, dated ${report.date ?? '?'}, written by lmnkit ${report.writtenBy ?? '?'})`,
  ];
  const signature = report.signature;
  if (!signature) lines.push('signed: no');
  else {
    lines.push(
      `signed: yes, by ${signature.signer ?? '?'} (certificate issued by ${signature.issuer ?? '?'}) at ${signature.signedAt ?? '?'}`,
      `signature valid: ${signature.valid ? 'yes' : 'NO'}`,
      `covers the whole file: ${signature.coversWholeFile ? 'yes (nothing changed or added since signing)' : 'NO'}`,
      'certificate trust: not checked (compare the issuer with the one the practice gave you)',
    );
  }
  lines.push(
    `same text as its data: ${report.sameTextAsData ? 'yes' : 'NO'}`,
    `claims: ${[report.claims.pdfa, report.claims.pdfua].filter(Boolean).join(', ') || 'none'} (claimed, not validated)`,
  );
  for (const problem of report.problems) lines.push(`problem: ${problem}`);
  lines.push(report.ok ? 'verified' : 'NOT VERIFIED');
  return `${lines.join('\n')}\n`;
}

/** Prints the report; true when the letter verifies. */
export async function verify(
  path: string | undefined,
  json: boolean,
  out: NodeJS.WritableStream,
): Promise<boolean> {
  const report = await verifyLetter(await readLetterFile(path));
  out.write(json ? `${JSON.stringify(report)}\n` : describe(report));
  return report.ok;
}
