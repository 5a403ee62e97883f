import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, loadSigningCertificate, verifyLetter } from '../../src/index.js';
import { loadExample, TODAY } from '../support/pdf.js';
import { makeP12, PASSPHRASE } from '../sign/certificates.js';
import { withByteChanged, withPageAppended, withSignatureStripped } from './tamper.js';

const dir = mkdtempSync(join(tmpdir(), 'lmnkit-verify-'));
const CLI = new URL('../../dist/cli/bin.js', import.meta.url).pathname;

function save(name: string, pdf: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}

/** pdfsig's report (it exits non-zero for some failures; the words are what matter). */
function pdfsig(file: string): string {
  const { stdout, stderr } = spawnSync('pdfsig', [file], { encoding: 'utf8' });
  return stdout + stderr;
}

function lmnkitVerify(file: string): { status: number | null; report: Record<string, any> } {
  const { status, stdout } = spawnSync('node', [CLI, 'verify', file, '--json'], { encoding: 'utf8' });
  return { status, report: JSON.parse(stdout) as Record<string, any> };
}

const signing = loadSigningCertificate(
  makeP12({ commonName: 'Dr. Daniel Okafor', npi: '1558598797' }),
  PASSPHRASE,
);

async function signedLetter(): Promise<Uint8Array> {
  const input = loadExample('lmn-insurance');
  input.provider.signature = { mode: 'digital' };
  const options = { today: TODAY, signing, signedAt: new Date('2026-11-30T15:04:05Z') };
  return (await generate<string>('lmn', input, options)).pdf;
}

describe('lmnkit verify', () => {
  it('verifies a signed letter that pdfsig also finds valid and complete', async () => {
    const file = save('signed.pdf', await signedLetter());
    const poppler = pdfsig(file);
    expect(poppler).toContain('Signature Validation: Signature is Valid.');
    expect(poppler).toContain('Total document signed');
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain(
      'No syntax or stream encoding errors',
    );
    const { status, report } = lmnkitVerify(file);
    expect(status).toBe(0);
    expect(report).toMatchObject({
      ok: true,
      lmnkitLetter: true,
      kind: 'lmn',
      date: '2026-11-20',
      sameTextAsData: true,
      claims: { pdfa: 'PDF/A-3b', pdfua: 'PDF/UA-1' },
      signature: {
        signer: 'Dr. Daniel Okafor',
        npi: '1558598797',
        subFilter: 'ETSI.CAdES.detached',
        signedAt: '2026-11-30T15:04:05.000Z',
        valid: true,
        coversWholeFile: true,
        problems: [],
      },
      problems: [],
    });
  });

  it('fails a letter with one changed byte, as pdfsig does', async () => {
    const file = save('changed.pdf', withByteChanged(await signedLetter()));
    expect(pdfsig(file)).toContain('Signature Validation: Digest Mismatch.');
    const { status, report } = lmnkitVerify(file);
    expect(status).toBe(3);
    expect(report.ok).toBe(false);
    expect(report.signature.valid).toBe(false);
    expect(report.problems).toContain('signature: the signed bytes were changed after signing');
  });

  it('fails a letter with a page appended after signing, which pdfsig reports as not wholly signed', async () => {
    const file = save('appended.pdf', withPageAppended(await signedLetter()));
    expect(pdfsig(file)).toContain('Not total document signed');
    const { status, report } = lmnkitVerify(file);
    expect(status).toBe(3);
    expect(report.signature.coversWholeFile).toBe(false);
    expect(report.sameTextAsData).toBe(false);
    expect(report.problems).toEqual([
      'signature: the file was changed or added to after it was signed',
      'text: the pages do not show the text the letter data writes',
    ]);
  });

  it('fails a digitally signed letter whose signature was stripped, which pdfsig finds unsigned', async () => {
    const file = save('stripped.pdf', withSignatureStripped(await signedLetter()));
    expect(pdfsig(file)).toContain('does not contain any signatures');
    const { status, report } = lmnkitVerify(file);
    expect(status).toBe(3);
    expect(report.signature).toBeUndefined();
    expect(report.problems).toEqual([
      'signature: the letter says it is digitally signed, but the file carries no signature',
    ]);
  });

  it('says in words what it checked', async () => {
    const file = save('words.pdf', await signedLetter());
    const { stdout } = spawnSync('node', [CLI, 'verify', file], { encoding: 'utf8' });
    expect(stdout).toContain('signed: yes, by Dr. Daniel Okafor');
    expect(stdout).toContain('covers the whole file: yes');
    expect(stdout.trim().endsWith('verified')).toBe(true);
  });

  it('refuses a file that is not a lmnkit letter with exit 3', () => {
    const file = save('not-a-letter.pdf', new TextEncoder().encode('%PDF-1.7\n%%EOF\n'));
    const { status, stderr } = spawnSync('node', [CLI, 'verify', file], { encoding: 'utf8' });
    expect(status).toBe(3);
    expect(stderr).toContain('lmnkit: The file is not a PDF lmnkit can read');
  });

  it('verifies an unsigned letter in process, and reports it unsigned', async () => {
    const { pdf } = await generate<string>('lmn', loadExample('lmn-insurance'), { today: TODAY });
    const report = await verifyLetter(pdf);
    expect(report).toMatchObject({ ok: true, sameTextAsData: true, problems: [] });
    expect(report.signature).toBeUndefined();
  });
});
