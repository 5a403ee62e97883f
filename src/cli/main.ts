import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { lstat, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, delimiter, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  check,
  CodeSetUnreadableError,
  generate,
  GenerationError,
  NotALetterError,
  SigningCertificateError,
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
  fromFhir,
} from '../index.js';
import { isFhirInput, locateErrors, locateReport, unmappedLines } from './fhir-input.js';
import { BATCH_HELP, BATCH_USAGE, runBatch } from './batch.js';
import { ConfigError, startServer } from './serve.js';
import { extract, PdfInputError } from './extract.js';
import { readSigningOption, SignOptionError, withDigitalSignature } from './sign-option.js';
import { verify } from './verify.js';

const EXIT = { ok: 0, unexpected: 1, usage: 2, invalid: 3, failed: 4 } as const;

const COMMANDS = {
  render: {
    usage:
      'lmnkit render <kind> <input.json|-> [-o out.pdf|-] [--html] [--force] [--json] [--packet] [--fax-cover] [--sign <cert.p12>] [--icd10cm <file>]…\n                [--from fhir|json] [--with overlay.json]',
    help: `Writes the letter as PDF (or, with --html, as the HTML preview). The input is a JSON file, or - for
stdin; image fields may name PNG/JPEG files relative to it.
  -o <file>     where to write (default: the input's name with .pdf or .html; - writes to stdout, and
                the --json report then goes to stderr). A regular or absent file is written through
                a temporary file and a rename, so a failure never leaves half a file; a symbolic link
                is followed; a FIFO or character device (/dev/stdout) is written in place; a
                directory, socket or block device is refused (exit 4).
  --force       write the letter despite blocking findings
  --packet      add the claim-packet page to an HSA/FSA letter (the same as "packet": true)
  --fax-cover   add a fax cover sheet addressed to the recipient's fax (the same as "coverSheet": "fax")
  --sign <p12>  sign the letter digitally (PAdES) with this PKCS#12 certificate, which must name the
                signer; the passphrase comes from LMNKIT_SIGNING_PASSPHRASE or a prompt
  --json        print {output, findings} as JSON
  --from fhir   the input is a FHIR R4 Bundle (found without it by "resourceType": "Bundle"); --from json
                reads it as letter input whatever it holds. --with names the overlay JSON merged over
                what the Bundle gives (README "FHIR R4 input"); problems name their place in the Bundle.`,
  },
  extract: {
    usage: 'lmnkit extract <letter.pdf>',
    help: 'Prints the letter data a lmnkit letter carries (lmnkit-letter.json): its validated input, images by SHA-256.',
  },
  verify: {
    usage: 'lmnkit verify <letter.pdf> [--json]',
    help: `Checks a letter: lmnkit letter, kind and date, signed and by whom, signature valid and covering the
whole file, same text as its embedded data, PDF/A and PDF/UA claims. Exit 0 verified, 3 not verified.`,
  },
  check: {
    usage:
      'lmnkit check  <kind> <input.json|-> [--json] [--icd10cm <file>]… [--from fhir|json] [--with overlay.json]',
    help: 'Reports every input problem and finding without writing a letter: exit 0 ok, 3 not ok.',
  },
  batch: { usage: BATCH_USAGE, help: BATCH_HELP },
  kinds: { usage: 'lmnkit kinds  [--json]', help: 'Lists the letter kinds, their titles and purposes.' },
  schema: {
    usage: 'lmnkit schema <kind>',
    help: "Prints the JSON Schema (draft 2020-12) of the kind's input.",
  },
  serve: {
    usage: `lmnkit serve  [--port 3000] [--host 127.0.0.1] [--icd10cm <file>]… [--threads <n>] [--queue <n>]
              [--timeout-ms <ms>] [--api-keys-file <file>] [--cors-origins <origins>] [--log-level info]
              [--practice <practice.json>]`,
    help: 'Serves the HTTP API and the web form until SIGTERM or SIGINT (README "Running the service").',
  },
  help: { usage: 'lmnkit help [command]', help: 'Shows this text, or the help of one command.' },
} as const;

type Command = keyof typeof COMMANDS;

