import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, delimiter, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  check,
  CodeSetUnreadableError,
  generate,
  GenerationError,
  jsonSchema,
  kinds,
  loadIcd10cm,
  preview,
  RuleError,
  TemplateError,
  UnknownKindError,
  ValidationError,
  type Finding,
  type GenerateOptions,
  type Issue,
} from '../index.js';
import { ConfigError, startServer } from './serve.js';

const EXIT = { ok: 0, unexpected: 1, usage: 2, invalid: 3, failed: 4 } as const;

const USAGE = `Usage:
  lmnkit render <kind> <input.json|-> [-o out.pdf] [--html] [--force] [--json] [--packet] [--icd10cm <file>]…
  lmnkit check  <kind> <input.json|-> [--json] [--icd10cm <file>]…
  lmnkit kinds  [--json]
  lmnkit schema <kind>
  lmnkit serve  [--port 3000] [--host 127.0.0.1] [--icd10cm <file>]… [--threads <n>] [--queue <n>]
                [--timeout-ms <ms>] [--api-keys-file <file>] [--cors-origins <origins>] [--log-level info]

--icd10cm names an official ICD-10-CM code-set file (one per fiscal year, e.g.
icd10cm_codes_2027.txt.gz); without it, LMNKIT_ICD10CM lists them, separated by '${delimiter}'.
--packet adds the claim-packet page to an HSA/FSA letter (the same as "packet": true in the input).

Exit codes: 0 written, 2 usage error, 3 input invalid or blocking findings,
4 generation failed, 1 anything unexpected.`;

class UsageError extends Error {}

/** Input problems found before the library is called (unreadable file, malformed JSON). */
class InputError extends Error {
  constructor(readonly issues: Issue[]) {
    super('input invalid');
  }
}

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
}

