// Supertest helpers for the HTTP tests.
import type { Response } from 'supertest';
import { expect } from 'vitest';

interface ByteStream {
  on(event: 'data' | 'end', listener: (chunk: Buffer) => void): unknown;
}

/** A supertest parser that keeps the body as bytes (PDFs): `.buffer(true).parse(parseBinary)`. */
export function parseBinary(res: ByteStream, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The response is an RFC 9457 problem document with this status. */
export function expectProblem(response: Response, status: number): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({
    type: expect.stringMatching(/^\/problems\/[a-z-]+$/),
    title: expect.any(String),
    status,
    detail: expect.any(String),
  });
}
