// Every example is a PDF/A-3b letter carrying its data: poppler, qpdf and lmnkit extract agree.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLetterData, generate, jsonSchema } from '../../src/index.js';
import { listExamples } from '../support/examples.js';
import { loadExample, TODAY } from '../support/pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'lmnkit-archival-'));
const CLI = new URL('../../dist/cli/bin.js', import.meta.url).pathname;
const run = (command: string, args: string[]): string => execFileSync(command, args, { encoding: 'utf8' });

describe('every example', () => {
  it.each(listExamples().map((example) => [example.name, example] as const))(
    '%s is PDF/A-3b with its data inside, and its data writes the same file again',
    async (name, { kind, input }) => {
      const { pdf } = await generate<string>(kind, input, { today: TODAY, force: true });
      const file = join(dir, `${name}.pdf`);
      writeFileSync(file, pdf);
      const info = run('pdfinfo', [file]);
      expect(info).toMatch(/PDF subtype:\s+PDF\/A-3b/);
      expect(info).toMatch(/Conformance:\s+Level B, Basic/);
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(run('pdfdetach', ['-list', file])).toBe('1 embedded files\n1: lmnkit-letter.json\n');
      expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
      const data = extractLetterData(pdf);
      expect(data).toMatchObject({ format: 'lmnkit-letter/1', lmnkit: '0.1.0', kind, images: {} });
      const again = await generate<string>(kind, data.input, { today: TODAY, force: true });
      expect(Buffer.from(again.pdf).equals(Buffer.from(pdf))).toBe(true);
    },
  );
});

describe('the embedded letter data', () => {
  it('is what pdfdetach saves and lmnkit extract prints, with the schema lmnkit schema prints', async () => {
    const { pdf } = await generate<string>('lmn', loadExample('lmn-insurance'), { today: TODAY });
    const file = join(dir, 'extract.pdf');
    writeFileSync(file, pdf);
    const saved = join(dir, 'saved.json');
    run('pdfdetach', ['-save', '1', '-o', saved, file]);
    const extracted = spawnSync('node', [CLI, 'extract', file], { encoding: 'utf8' });
    expect(extracted.status).toBe(0);
    expect(JSON.parse(extracted.stdout)).toEqual(JSON.parse(run('cat', [saved])));
    const data = JSON.parse(extracted.stdout) as { schema: { sha256: string }; input: { patient: unknown } };
    const schema = `${JSON.stringify(jsonSchema('lmn'), null, 2)}\n`;
    expect(data.schema.sha256).toBe(createHash('sha256').update(schema).digest('hex'));
    expect(data.input.patient).toMatchObject({ firstName: 'Maria', lastName: 'Delgado-Reyes' });
  });

  it('leaves images out, naming them by SHA-256', async () => {
    const input = loadExample('lmn-insurance');
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    input.provider.practice.logo = png;
    const { pdf } = await generate<string>('lmn', input, { today: TODAY });
    const data = extractLetterData(pdf);
    expect(data.images).toEqual({
      'provider.practice.logo': {
        sha256: createHash('sha256').update(Buffer.from(png, 'base64')).digest('hex'),
        bytes: 70,
      },
    });
    expect(JSON.stringify(data.input)).not.toContain(png.slice(0, 20));
  });

  it('makes the file ID: letters with different data never share one', async () => {
    const first = await generate<string>('lmn', loadExample('lmn-insurance'), { today: TODAY });
    const changed = loadExample('lmn-insurance');
    changed.patient.firstName = 'Mariana';
    const second = await generate<string>('lmn', changed, { today: TODAY });
    const id = (pdf: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(Buffer.from(pdf).toString('latin1'))?.[1];
    expect(id(first.pdf)).toMatch(/^[0-9a-f]{32}$/);
    expect(id(first.pdf)).not.toBe(id(second.pdf));
  });

  it('is refused by lmnkit extract for a file without it (exit 3)', () => {
    const file = join(dir, 'plain.pdf');
    writeFileSync(file, '%PDF-1.7\n%%EOF\n');
    const { status, stderr } = spawnSync('node', [CLI, 'extract', file], { encoding: 'utf8' });
    expect(status).toBe(3);
    expect(stderr).toMatch(/^lmnkit: The file is not a PDF lmnkit can read/);
  });
});