const options = {
  output: { type: 'string', short: 'o' },
  html: { type: 'boolean' },
  force: { type: 'boolean' },
  packet: { type: 'boolean' },
  json: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  icd10cm: { type: 'string', multiple: true },
  threads: { type: 'string' },
  queue: { type: 'string' },
  'timeout-ms': { type: 'string' },
  'api-keys-file': { type: 'string' },
  'cors-origins': { type: 'string' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/** Image fields may name a PNG/JPEG file, relative to the input file; the library takes base64. */
const IMAGE_FIELDS = [
  ['provider', 'practice', 'logo'],
  ['provider', 'signature', 'image'],
] as const;

async function inlineImageFiles(input: unknown, baseDir: string): Promise<void> {
  const issues: Issue[] = [];
  for (const path of IMAGE_FIELDS) {
    let holder: unknown = input;
    for (const key of path.slice(0, -1)) holder = (holder as Record<string, unknown> | null)?.[key];
    if (holder === null || typeof holder !== 'object') continue;
    const record = holder as Record<string, unknown>;
    const field = path.at(-1) ?? '';
    const value = record[field];
    if (typeof value !== 'string' || !/\.(png|jpe?g)$/i.test(value)) continue;
    try {
      record[field] = (await readFile(resolve(baseDir, value))).toString('base64');
    } catch {
      issues.push({
        path: path.join('.'),
        code: 'FILE_NOT_READABLE',
        message: 'names an image file that cannot be read',
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

async function readInput(source: string | undefined, io: Io): Promise<unknown> {
  if (source === undefined) throw new UsageError('missing <input.json|->');
  let text: string;
  try {
    text = source === '-' ? await readStream(io.stdin) : await readFile(source, 'utf8');
  } catch {
    throw new InputError([{ path: '', code: 'FILE_NOT_READABLE', message: 'the input file cannot be read' }]);
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new InputError([{ path: '', code: 'MALFORMED_JSON', message: 'the input is not valid JSON' }]);
  }
  await inlineImageFiles(input, source === '-' ? process.cwd() : dirname(resolve(source)));
  return input;
}

/** Writes through a temporary file and a rename, so a failure never leaves half a file. */
async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new GenerationError('The output file could not be written.', { cause: error });
  }
}

/** Code sets from --icd10cm, or else from LMNKIT_ICD10CM; none when neither is given. */
async function letterOptions(values: Values): Promise<Omit<GenerateOptions, 'force'>> {
  const fromEnv = (process.env.LMNKIT_ICD10CM ?? '').split(delimiter).filter((path) => path.trim() !== '');
  const paths = values.icd10cm ?? fromEnv;
  return paths.length === 0 ? {} : { codeSets: await loadIcd10cm(paths) };
}

function formatLine({ path, message }: { path: string; message: string }): string {
  return `${path || '(input)'}: ${message}`;
}

function printFindings(findings: readonly Finding[], io: Io): void {
  for (const finding of findings)
    io.stderr.write(`${formatLine(finding)} [${finding.level} ${finding.code}]\n`);
}

function defaultOutput(source: string, html: boolean): string {
  const extension = html ? '.html' : '.pdf';
  return source === '-'
    ? `letter${extension}`
    : join(dirname(source), basename(source, extname(source)) + extension);
}

/** --packet sets the input's `packet`; kinds without one then report it as an unknown field. */
function withPacket(input: unknown, packet: boolean): unknown {
  if (!packet || input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  return { ...input, packet: true };
}

async function render(positionals: string[], values: Values, io: Io): Promise<number> {
  const [kind, source] = positionals;
  if (kind === undefined) throw new UsageError('missing <kind>');
  const input = withPacket(await readInput(source, io), values.packet === true);
  const settings = await letterOptions(values);
  const output = values.output ?? defaultOutput(source ?? '-', values.html === true);
  let findings: Finding[];
  if (values.html) {
    findings = check(kind, input, settings).findings;
    if (!values.force && findings.some((finding) => finding.level === 'error')) throw new RuleError(findings);
    await writeAtomically(output, preview(kind, input, settings));
  } else {
    const result = await generate(kind, input, { ...settings, force: values.force === true });
    findings = result.findings;
    await writeAtomically(output, result.pdf);
  }
  if (values.json) io.stdout.write(`${JSON.stringify({ output, findings })}\n`);
  else {
    printFindings(findings, io);
    io.stdout.write(`${output}\n`);
  }
  return EXIT.ok;
}

async function runCheck(positionals: string[], values: Values, io: Io): Promise<number> {
  const [kind, source] = positionals;
  if (kind === undefined) throw new UsageError('missing <kind>');
  const input = await readInput(source, io);
  const report = check(kind, input, await letterOptions(values));
  if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    for (const issue of report.issues) io.stderr.write(`${formatLine(issue)}\n`);
    printFindings(report.findings, io);
    if (report.ok) io.stdout.write('ok\n');
  }
  return report.ok ? EXIT.ok : EXIT.invalid;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

async function dispatch(
  command: string | undefined,
  positionals: string[],
  values: Values,
  io: Io,
): Promise<number> {
  switch (command) {
    case 'render':
      return render(positionals, values, io);
    case 'check':
      return runCheck(positionals, values, io);
    case 'kinds':
      if (values.json) io.stdout.write(`${JSON.stringify(kinds())}\n`);
      else
        for (const kind of kinds())
          io.stdout.write(`${kind.kind}\t${kind.title}\t${kind.purposes.join(', ')}\n`);
      return EXIT.ok;
    case 'schema':
      if (positionals[0] === undefined) throw new UsageError('missing <kind>');
      io.stdout.write(`${JSON.stringify(jsonSchema(positionals[0]), null, 2)}\n`);
      return EXIT.ok;
    case 'serve':
      // Flags, then PORT, HOST and LMNKIT_* variables (README "Running the service"); logs go to stdout.
      await startServer({ flags: values, env: process.env, log: io.stdout });
      return EXIT.ok;
    default:
      throw new UsageError(command === undefined ? 'missing command' : 'unknown command');
  }
}

/** Runs the CLI and returns its exit code; errors never carry field values. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true });
    if (values.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    const [command, ...rest] = positionals;
    return await dispatch(command, rest, values, io);
  } catch (error) {
    const json = argv.includes('--json');
    const report = (issues: readonly Issue[], findings: readonly Finding[] = []) => {
      if (json) io.stdout.write(`${JSON.stringify({ ok: false, issues, findings })}\n`);
      else for (const line of issues) io.stderr.write(`${formatLine(line)}\n`);
    };
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`lmnkit: ${(error as Error).message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      io.stderr.write(
        `lmnkit: invalid configuration:\n${error.problems.map((line) => `  ${line}\n`).join('')}`,
      );
      return EXIT.usage;
    }
    if (error instanceof UnknownKindError || error instanceof CodeSetUnreadableError) {
      io.stderr.write(`lmnkit: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof InputError || error instanceof ValidationError) {
      report(error.issues);
      return EXIT.invalid;
    }
    if (error instanceof RuleError) {
      report(
        error.findings.filter((finding) => finding.level === 'error'),
        error.findings,
      );
      if (!json)
        io.stderr.write('Blocking findings: fix them, or pass --force to write the letter anyway.\n');
      return EXIT.invalid;
    }
    if (error instanceof GenerationError || error instanceof TemplateError) {
      io.stderr.write(`lmnkit: ${error.message}\n`);
      return EXIT.failed;
    }
    io.stderr.write(`lmnkit: unexpected error (${error instanceof Error ? error.name : 'unknown'})\n`);
    return EXIT.unexpected;
  }
}
