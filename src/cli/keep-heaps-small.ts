// Long-running commands (serve, batch) keep every V8 heap of the process close to its live data.
import { setFlagsFromString } from 'node:v8';

/**
 * How far past its live data V8 lets a heap grow before collecting, in per cent. By default V8 lets
 * a heap with a limit of 2 GB or more (the main thread's) grow to up to 4× its live data
 * (MemoryController::GrowingFactor in V8's src/heap/heap-controller.cc): under sustained load the
 * main thread's heap reached 128 MB for about 35 MB live. A fixed 20 % lets every heap of the
 * process, the render threads' included, grow to 1.2× what it holds before its next full collection,
 * for a few per cent more GC time.
 */
const HEAP_GROWING_PERCENT = 20;

/** Sets V8's heap growth for the whole process, unless node was started with its own. */
export function keepHeapsNearLiveData(): void {
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
