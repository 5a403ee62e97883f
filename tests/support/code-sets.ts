// The official ICD-10-CM code sets bundled in data/icd10cm/, loaded from their files once per test file.
import { fileURLToPath } from 'node:url';
import { loadIcd10cm, type Icd10cmCodeSets } from '../../src/index.js';

const DATA = new URL('../../data/icd10cm/', import.meta.url);

/** FY2026 (official) and FY2027 (derived) lists of billable codes. */
export const ICD10CM_FILES = ['icd10cm_codes_2026.txt.gz', 'icd10cm-valid-codes-fy2027.txt.gz'].map((file) =>
  fileURLToPath(new URL(file, DATA)),
);

let loading: Promise<Icd10cmCodeSets> | undefined;

export function loadSharedCodeSets(): Promise<Icd10cmCodeSets> {
  loading ??= loadIcd10cm(ICD10CM_FILES);
  return loading;
}
