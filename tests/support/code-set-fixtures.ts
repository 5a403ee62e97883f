// FY2026 and FY2027 code sets restricted to the categories the rule tests use (tests/fixtures/icd10cm).
import { fileURLToPath } from 'node:url';
import { loadIcd10cm, type Icd10cmCodeSets } from '../../src/index.js';

const FILES = ['icd10cm-codes-fy2026-subset.txt.gz', 'icd10cm-codes-fy2027-subset.txt.gz'].map((file) =>
  fileURLToPath(new URL(`../fixtures/icd10cm/${file}`, import.meta.url)),
);

let loading: Promise<Icd10cmCodeSets> | undefined;

export function loadFixtureCodeSets(): Promise<Icd10cmCodeSets> {
  loading ??= loadIcd10cm(FILES);
  return loading;
}
