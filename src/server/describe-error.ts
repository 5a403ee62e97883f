import { fileURLToPath } from 'node:url';

// A frame names a file path, or a file: URL around it.
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAFE_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * What a log line may say about an error: its name, a code-like `code`, and the stack frames in
 * lmnkit's own files. Never the message: a third-party message may quote the input.
 */
export function describeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: typeof error };
  const { code } = error as { code?: unknown };
  const header = error.message === '' ? error.name : `${error.name}: ${error.message}`;
  const stack = error.stack ?? '';
  // Frames only when the message can be cut off cleanly (a message may hold lines like frames).
  const frames = stack.startsWith(`${header}\n`)
    ? stack
        .slice(header.length + 1)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line.includes(PACKAGE_ROOT) && !line.includes('/node_modules/'))
        .slice(0, 12)
    : [];
  return {
    name: error.name,
    ...(typeof code === 'string' && SAFE_CODE.test(code) && { code }),
    frames,
    ...(error.cause !== undefined && depth < 3 && { cause: describeError(error.cause, depth + 1) }),
  };
}
