// `lmnkit render … --sign cert.p12`: the signing certificate, its passphrase from LMNKIT_SIGNING_PASSPHRASE
// or a prompt on the terminal (never a flag: flags end up in shell histories and process lists).
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { loadSigningCertificate, ValidationError, type SigningCertificate } from '../index.js';

export class SignOptionError extends Error {}

async function promptPassphrase(
  stdin: NodeJS.ReadableStream,
  stderr: NodeJS.WritableStream,
): Promise<string> {
  if (!(stdin as { isTTY?: boolean }).isTTY)
    throw new SignOptionError('--sign: set LMNKIT_SIGNING_PASSPHRASE (there is no terminal to ask on)');
  stderr.write('Passphrase of the signing certificate: ');
  const muted = new (await import('node:stream')).Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: stdin, output: muted, terminal: true });
  try {
    return await new Promise<string>((resolve) => lines.once('line', resolve));
  } finally {
    lines.close();
    stderr.write('\n');
  }
}

export async function readSigningOption(
  path: string,
  env: Readonly<Partial<Record<string, string>>>,
  io: { stdin: NodeJS.ReadableStream; stderr: NodeJS.WritableStream },
): Promise<SigningCertificate> {
  let p12: Buffer;
  try {
    p12 = await readFile(path);
  } catch (error) {
    throw new SignOptionError(
      `--sign: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const passphrase = env.LMNKIT_SIGNING_PASSPHRASE ?? (await promptPassphrase(io.stdin, io.stderr));
  return loadSigningCertificate(p12, passphrase);
}

/**
 * --sign makes a letter without a signature mode digitally signed; a letter that chose another mode is an
 * input problem, not something to override.
 */
export function withDigitalSignature(input: unknown): unknown {
  const provider: unknown = (input as { provider?: unknown } | null)?.provider;
  if (provider === null || typeof provider !== 'object') return input;
  const signature = (provider as { signature?: { mode?: unknown; electronic?: unknown } }).signature ?? {};
  const mode = signature.mode ?? (signature.electronic === undefined ? undefined : 'electronic');
  if (mode === undefined || mode === 'digital') {
    return { ...(input as object), provider: { ...provider, signature: { ...signature, mode: 'digital' } } };
  }
  throw new ValidationError([
    {
      path: 'provider.signature.mode',
      code: 'SIGNATURE_MODE_CONFLICT',
      message: `is ${typeof mode === 'string' ? mode : 'not a mode'}: --sign signs letters whose mode is digital or not given`,
    },
  ]);
}
