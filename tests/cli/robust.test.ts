// The CLI on crafted images, odd encodings and odd -o targets (issue 11), and the conventions of
// issue 12 §5: --version, help per command, -o -, input files named with the reason they failed.
import { spawn, spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CRAFTED_PNGS } from '../support/crafted-images.js';
import { loadExample, readPdf } from '../support/pdf.js';
import { startBuiltServer } from '../support/server.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../../examples/lmn-insurance.json', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

function run(args: string[], input: string | Buffer = '') {
  // A timeout: a crafted image once made `lmnkit check` run for ever.
  const result = spawnSync(process.execPath, [BIN, ...args], { input, timeout: 30_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

function workDir(): string {
  return mkdtempSync(join(tmpdir(), 'lmnkit-cli-'));
}

describe('lmnkit on crafted images', () => {
  it.each(['chunk length 0xFFFFFFF4', 'corrupt IDAT with alpha', '60000×60000 header', '11000×11000 bomb'])(
    'check and render exit 3 naming the field for a logo with %s',
    (name) => {
      const dir = workDir();
      writeFileSync(join(dir, 'logo.png'), CRAFTED_PNGS[name]!);
      const input = loadExample('lmn-insurance');
      input.provider.practice.logo = 'logo.png';
      writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
      for (const args of [['check'], ['render', '-o', join(dir, 'out.pdf')]]) {
        const [command, ...rest] = args as [string, ...string[]];
        const result = run([command, 'lmn', join(dir, 'input.json'), ...rest]);
        expect(result.code).toBe(3);
        expect(result.stderr).toMatch(/^provider\.practice\.logo: (is|has) /m);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    },
  );
});

describe('lmnkit input text', () => {
  it('accepts a UTF-8 byte-order mark, from a file and from stdin', async () => {
    const dir = workDir();
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(EXAMPLE)]);
    writeFileSync(join(dir, 'input.json'), withBom);
    expect(run(['check', 'lmn', join(dir, 'input.json')]).code).toBe(0);
    const result = run(['render', 'lmn', '-', '-o', '-'], withBom);
    expect(result.code).toBe(0);
    expect((await readPdf(result.stdout)).text).toContain('Maria Delgado-Reyes');
  });

  it('refuses invalid UTF-8 with exit 3 and a clear message', () => {
    const broken = Buffer.from(readFileSync(EXAMPLE, 'utf8').replace('"Maria"', '"Ma@@ria"'));
    broken[broken.indexOf('@@')] = 0xc3;
    broken[broken.indexOf('@') + 1] = 0x28;
    const result = run(['check', 'lmn', '-'], broken);
    expect(result).toMatchObject({
      code: 3,
      stderr: '(input): the input is not valid UTF-8 text; save it as UTF-8\n',
    });
  });

  it('names the input file and why it cannot be read', () => {
    const dir = workDir();
    const missing = join(dir, 'missing.json');
    expect(run(['check', 'lmn', missing])).toMatchObject({
      code: 3,
      stderr: `(input): cannot read ${missing}: no such file\n`,
    });
    expect(run(['check', 'lmn', dir]).stderr).toBe(`(input): cannot read ${dir}: is a directory\n`);
    const input = loadExample('lmn-insurance');
    input.provider.practice.logo = 'nope.png';
    writeFileSync(join(dir, 'input.json'), JSON.stringify(input));
    expect(run(['check', 'lmn', join(dir, 'input.json')]).stderr).toBe(
      'provider.practice.logo: names an image file that cannot be read: no such file\n',
    );
  });
});

describe('lmnkit -o', () => {
  it('writes the PDF to stdout for -o -, and its report to stderr', async () => {
    const result = run(['render', 'lmn', EXAMPLE, '-o', '-', '--json']);
    expect(result.code).toBe(0);
    expect(result.stdout.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(JSON.parse(result.stderr)).toMatchObject({ output: '-', findings: expect.any(Array) });
    expect((await readPdf(result.stdout)).text).toContain('Maria Delgado-Reyes');
  });

  it('replaces the file behind a symbolic link and keeps the link', async () => {
    const dir = workDir();
    writeFileSync(join(dir, 'real.pdf'), 'old');
    symlinkSync(join(dir, 'real.pdf'), join(dir, 'link.pdf'));
    expect(run(['render', 'lmn', EXAMPLE, '-o', join(dir, 'link.pdf')]).code).toBe(0);
    expect(lstatSync(join(dir, 'link.pdf')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.pdf'))).toBe(join(dir, 'real.pdf'));
    expect((await readPdf(readFileSync(join(dir, 'real.pdf')))).text).toContain('Maria Delgado-Reyes');
  });

  it('writes into a FIFO in place: it stays a FIFO', async () => {
    const dir = workDir();
    const fifo = join(dir, 'letter.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const read = new Promise((resolve) => reader.once('close', resolve));
    const writer = spawn(process.execPath, [BIN, 'render', 'lmn', EXAMPLE, '-o', fifo]);
    const code = await new Promise((resolve) => writer.once('close', resolve));
    await read;
    expect(code).toBe(0);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect((await readPdf(Buffer.concat(chunks))).text).toContain('Maria Delgado-Reyes');
  });

  it('writes to a character device in place (/dev/null stays a device)', () => {
    expect(run(['render', 'lmn', EXAMPLE, '-o', '/dev/null']).code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('refuses a directory with exit 4 and writes nothing', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'out'));
    const result = run(['render', 'lmn', EXAMPLE, '-o', join(dir, 'out')]);
    expect(result).toMatchObject({
      code: 4,
      stderr: `lmnkit: ${join(dir, 'out')} is not a file, FIFO or character device: nothing was written.\n`,
    });
    expect(statSync(join(dir, 'out')).isDirectory()).toBe(true);
  });
});

describe('lmnkit conventions', () => {
  it('prints its version', () => {
    for (const flag of ['--version', '-v']) expect(run([flag]).stdout.toString()).toBe(`${version}\n`);
  });

  it('describes each command with help <command> and <command> --help', () => {
    for (const command of ['render', 'check', 'kinds', 'schema', 'serve', 'help']) {
      const help = run(['help', command]);
      expect(help.code).toBe(0);
      expect(help.stdout.toString()).toContain(`lmnkit ${command}`);
      expect(run([command, '--help']).stdout.toString()).toBe(help.stdout.toString());
    }
    expect(run(['help']).stdout.toString()).toContain('lmnkit --version');
    expect(run(['help', 'nope']).code).toBe(2);
  });

  it('serves with --timeout-ms 500 (the warm-up is not bound by the letter timeout)', async () => {
    const server = await startBuiltServer(['--timeout-ms', '500', '--threads', '1']);
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    server.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
