import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, readServiceConfig } from '../../src/server/config.js';
import { startBuiltServer } from '../support/server.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

function problemsOf(flags: Record<string, string>, env: Record<string, string>): readonly string[] {
  try {
    readServiceConfig(flags, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('service configuration', () => {
  it('has defaults for everything', () => {
    expect(readServiceConfig({}, {})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      threads: availableParallelism(),
      queue: 64,
      timeoutMs: 10_000,
      apiKeys: [],
      corsOrigins: [],
      icd10cm: [],
      logLevel: 'info',
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      PORT: '8080',
      HOST: '0.0.0.0',
      LMNKIT_THREADS: '3',
      LMNKIT_QUEUE: '0',
      LMNKIT_TIMEOUT_MS: '2500',
      LMNKIT_API_KEYS: ' k1 , k2,',
      LMNKIT_CORS_ORIGINS: 'https://ehr.example.org,http://localhost:5173',
      LMNKIT_ICD10CM: ['a-2026.txt', 'b-2027.txt'].join(delimiter),
      LMNKIT_LOG_LEVEL: 'warn',
    };
    expect(readServiceConfig({}, env)).toEqual({
      port: 8080,
      host: '0.0.0.0',
      threads: 3,
      queue: 0,
      timeoutMs: 2500,
      apiKeys: ['k1', 'k2'],
      corsOrigins: ['https://ehr.example.org', 'http://localhost:5173'],
      icd10cm: ['a-2026.txt', 'b-2027.txt'],
      logLevel: 'warn',
    });
    const flags = { port: '9090', threads: '1', 'timeout-ms': '500', icd10cm: ['c-2027.txt'] };
    expect(readServiceConfig(flags, env)).toMatchObject({
      port: 9090,
      threads: 1,
      timeoutMs: 500,
      icd10cm: ['c-2027.txt'],
      queue: 0,
    });
  });

  it('adds the keys of --api-keys-file, one per line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lmnkit-keys-')), 'keys');
    writeFileSync(file, 'file-key-1\r\nfile-key-2\n\n');
    expect(readServiceConfig({ 'api-keys-file': file }, { LMNKIT_API_KEYS: 'env-key' }).apiKeys).toEqual([
      'env-key',
      'file-key-1',
      'file-key-2',
    ]);
    expect(problemsOf({ 'api-keys-file': `${file}.missing` }, {})).toEqual([
      '--api-keys-file: the file cannot be read',
    ]);
  });

  it('names every invalid setting by the flag or variable it came from, never echoing a key', () => {
    const problems = problemsOf(
      { threads: '0', 'log-level': 'loud' },
      {
        PORT: '70000',
        LMNKIT_QUEUE: '-1',
        LMNKIT_TIMEOUT_MS: '10s',
        LMNKIT_CORS_ORIGINS: 'https://ehr.example.org/path',
        LMNKIT_API_KEYS: 'good,bad key with spaces',
      },
    );
    expect(problems).toEqual([
      'PORT: must be a whole number from 0 to 65535',
      '--threads: must be a whole number from 1 to 256',
      'LMNKIT_QUEUE: must be a whole number from 0 to 100000',
      'LMNKIT_TIMEOUT_MS: must be a whole number from 100 to 600000',
      'LMNKIT_API_KEYS / --api-keys-file: keys must be 1–256 visible ASCII characters',
      "LMNKIT_CORS_ORIGINS: must be '*' or origins such as https://ehr.example.org (scheme, host and port only)",
      '--log-level: must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
    expect(problems.join('\n')).not.toContain('bad key');
    expect(problemsOf({}, { LMNKIT_API_KEYS: ' , ' })).toEqual(['LMNKIT_API_KEYS: is set but holds no key']);
  });

  it('makes `lmnkit serve` exit 2 with the problems on stderr', () => {
    const result = spawnSync(process.execPath, [BIN, 'serve', '--threads', '0', '--queue', 'many'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'lmnkit: invalid configuration:\n' +
        '  --threads: must be a whole number from 1 to 256\n' +
        '  --queue: must be a whole number from 0 to 100000\n',
    );
    expect(result.stdout).toBe('');
  });

  it('makes `lmnkit serve` exit 2 when the port is taken', async () => {
    const first = await startBuiltServer();
    const port = new URL(first.url).port;
    const second = spawnSync(process.execPath, [BIN, 'serve', '--port', port], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    first.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(second.status).toBe(2);
    expect(second.stderr).toContain(`cannot listen on 127.0.0.1:${port} (EADDRINUSE)`);
  });

  it('logs the fiscal years it checks codes against: the built-in ones without --icd10cm', async () => {
    const server = await startBuiltServer();
    const listening = await server.waitForLog('listening');
    server.kill('SIGTERM');
    await server.exited;
    expect(listening.icd10cmFiscalYears).toEqual([2026, 2027]);
  });
});
