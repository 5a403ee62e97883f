import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['src', 'tests', 'scripts', 'bench', 'README.md', 'package.json', 'data'];
const TEXT = /\.(?:[cm]?[jt]s|json|md|html|css|hbs|csv|txt)$/;
// Spelled in two parts so that this file does not name it.
const OUTSIDE = ['..', 'shared'].join('/');

function listFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => listFiles(join(path, name)));
}

describe('the repository stands on its own', () => {
  it(`no source, test, script or README reads or names ${OUTSIDE}`, () => {
    const files = SCANNED.flatMap((entry) => listFiles(join(ROOT, entry))).filter((file) => TEXT.test(file));
    expect(files.length).toBeGreaterThan(100);
    const naming = files.filter((file) => readFileSync(file, 'utf8').includes(OUTSIDE));
    expect(naming.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
