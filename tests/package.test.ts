import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/** The files `npm pack` would put in the package (from the built dist/). */
function packedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [pack] = JSON.parse(output) as { files: { path: string }[] }[];
  return (pack?.files ?? []).map((file) => file.path);
}

// A consumer that uses the typed API; the wrong input must be a type error.
const CONSUMER = `import { generate, type LmnInput } from 'lmnkit';
declare const input: LmnInput;
export const letter = generate('lmn', input);
// @ts-expect-error -- an lmn needs its purpose, patient, provider and the rest
export const wrong = generate('lmn', { date: '2026-11-20' });
`;

/** Type-checks CONSUMER against the built package under one module resolution. */
function typeCheckConsumer(compilerOptions: Record<string, string>, type: 'module' | 'commonjs') {
  const dir = mkdtempSync(join(tmpdir(), 'lmnkit-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules/lmnkit'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type }));
  writeFileSync(join(dir, 'index.ts'), CONSUMER);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, strict: true, noEmit: true, skipLibCheck: true, types: [] },
      files: ['index.ts'],
    }),
  );
  const result = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
  return { code: result.status, output: result.stdout + result.stderr };
}

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'BatchInputError',
      'CodeSetUnreadableError',
      'FhirMappingError',
      'GenerationError',
      'LmnkitError',
      'NotALetterError',
      'RuleError',
      'SigningCertificateError',
      'TemplateError',
      'UnknownKindError',
      'ValidationError',
      'check',
      'convertInput',
      'csvTemplate',
      'extractLetterData',
      'formLayout',
      'fromFhir',
      'generate',
      'generateMany',
      'generateRows',
      'icd10cmFiscalYears',
      'jsonSchema',
      'kinds',
      'loadIcd10cm',
      'loadSigningCertificate',
      'locateFindings',
      'locateIssues',
      'mergeBase',
      'parsePracticeProfile',
      'preview',
      'readCsvRows',
      'readJsonlRows',
      'searchIcd10cm',
      'verifyLetter',
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
      main: './dist/index.js',
      types: './dist/index.d.ts',
      files: ['dist', 'templates', 'fonts', 'data/icd10cm', 'src', 'examples/*.json'],
    });
  });
});

describe('the packed package', () => {
  const files = packedFiles();

  it('holds the official ICD-10-CM lists with their provenance', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'data/icd10cm/README.md',
        'data/icd10cm/icd10cm_codes_2026.txt.gz',
        'data/icd10cm/icd10cm-valid-codes-fy2027.txt.gz',
      ]),
    );
  });

  it('ships every source a source map names', () => {
    const maps = files.filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(50);
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(ROOT, map), 'utf8')) as { sources: string[] };
      return sources
        .map((source) => normalize(join(dirname(map), source)))
        .filter((source) => !files.includes(source));
    });
    expect(missing).toEqual([]);
  });

  it.each([
    ['node16', { module: 'node16', moduleResolution: 'node16' }, 'module'],
    ['bundler', { module: 'preserve', moduleResolution: 'bundler' }, 'module'],
    ['node10', { module: 'commonjs', moduleResolution: 'node10' }, 'commonjs'],
  ] as const)(
    'gives typed input per kind under moduleResolution %s',
    (_name, options, type) => {
      expect(typeCheckConsumer(options, type)).toEqual({ code: 0, output: '' });
    },
    120_000,
  );
});
