import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, loadSigningCertificate } from '../../src/index.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';
import { makeP12, PASSPHRASE } from './certificates.js';

const dir = mkdtempSync(join(tmpdir(), 'lmnkit-sign-'));
const SIGNED_AT = new Date('2026-11-30T15:04:05Z');

function digitalInput(): Record<string, any> {
  const input = loadExample('lmn-insurance');
  input.provider.signature = { mode: 'digital' };
  return input;
}

describe('a digitally signed letter', () => {
  it('is signed with a PAdES signature that pdfsig finds valid', async () => {
    const signing = loadSigningCertificate(makeP12({ commonName: 'Daniel Okafor' }), PASSPHRASE);
    const { pdf } = await generate<string>('lmn', digitalInput(), {
      today: TODAY,
      signing,
      signedAt: SIGNED_AT,
    });
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    const report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    const { text } = await readPdf(pdf);
    expect(text).toContain('Digitally signed by Daniel Okafor, DC on November 30, 2026 (UTC).');
    expect(text).not.toContain('DRAFT');
    expect(text).not.toContain('Signature: ___');
  });
});
