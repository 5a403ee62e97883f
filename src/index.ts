// The public API of lmnkit: adapters (CLI, HTTP) import only this module.
import { z } from 'zod';
import { findKind, listKinds } from './letters/registry.js';

export { generate, check, preview } from './generate.js';
export type { GenerateOptions, CheckReport } from './generate.js';
export {
  LmnkitError,
  ValidationError,
  RuleError,
  TemplateError,
  UnknownKindError,
  GenerationError,
} from './errors.js';
export type { Issue, Finding, FindingLevel } from './errors.js';

export interface KindSummary {
  kind: string;
  title: string;
  purposes: readonly string[];
}

/**
 * The letter kinds lmnkit writes.
 * @example
 * kinds().map((k) => k.kind); // ['lmn', …]
 */
export function kinds(): KindSummary[] {
  return listKinds().map(({ name, title, purposes }) => ({ kind: name, title, purposes }));
}

/**
 * The JSON Schema (draft 2020-12) of a kind's input.
 * @example
 * const schema = jsonSchema('lmn');
 */
export function jsonSchema(kind: string): Record<string, unknown> {
  return z.toJSONSchema(findKind(kind).schema, { io: 'input', unrepresentable: 'any' });
}
