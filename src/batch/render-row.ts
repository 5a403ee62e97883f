// Renders one row of a batch; runs in a worker thread of the batch pool, or on the calling thread.
// Every outcome is plain data (never a thrown error), so it crosses the thread boundary as it is.
import { generate, type GenerateOptions } from '../generate.js';
import { LmnkitError, RuleError, ValidationError, type Finding, type Issue } from '../errors.js';

export interface RowTask {
  kind: string;
  input: unknown;
  force: boolean;
  today?: string;
}

export type RowOutcome =
  | { status: 'rendered'; pdf: Uint8Array; findings: Finding[] }
  | { status: 'refused'; issues: readonly Issue[]; findings: readonly Finding[] }
  | { status: 'failed'; code: string };

/** Code that is not one of lmnkit's errors is a defect: its message may quote the input, so only a code goes back. */
export async function renderRow(
  task: RowTask,
  options: Pick<GenerateOptions, 'codeSets'> = {},
): Promise<RowOutcome> {
  const settings: GenerateOptions = {
    ...options,
    force: task.force,
    ...(task.today !== undefined && { today: task.today }),
  };
  try {
    const { pdf, findings } = await generate<string>(task.kind, task.input, settings);
    return { status: 'rendered', pdf, findings };
  } catch (error) {
    if (error instanceof ValidationError) return { status: 'refused', issues: error.issues, findings: [] };
    if (error instanceof RuleError) return { status: 'refused', issues: [], findings: error.findings };
    return { status: 'failed', code: error instanceof LmnkitError ? error.code : 'INTERNAL_DEFECT' };
  }
}
