// The service signs digital letters with the practice's certificate, configured at start, and verifies
// uploaded letters at POST /v1/verify: the built server on a loopback port.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExample } from '../support/pdf.js';
import { startBuiltServer, type BuiltServer } from '../support/server.js';
import { makeP12, PASSPHRASE } from '../sign/certificates.js';
import { withByteChanged } from './tamper.js';

const dir = mkdtempSync(join(tmpdir(), 'lmnkit-verify-service-'));
const p12 = join(dir, 'practice.p12');
writeFileSync(p12, makeP12({ commonName: 'Daniel Okafor', npi: '1558598797' }));

let server: BuiltServer;

beforeAll(async () => {
  server = await startBuiltServer(['--threads', '1'], {
    LMNKIT_SIGNING_P12: p12,
    LMNKIT_SIGNING_PASSPHRASE: PASSPHRASE,
  });
}, 120_000);

afterAll(async () => {
  server.kill('SIGTERM');
  await server.exited;
});

function digitalInput(): Record<string, any> {
  const input = loadExample('lmn-insurance');
  input.provider.signature = { mode: 'digital' };
  return input;
}

async function render(input: unknown): Promise<Response> {
  return fetch(`${server.url}/v1/letters/lmn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
}

async function verify(body: Uint8Array | string, type = 'application/pdf'): Promise<Response> {
  return fetch(`${server.url}/v1/verify`, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body: typeof body === 'string' ? body : Buffer.from(body),
  });
}

describe('the service with a signing certificate', () => {
  it('signs a digital letter whose signer the certificate names, and verifies it', async () => {
    const response = await render(digitalInput());
    expect(response.status).toBe(200);
    const pdf = new Uint8Array(await response.arrayBuffer());
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    expect(execFileSync('pdfsig', [file], { encoding: 'utf8' })).toContain('Signature is Valid.');
    const verified = await verify(pdf);
    expect(verified.status).toBe(200);
    expect(verified.headers.get('cache-control')).toBe('no-store');
    expect(await verified.json()).toMatchObject({
      ok: true,
      kind: 'lmn',
      signature: { signer: 'Daniel Okafor', npi: '1558598797', valid: true, coversWholeFile: true },
    });
    const tampered = (await (await verify(withByteChanged(pdf))).json()) as {
      ok: boolean;
      problems: string[];
    };
    expect(tampered.ok).toBe(false);
    expect(tampered.problems).toContain('signature: the signed bytes were changed after signing');
  });

  it('refuses a digital letter for another signer (422), and leaves other letters unsigned', async () => {
    const other = digitalInput();
    other.provider.npi = '1234567893';
    const refused = await render(other);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      issues: [{ path: 'provider.signature.mode', code: 'SIGNER_NOT_CERTIFIED' }],
    });
    const plain = await render(loadExample('lmn-insurance'));
    expect(Buffer.from(await plain.arrayBuffer()).includes('/ByteRange')).toBe(false);
  });

  it('answers what is not a letter with a problem, and keeps uploads out of its logs', async () => {
    const notPdf = await verify('%PDF-1.7\n%%EOF\n');
    expect(notPdf.status).toBe(422);
    expect(await notPdf.json()).toMatchObject({ code: 'NOT_A_LMNKIT_LETTER' });
    expect((await verify('{}', 'application/json')).status).toBe(415);
    expect((await verify(new Uint8Array(10 * 1024 * 1024 + 1))).status).toBe(413);
    expect(server.output()).not.toContain('Delgado');
    expect(server.output()).not.toContain(PASSPHRASE);
  });
});
