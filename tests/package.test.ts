import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CodeSetUnreadableError',
      'GenerationError',
      'LmnkitError',
      'RuleError',
      'TemplateError',
      'UnknownKindError',
      'ValidationError',
      'check',
      'formLayout',
      'generate',
      'jsonSchema',
      'kinds',
      'loadIcd10cm',
      'preview',
      'searchIcd10cm',
    ]);
  });

  it('declares the package the way DESIGN.md says', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(pkg).toMatchObject({
      name: 'lmnkit',
      type: 'module',
      bin: { lmnkit: './dist/cli/bin.js' },
      engines: { node: '>=20.19' },
      files: ['dist', 'templates', 'fonts', 'src/server/public', 'examples/*.json'],
    });
  });
});