const USAGE = `Usage:
${Object.values(COMMANDS)
  .map(({ usage }) => `  ${usage}`)
  .join('\n')}
  lmnkit --version

--icd10cm names an official ICD-10-CM code-set file (one per fiscal year, e.g.
icd10cm_codes_2027.txt.gz); without it, LMNKIT_ICD10CM lists them, separated by '${delimiter}'.
\`lmnkit help <command>\` or \`lmnkit <command> --help\` describes one command.

Exit codes: 0 written, 2 usage error, 3 input invalid or blocking findings,
4 generation failed, 1 anything unexpected.`;

function isCommand(name: string | undefined): name is Command {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

function commandHelp(command: Command): string {
  const { usage, help } = COMMANDS[command];
  return `Usage:\n  ${usage}\n\n${help}\n\nExit codes: 0 written, 2 usage error, 3 input invalid or blocking findings,\n4 generation failed, 1 anything unexpected.`;
}

function readVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return version;
}

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
  from: { type: 'string' },
  with: { type: 'string' },
  out: { type: 'string' },
  base: { type: 'string' },
  map: { type: 'string' },
  name: { type: 'string' },
  resume: { type: 'boolean' },
  shard: { type: 'string' },
  template: { type: 'boolean' },
  'fax-cover': { type: 'boolean' },
  sign: { type: 'string' },
  practice: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a folder on its path is not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** Why a file could not be read, in words: "no such file", "permission denied" … */
