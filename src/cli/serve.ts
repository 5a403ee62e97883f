import type { Server } from 'node:http';
import { createApp } from '../server/app.js';

export interface ServeOptions {
  port: number;
  host: string;
  log: NodeJS.WritableStream;
}

/** Listens until SIGTERM/SIGINT, then stops accepting and lets in-flight requests finish. */
export async function startServer({ port, host, log }: ServeOptions): Promise<Server> {
  const app = createApp({
    onDefect: (error, req) => {
      const name = error instanceof Error ? error.name : 'unknown';
      log.write(
        `${JSON.stringify({ level: 'error', msg: 'defect', error: name, method: req.method, route: (req.route as { path?: string } | undefined)?.path })}\n`,
      );
    },
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  log.write(`lmnkit listening on http://${host}:${shown}\n`);
  const stop = () => {
    server.close();
    server.closeIdleConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return server;
}
