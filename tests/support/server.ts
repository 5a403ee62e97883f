// The built service as an operator runs it: `node dist/cli/bin.js serve --port 0` on loopback.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

export type LogLine = Record<string, unknown>;

export interface BuiltServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** The JSON lines written to stdout so far. */
  logs(): LogLine[];
  /** Resolves with the first log line (already written or to come) whose `msg` is `msg`. */
  waitForLog(msg: string): Promise<LogLine>;
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Settings from the test run's own environment must not leak into the server under test. */
function cleanEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(PORT|HOST|LMNKIT_.*)$/.test(name)),
  );
  return { ...env, ...extra };
}

/** Starts the built server on a free loopback port and waits until it listens. */
export async function startBuiltServer(
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<BuiltServer> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    env: cleanEnvironment(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiting: (() => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const check of [...waiting]) check();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const logs = () =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  const waitForLog = (msg: string) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const line = logs().find((entry) => entry.msg === msg);
        if (line === undefined) return;
        waiting.splice(waiting.indexOf(check), 1);
        resolve(line);
      };
      waiting.push(check);
      check();
      void exited.then(() => {
        reject(new Error(`the server exited before logging "${msg}": ${stderr}`));
      });
    });

  const listening = await waitForLog('listening');
  return {
    url: String(listening.url),
    output: () => stdout + stderr,
    logs,
    waitForLog,
    kill: (signal) => child.kill(signal),
    exited,
  };
}
