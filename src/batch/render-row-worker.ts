// A worker thread of the batch pool: loads the code sets once, then renders rows; the PDF's bytes
// are moved to the main thread, not copied.
import { workerData } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { loadIcd10cm } from '../index.js';
import { renderRow, type RowTask } from './render-row.js';

export interface RowWorkerData {
  icd10cm: readonly string[];
}

const { icd10cm } = workerData as RowWorkerData;
const codeSets = icd10cm.length > 0 ? await loadIcd10cm(icd10cm) : undefined;

export default async function renderRowInWorker(task: RowTask): Promise<unknown> {
  const outcome = await renderRow(task, codeSets ? { codeSets } : {});
  if (outcome.status !== 'rendered') return outcome;
  const { pdf } = outcome;
  // A view on a shared or pooled buffer cannot be transferred: give the PDF its own buffer.
  const owned = pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? pdf : new Uint8Array(pdf);
  return move({ [transferableSymbol]: owned.buffer, [valueSymbol]: { ...outcome, pdf: owned } });
}
