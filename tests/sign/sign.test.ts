import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generate,
  loadSigningCertificate,
  SigningCertificateError,
  ValidationError,
} from '../../src/index.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';
import { makeP12, PASSPHRASE } from './certificates.js';

const dir = mkdtempSync(join(tmpdir(), 'lmnkit-sign-'));
const CLI = new URL('../../dist/cli/bin.js', import.meta.url).pathname;
const SIGNED_AT = new Date('2026-11-30T15:04:05Z');
const okafor = makeP12({ commonName: 'Daniel Okafor' });
const signing = loadSigningCertificate(okafor, PASSPHRASE);

function digitalInput(): Record<string, any> {
  const input = loadExample('lmn-insurance');
  input.provider.signature = { mode: 'digital' };
  return input;
}

function save(name: string, data: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

describe('a digitally signed letter', () => {
  it('carries a PAdES signature pdfsig finds valid, and prints who signed it, when, why and where', async () => {
    const { pdf } = await generate<string>('lmn', digitalInput(), {
      today: TODAY,
      signing,
      signedAt: SIGNED_AT,
    });
    const report = execFileSync('pdfsig', [save('signed.pdf', pdf)], { encoding: 'utf8' });
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Signing Time: Nov 30 2026 15:04:05');
    expect(report).toContain('Total document signed');
    const { text } = await readPdf(pdf);
    expect(text).toContain('Digitally signed by Daniel Okafor, DC on November 30, 2026 (UTC).');
    expect(text).toContain('Certificate: Daniel Okafor, issued by lmnkit test CA (throwaway).');
    expect(text).toContain('Reason: Letter of Medical Necessity. Location: Sacramento, CA.');
    expect(text).not.toContain('DRAFT');
    expect(text).not.toContain('Signature: ___');
  });

  it('is the same bytes for the same input, certificate and signing time', async () => {
    const options = { today: TODAY, signing, signedAt: SIGNED_AT };
    const [first, second] = await Promise.all([
      generate<string>('lmn', digitalInput(), options),
      generate<string>('lmn', digitalInput(), options),
    ]);
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });

  it('is refused without a certificate, or with one that names someone else', async () => {
    const refusal = async (options: object) =>
      generate<string>('lmn', digitalInput(), { today: TODAY, ...options }).catch((error: unknown) => error);
    const missing = await refusal({});
    expect(missing).toBeInstanceOf(ValidationError);
    expect((missing as ValidationError).issues).toEqual([
      expect.objectContaining({ path: 'provider.signature.mode', code: 'SIGNING_CERTIFICATE_REQUIRED' }),
    ]);
    const stranger = loadSigningCertificate(makeP12({ commonName: 'Somebody Else' }), PASSPHRASE);
    const wrongName = await refusal({ signing: stranger });
    expect((wrongName as ValidationError).issues).toEqual([
      expect.objectContaining({ path: 'provider.signature.mode', code: 'SIGNER_NOT_CERTIFIED' }),
    ]);
    // An NPI in the certificate decides: the right name with another NPI does not sign.
    const otherNpi = loadSigningCertificate(
      makeP12({ commonName: 'Daniel Okafor', npi: '1234567893' }),
      PASSPHRASE,
    );
    expect(((await refusal({ signing: otherNpi })) as ValidationError).issues[0]?.code).toBe(
      'SIGNER_NOT_CERTIFIED',
    );
  });

  it('leaves letters in other modes unsigned even when a certificate is given', async () => {
    const { pdf } = await generate<string>('lmn', loadExample('lmn-insurance'), { today: TODAY, signing });
    expect(Buffer.from(pdf).includes('/ByteRange')).toBe(false);
  });

  it('cannot be made from a PKCS#12 file with the wrong passphrase', () => {
    expect(() => loadSigningCertificate(okafor, 'wrong')).toThrow(SigningCertificateError);
    expect(() => loadSigningCertificate(okafor, 'wrong')).toThrow(/passphrase is wrong/);
  });
});

describe('lmnkit render --sign', () => {
  const p12 = save('okafor.p12', okafor);

  function render(input: object, env: Record<string, string>, extra: string[] = []) {
    const source = save(`input-${Object.keys(env).length}-${extra.length}.json`, JSON.stringify(input));
    const output = join(dir, `out-${Math.random().toString(36).slice(2)}.pdf`);
    const result = spawnSync('node', [CLI, 'render', 'lmn', source, '-o', output, '--sign', p12, ...extra], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ...result, output };
  }

  it('signs a letter without a signature mode, the passphrase from LMNKIT_SIGNING_PASSPHRASE', () => {
    const input = loadExample('lmn-insurance');
    delete input.provider.signature;
    const { status, output } = render(input, { LMNKIT_SIGNING_PASSPHRASE: PASSPHRASE });
    expect(status).toBe(0);
    expect(execFileSync('pdfsig', [output], { encoding: 'utf8' })).toContain('Signature is Valid.');
  });

  it('refuses a letter signed another way, without overriding it (exit 3)', () => {
    const { status, stderr } = render(loadExample('lmn-insurance'), {
      LMNKIT_SIGNING_PASSPHRASE: PASSPHRASE,
    });
    expect(status).toBe(3);
    expect(stderr).toBe(
      'provider.signature.mode: is electronic: --sign signs letters whose mode is digital or not given\n',
    );
  });

  it('asks for the passphrase in the environment when there is no terminal, and never takes it as a flag', () => {
    const { status, stderr } = render(digitalInput(), {});
    expect(status).toBe(2);
    expect(stderr).toBe('lmnkit: --sign: set LMNKIT_SIGNING_PASSPHRASE (there is no terminal to ask on)\n');
    const flag = render(digitalInput(), {}, ['--passphrase', PASSPHRASE]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).not.toContain(PASSPHRASE);
  });

  it('says a wrong passphrase is wrong, without repeating it (exit 2)', () => {
    const { status, stderr } = render(digitalInput(), { LMNKIT_SIGNING_PASSPHRASE: 'not it' });
    expect(status).toBe(2);
    expect(stderr).toContain('the passphrase is wrong');
    expect(stderr).not.toContain('not it');
  });
});
