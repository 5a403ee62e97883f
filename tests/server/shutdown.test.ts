import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadExample, readPdf } from '../support/pdf.js';
import { startBuiltServer } from '../support/server.js';

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the request in flight, then exits 0', async () => {
    const server = await startBuiltServer();
    const body = Buffer.from(JSON.stringify(loadExample('lmn-insurance')));
    let headRead!: () => void;
    const serverHasHead = new Promise<void>((resolve) => (headRead = resolve));
    let sendBody!: () => void;
    const answer = new Promise<{ status: number; connection: string | undefined; body: Buffer }>(
      (resolve, reject) => {
        // With Expect: 100-continue the server confirms it has read the request head; the body follows.
        const req = httpRequest(`${server.url}/v1/letters/lmn?force=true`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': body.length,
            Expect: '100-continue',
          },
        });
        req.on('continue', headRead);
        req.on('error', reject);
        req.on('response', (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({
              status: res.statusCode ?? 0,
              connection: res.headers.connection,
              body: Buffer.concat(chunks),
            });
          });
        });
        sendBody = () => req.end(body);
      },
    );

    await serverHasHead;
    server.kill('SIGTERM');
    await server.waitForLog('stopping');
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    sendBody();

    const response = await answer;
    expect(response.status).toBe(200);
    expect(response.connection).toBe('close');
    expect((await readPdf(response.body)).text).toContain('Maria Delgado-Reyes');
    expect(await server.exited).toBe(0);
    expect(server.logs().map((line) => line.msg)).toEqual(['listening', 'stopping', 'request', 'stopped']);
  });
});
