// Every example input with its kind: the longest kind name its file name starts with.
import { readdirSync } from 'node:fs';
import { kinds } from '../../src/index.js';
import { loadExample } from './pdf.js';

export interface Example {
  name: string;
  kind: string;
  input: Record<string, any>;
}

export function listExamples(): Example[] {
  const names = kinds()
    .map(({ kind }) => kind)
    .sort((a, b) => b.length - a.length);
  return readdirSync(new URL('../../examples/', import.meta.url))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const name = file.slice(0, -'.json'.length);
      const kind = names.find((candidate) => name === candidate || name.startsWith(`${candidate}-`));
      return kind === undefined ? [] : [{ name, kind, input: loadExample(name) }];
    });
}
