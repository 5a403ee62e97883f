import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import {
  icd10cmFiscalYears,
  loadIcd10cm,
  loadSigningCertificate,
  SigningCertificateError,
} from '../index.js';
import { createApp } from '../server/app.js';
import { ConfigError, readServiceConfig } from '../server/config.js';
import { keepHeapsNearLiveData } from './keep-heaps-small.js';
import { createLogger, describeError } from '../server/logger.js';
import { createRenderPool } from '../server/render-pool.js';
import { readPracticeFile } from '../server/practice.js';

export { ConfigError };

export interface ServeOptions {
  /** Command-line flags (parseArgs values); they win over the environment. */
  flags: Readonly<Partial<Record<string, string | readonly string[] | boolean | undefined>>>;
  env: Readonly<Partial<Record<string, string>>>;
  /** Where the JSON log lines go. */
  log: NodeJS.WritableStream;
}

/** Checks at start that the signing certificate opens, so that no letter fails on it later. */
async function openSigningCertificate(settings: {
  p12: string;
  passphrase: string;
}): Promise<{ p12: Uint8Array; passphrase: string }> {
  let p12: Uint8Array;
  try {
    p12 = await readFile(settings.p12);
  } catch {
    throw new ConfigError(['LMNKIT_SIGNING_P12: the file cannot be read']);
  }
  try {
    loadSigningCertificate(p12, settings.passphrase);
  } catch (error) {
    if (error instanceof SigningCertificateError)
      throw new ConfigError([`LMNKIT_SIGNING_P12: ${error.message}`]);
    throw error;
  }
  return { p12, passphrase: settings.passphrase };
}

/** Grace beyond the render timeout before connections still open at shutdown are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new ConfigError([`--host/--port: cannot listen on ${host}:${port} (${error.code ?? error.name})`]),
      );
    });
    server.listen(port, host, resolve);
  });
}

/**
 * Serves the HTTP app with a render pool until SIGTERM/SIGINT; then stops accepting, lets
 * in-flight requests finish, closes the pool and lets the process exit.
 * @throws {ConfigError} for invalid flags or environment, or an address it cannot listen on.
 */
export async function startServer({ flags, env, log }: ServeOptions): Promise<Server> {
  const config = readServiceConfig(flags, env);
  const practice = config.practice === undefined ? undefined : readPracticeFile(config.practice);
  const logger = createLogger(log, config.logLevel);
  keepHeapsNearLiveData();
  const codeSets = config.icd10cm.length > 0 ? await loadIcd10cm(config.icd10cm) : undefined;
  const signing = config.signing && (await openSigningCertificate(config.signing));
  const pool = createRenderPool({
    ...(signing && { signing }),
    threads: config.threads,
    queue: config.queue,
    timeoutMs: config.timeoutMs,
    icd10cm: config.icd10cm,
  });
  const app = createApp({
    letterOptions: codeSets === undefined ? {} : { codeSets },
    renderer: pool,
    apiKeys: config.apiKeys,
    corsOrigins: config.corsOrigins,
    logger,
    ...(practice && { practice }),
  });
  let stopping = false;
  const server = createServer(app);
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  // Answers written once stopping close their connection: keep-alive clients cannot hold the server open.
  const answering = new Set<ServerResponse>();
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (stopping) res.setHeader('Connection', 'close');
    answering.add(res);
    res.once('close', () => answering.delete(res));
  });
  try {
    await pool.warm();
    await listen(server, config.port, config.host);
  } catch (error) {
    await pool.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  logger.info(
    {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
      threads: config.threads,
      queue: config.queue,
      timeoutMs: config.timeoutMs,
      apiKeys: config.apiKeys.length,
      corsOrigins: config.corsOrigins,
      icd10cmFiscalYears: icd10cmFiscalYears(codeSets),
      signingCertificate: signing !== undefined,
    },
    'listening',
  );

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    for (const res of answering) if (!res.headersSent) res.setHeader('Connection', 'close');
    const deadline = setTimeout(() => {
      logger.warn('connections still open after the grace period: closing them');
      server.closeAllConnections();
    }, config.timeoutMs + SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      clearTimeout(deadline);
      void pool.close().then(() => logger.info('stopped'));
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const crash = (label: string) => (error: unknown) => {
    logger.fatal({ error: describeError(error) }, label);
    process.exit(1);
  };
  process.once('uncaughtException', crash('uncaught exception'));
  process.once('unhandledRejection', crash('unhandled rejection'));
  return server;
}