function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return FILE_ERRORS[code] ?? (code === '' ? 'it could not be read' : `it could not be read (${code})`);
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The input as text: UTF-8 with or without a byte-order mark; anything else is refused, never guessed. */
function decodeInput(bytes: Buffer): string {
  if (!isUtf8(bytes)) {
    const message = 'the input is not valid UTF-8 text; save it as UTF-8';
    throw new InputError([{ path: '', code: 'MALFORMED_INPUT', message }]);
  }
  return (bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes).toString('utf8');
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
    } catch (error) {
      issues.push({
        path: path.join('.'),
        code: 'FILE_NOT_READABLE',
        message: `names an image file that cannot be read: ${describeFileError(error)}`,
      });
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

async function readInput(source: string | undefined, io: Io): Promise<unknown> {
  if (source === undefined) throw new UsageError('missing <input.json|->');
  let bytes: Buffer;
  try {
    bytes = source === '-' ? await readStream(io.stdin) : await readFile(source);
  } catch (error) {
    const message = `cannot read ${source === '-' ? 'stdin' : source}: ${describeFileError(error)}`;
    throw new InputError([{ path: '', code: 'FILE_NOT_READABLE', message }]);
  }
  const text = decodeInput(bytes);
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

/**
 * Writes the letter where -o says: stdout for '-'; a regular or absent file through a temporary file
 * and a rename; the real file behind a symbolic link likewise (the link stays); a FIFO or character
 * device in place, since there is no file to half-write; anything else is refused.
 */
async function writeOutput(output: string, data: Uint8Array | string, io: Io): Promise<void> {
  if (output === '-') {
    await new Promise<void>((resolve, reject) => {
      io.stdout.write(data, (error) => (error ? reject(error) : resolve()));
    });
    return;
  }
  let target = output;
  let kind = await lstat(output).catch(() => undefined);
  if (kind?.isSymbolicLink()) {
    try {
      target = await realpath(output);
      kind = await stat(target);
    } catch (error) {
      throw new GenerationError(`${output} is a symbolic link to nothing (${describeFileError(error)}).`);
    }
  }
  if (kind === undefined || kind.isFile()) {
    await writeAtomically(target, data);
    return;
  }
  if (!kind.isFIFO() && !kind.isCharacterDevice()) {
    throw new GenerationError(`${output} is not a file, FIFO or character device: nothing was written.`);
  }
  try {
    await writeFile(target, data);
  } catch (error) {
    throw new GenerationError(`${output} could not be written: ${describeFileError(error)}.`, {
      cause: error,
    });
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

/** The input as read, or the letter input mapped from a FHIR Bundle and its overlay (src/cli/fhir-input.ts). */
async function readLetterInput(kind: string, source: string | undefined, values: Values, io: Io) {
  if (values.from !== undefined && values.from !== 'fhir' && values.from !== 'json')
    throw new UsageError('--from takes fhir or json');
  const read = await readInput(source, io);
  if (!isFhirInput(read, values.from)) {
    if (values.with !== undefined) throw new UsageError('--with goes with a FHIR Bundle (--from fhir)');
    return { input: read, fhir: undefined };
  }
  const overlay =
    values.with === undefined
      ? {}
      : await readInput(values.with, io).catch((error: unknown) => {
          if (!(error instanceof InputError)) throw error;
          throw new InputError(
            error.issues.map((issue) => ({ ...issue, path: `overlay${issue.path && '.'}${issue.path}` })),
          );
        });
  const fhir = fromFhir(kind, read, overlay);
  return { input: fhir.input, fhir };
}

/** --fax-cover sets the input's `coverSheet` to "fax" (a cover sheet addressed to the recipient's fax). */
function withFaxCover(input: unknown, values: Values): unknown {
  if (values['fax-cover'] !== true || input === null || typeof input !== 'object' || Array.isArray(input))
    return input;
  return { ...input, coverSheet: 'fax' };
}

async function render(positionals: string[], values: Values, io: Io): Promise<number> {
  const [kind, source] = positionals;
  if (kind === undefined) throw new UsageError('missing <kind>');
  const { input: read, fhir } = await readLetterInput(kind, source, values, io);
  const packed = withFaxCover(withPacket(read, values.packet === true), values);
  const input = values.sign === undefined ? packed : withDigitalSignature(packed);
  const settings = {
    ...(await letterOptions(values)),
    ...(values.sign !== undefined && { signing: await readSigningOption(values.sign, process.env, io) }),
  };
  const output = values.output ?? defaultOutput(source ?? '-', values.html === true);
  let findings: Finding[];
  if (values.html) {
    findings = locateReport(fhir, check(kind, input, settings)).findings;
    if (!values.force && findings.some((finding) => finding.level === 'error')) throw new RuleError(findings);
    await writeOutput(output, await locateErrors(fhir, () => preview(kind, input, settings)), io);
  } else {
    const force = values.force === true;
    const result = await locateErrors(fhir, () => generate(kind, input, { ...settings, force }));
    findings = result.findings;
    await writeOutput(output, result.pdf, io);
  }
  // With -o -, stdout holds the letter: the report goes to stderr.
  const report = output === '-' ? io.stderr : io.stdout;
  const unmapped = fhir && { unmapped: fhir.unmapped };
  if (values.json) report.write(`${JSON.stringify({ output, findings, ...unmapped })}\n`);
  else {
    io.stderr.write(unmappedLines(fhir));
    printFindings(findings, io);
    if (output !== '-') io.stdout.write(`${output}\n`);
  }
  return EXIT.ok;
}

async function runCheck(positionals: string[], values: Values, io: Io): Promise<number> {
  const [kind, source] = positionals;
  if (kind === undefined) throw new UsageError('missing <kind>');
  const { input, fhir } = await readLetterInput(kind, source, values, io);
  const report = locateReport(fhir, check(kind, input, await letterOptions(values)));
  if (values.json) io.stdout.write(`${JSON.stringify(report)}\n`);
  else {
    io.stderr.write(unmappedLines(fhir));
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
    case 'batch':
      return runBatch(positionals, values, io);
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
    case 'extract':
      await extract(positionals[0], io.stdout);
      return EXIT.ok;
    case 'verify':
      return (await verify(positionals[0], values.json === true, io.stdout)) ? EXIT.ok : EXIT.invalid;
    case 'help':
      if (positionals[0] !== undefined && !isCommand(positionals[0])) throw new UsageError('unknown command');
      io.stdout.write(`${positionals[0] === undefined ? USAGE : commandHelp(positionals[0])}\n`);
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
    const [command, ...rest] = positionals;
    if (values.version) {
      io.stdout.write(`${readVersion()}\n`);
      return EXIT.ok;
    }
    if (values.help) {
      io.stdout.write(`${isCommand(command) ? commandHelp(command) : USAGE}\n`);
      return EXIT.ok;
    }
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
    if (error instanceof SignOptionError || error instanceof SigningCertificateError) {
      io.stderr.write(`lmnkit: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof PdfInputError || error instanceof NotALetterError) {
      io.stderr.write(`lmnkit: ${error.message}\n`);
      return EXIT.invalid;
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
