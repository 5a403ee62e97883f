import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kinds } from '../../src/index.js';
import { listExamples } from '../support/examples.js';
import { startBuiltServer, type BuiltServer } from '../support/server.js';

describe('load smoke test', () => {
  let server: BuiltServer;
  beforeAll(async () => {
    // A generous timeout: other test files share the machine, and this test asserts no timings.
    server = await startBuiltServer(['--timeout-ms', '60000']);
  });
  afterAll(async () => {
    server.kill('SIGTERM');
    await server.exited;
  });

  it('answers every valid letter with 200 at concurrency 16 (no timing asserted)', async () => {
    const letters = listExamples();
    expect(letters.length).toBeGreaterThanOrEqual(kinds().length);
    const result = await autocannon({
      url: server.url,
      connections: 16,
      duration: 3,
      timeout: 60,
      // ?force=true: the examples stay valid whatever the date on the machine running the test.
      requests: letters.map(({ kind, input }) => ({
        method: 'POST' as const,
        path: `/v1/letters/${kind}?force=true`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      })),
    });
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result['2xx']).toBeGreaterThan(0);
    // Only what must hold, no counts: the server may not have written its last lines yet, and letters
    // still in flight when the run ends are cut off by autocannon (logged as aborted).
    const answered = server.logs().filter((line) => line.msg === 'request' && line.aborted !== true);
    expect(answered.filter((line) => line.status !== 200)).toEqual([]);
    expect(server.logs().filter((line) => line.level !== 'info')).toEqual([]);
  });
});
