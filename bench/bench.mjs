// npm run bench: each scenario runs in its own node process (fresh caches, its own RSS) and prints one
// JSON line; a table and the machine follow. `node bench/bench.mjs <scenario>` runs one scenario.
// Targets (README "Performance"): letter ≤ 5 ms median; 5-page appeal ≤ 4× a one-page letter; memory flat
// over 10,000 letters; HTTP ≥ 200 letters/s at concurrency 8 with p99 ≤ 100 ms and no errors; server RSS
// ≤ 350 MB over 100,000 letters on 2 threads (`sustained`; LETTERS=n for a shorter run); `lmnkit batch` of 10,000
// rows on 2 threads ≥ 300 letters/s end to end with peak RSS ≤ 300 MB (`batch`).
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpus, availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const BENCH = fileURLToPath(import.meta.url);
const ROOT = new URL('../', import.meta.url);

const example = (name) => JSON.parse(readFileSync(new URL(`examples/${name}.json`, ROOT), 'utf8'));

/** The shortest LMN the templates allow (HSA/FSA, one diagnosis, no optional sections). */
function shortLmn() {
  const input = example('lmn-hsa-fsa');
  const clinical = input.clinical;
  input.diagnoses = input.diagnoses.slice(0, 1);
  delete input.patient.accountHolder;
  delete input.provider.practice.fax;
  delete input.treatment.techniques;
  clinical.priorTreatments = [];
  clinical.functionalLimitations = [];
  clinical.goals = [];
  delete clinical.expectedOutcome;
  clinical.history =
    'Liam has adolescent idiopathic scoliosis treated with a brace, which causes painful paraspinal muscle spasm.';
  return input;
}

/** examples/appeal.json with its clinical text, answer and dates of service lengthened to five pages. */
function longAppeal() {
  const input = example('appeal');
  const clinical = input.clinical;
  const repeated = (text) => Array.from({ length: 7 }, () => text).join('\n\n');
  clinical.history = repeated(clinical.history);
  clinical.examFindings = repeated(
    'At re-examination on November 16, 2026 lumbar flexion measured 60°, extension 20° and side bending 25° ' +
      'to each side. Paraspinal spasm was reduced from marked to mild, and the right quadratus lumborum ' +
      'trigger points reproduced only local pain. Neurological examination remained normal.',
  );
  clinical.symptoms.push(
    { description: 'Pain radiating to the right buttock after prolonged standing', severity: 5 },
    { description: 'Difficulty sleeping on his right side', severity: 4 },
  );
  clinical.functionalLimitations.push(
    'could not carry a tool bag heavier than 10 kg',
    'could not kneel to work on floor outlets for more than 5 minutes',
  );
  clinical.outcomeMeasures.push(
    {
      instrument: 'Lumbar flexion (°)',
      baseline: 35,
      baselineDate: '2026-09-28',
      current: 60,
      currentDate: '2026-11-16',
      target: 80,
    },
    {
      instrument: 'Sitting tolerance (min)',
      baseline: 20,
      baselineDate: '2026-09-28',
      current: 35,
      currentDate: '2026-11-16',
      target: 60,
    },
  );
  input.answer = repeated(input.answer);
  input.denial.datesOfService = Array.from(
    { length: 30 },
    (_, day) => `2026-10-${String(day + 1).padStart(2, '0')}`,
  );
  return input;
}

/** A new patient name for every letter (seeded, so every run writes the same 10,000 letters). */
function namesFrom(seed) {
  const syllables = [
    'ka',
    'lo',
    'mi',
    'ren',
    'sa',
    'tov',
    'el',
    'ná',
    'bri',
    'gö',
    'ña',
    'dar',
    'qui',
    'zé',
    'ho',
    'ly',
  ];
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16;
  const word = () => {
    const parts = Array.from({ length: 2 + (next() % 3) }, () => syllables[next() % syllables.length]);
    const name = parts.join('');
    return name[0].toUpperCase() + name.slice(1);
  };
  return () => ({ firstName: word(), lastName: `${word()}-${word()}` });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const round = (value, digits = 2) => Number(value.toFixed(digits));
const megabytes = (bytes) => Math.round(bytes / 1024 / 1024);

async function countPages(pdf) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await getDocument({ data: pdf.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages = document.numPages;
  await document.destroy();
  return pages;
}

/** Writes the same letter `count` times after a warm-up; every letter timed on its own. */
async function timeLetters(name, kind, input, count, extra = {}) {
  const { generate } = await import('../dist/index.js');
  const options = { force: true, ...extra };
  const { pdf } = await generate(kind, input, options);
  for (let i = 0; i < 100; i++) await generate(kind, input, options);
  const times = [];
  let peakRss = process.memoryUsage.rss();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await generate(kind, input, options);
    times.push(performance.now() - t0);
    if (i % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    scenario: name,
    kind,
    pages: await countPages(pdf),
    pdfKb: round(pdf.length / 1024, 1),
    letters: count,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    lettersPerSecond: round((count / total) * 1000, 1),
    peakRssMb: megabytes(peakRss),
  };
}

/** 10,000 letters, a new patient name each, so the caches keep meeting new words and glyph sets. */
async function runMemory() {
  const { generate } = await import('../dist/index.js');
  const collect = globalThis.gc ?? (() => {});
  const base = shortLmn();
  const nextName = namesFrom(20261127);
  const times = [];
  const rssEvery1000 = [];
  const heapEvery1000 = [];
  let peakRss = process.memoryUsage.rss();
  const started = performance.now();
  for (let i = 1; i <= 10_000; i++) {
    const input = JSON.parse(JSON.stringify(base));
    Object.assign(input.patient, nextName());
    const t0 = performance.now();
    await generate('lmn', input, { force: true });
    times.push(performance.now() - t0);
    if (i % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (i % 1000 === 0) {
      collect(); // what is still held, not garbage not yet collected
      const { rss, heapUsed } = process.memoryUsage();
      rssEvery1000.push(megabytes(rss));
      heapEvery1000.push(megabytes(heapUsed));
    }
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  return {
    scenario: 'memory: 10,000 LMNs, a new patient name each',
    kind: 'lmn',
    letters: times.length,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    lettersPerSecond: round((times.length / total) * 1000, 1),
    peakRssMb: megabytes(peakRss),
    rssAfter1000Mb: rssEvery1000[0],
    rssAfter10000Mb: rssEvery1000.at(-1),
    heapAfter1000Mb: heapEvery1000[0],
    heapAfter10000Mb: heapEvery1000.at(-1),
    rssMbEvery1000: rssEvery1000,
    heapMbEvery1000: heapEvery1000,
  };
}

/** Starts the built server on a free port and resolves with its URL once it logs that it listens. */
function startServer(args = [], nodeOptions = '') {
  const server = spawn(
    process.execPath,
    [
      ...nodeOptions.split(' ').filter(Boolean),
      fileURLToPath(new URL('dist/cli/bin.js', ROOT)),
      'serve',
      '--port',
      '0',
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const failed = (code) => reject(new Error(`the server exited with ${code}`));
    const read = (chunk) => {
      output += chunk;
      const line = output.split('\n').find((candidate) => candidate.includes('"listening"'));
      if (!line) return;
      server.off('exit', failed);
      server.stdout.off('data', read);
      server.stdout.resume(); // later log lines are drained, not kept
      const { url, threads } = JSON.parse(line);
      resolve({ server, url, threads });
    };
    server.once('exit', failed);
    server.stdout.on('data', read);
  });
}

function stopServer(server) {
  return new Promise((resolve) => {
    server.once('exit', resolve);
    server.kill('SIGTERM');
  });
}

function statusOf(pid, field) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return Math.round(kilobytes / 1024);
}

const peakRssOf = (pid) => statusOf(pid, 'VmHWM');

/** autocannon against the real server on loopback: 8 connections for 10 s, after a 3 s warm-up. */
async function runHttp() {
  const { default: autocannon } = await import('autocannon');
  const { server, url, threads } = await startServer();
  try {
    const body = JSON.stringify(shortLmn());
    // A fresh options object per run: autocannon keeps state in the one it is given.
    const request = (duration) => ({
      url: `${url}/v1/letters/lmn?force=true`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: 8,
      duration,
    });
    await autocannon(request(3));
    const result = await autocannon(request(10));
    return {
      scenario: 'HTTP: POST /v1/letters/lmn, 8 connections, 10 s',
      kind: 'lmn',
      serverThreads: threads,
      letters: result['2xx'],
      lettersPerSecond: round(result['2xx'] / result.duration, 1),
      medianMs: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      peakRssMb: peakRssOf(server.pid),
    };
  } finally {
    await stopServer(server);
  }
}

/**
 * Sustained load: LETTERS letters (default 100,000, each with a new patient name) over HTTP on 2 render
 * threads, 8 connections. Reports the server's RSS after each tenth of the letters, its peak, and its RSS after
 * 10 s idle. Target: peak ≤ 350 MB.
 */
async function runSustained() {
  const { default: autocannon } = await import('autocannon');
  const letters = Number(process.env.LETTERS ?? 100_000);
  const BATCH = Math.min(10_000, Math.ceil(letters / 10));
  const { server, url, threads } = await startServer(['--threads', '2'], process.env.SERVER_NODE_OPTIONS);
  try {
    const input = shortLmn();
    const nextName = namesFrom(7);
    const started = performance.now();
    const rssMbPerTenth = [];
    let sent = 0;
    let errors = 0;
    while (sent < letters) {
      const amount = Math.min(BATCH, letters - sent);
      const result = await autocannon({
        url,
        connections: 8,
        amount,
        requests: [
          {
            method: 'POST',
            path: '/v1/letters/lmn?force=true',
            headers: { 'content-type': 'application/json' },
            // A new patient name per letter: caches keyed by text see new text all the time.
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ ...input, patient: { ...input.patient, ...nextName() } }),
            }),
          },
        ],
      });
      sent += amount;
      errors += result.errors + result.timeouts + result.non2xx;
      rssMbPerTenth.push(statusOf(server.pid, 'VmRSS'));
      // Progress on stderr: a long run can be followed (and its figures kept) while it goes.
      process.stderr.write(
        `${sent} letters, ${errors} errors, RSS ${rssMbPerTenth.at(-1)} MB, peak ${peakRssOf(server.pid)} MB\n`,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    await sleep(10_000);
    return {
      scenario: `HTTP sustained: ${letters.toLocaleString('en-US')} LMNs on 2 threads, 8 connections`,
      serverThreads: threads,
      letters: sent,
      lettersPerSecond: round(sent / seconds, 1),
      errors,
      peakRssMb: peakRssOf(server.pid),
      finalRssMb: statusOf(server.pid, 'VmRSS'),
      rssMbPerTenth,
    };
  } finally {
    await stopServer(server);
  }
}

/** A CSV cell, quoted when it holds a comma, quote or newline. */
const csvCell = (text) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * `lmnkit batch` end to end on 2 threads: LETTERS rows (default 10,000) of examples/batch/hsa-fsa-rows.csv, a
 * new patient name each, three of them bad on purpose (an invalid date, a missing account holder, a short row).
 * Reports letters/s from start to exit and the CLI process's peak RSS (VmHWM). Targets: ≥ 300 letters/s, ≤ 300 MB.
 */
async function runBatch() {
  const letters = Number(process.env.LETTERS ?? 10_000);
  const [headerLine, ...lines] = readFileSync(new URL('examples/batch/hsa-fsa-rows.csv', ROOT), 'utf8')
    .trim()
    .split('\n');
  const header = headerLine.split(',');
  const cellsOf = (line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map(([, cell]) => cell);
  const rows = lines.map(cellsOf);
  const at = (path) => header.indexOf(path);
  const nextName = namesFrom(20261201);
  const bad = new Map([
    [1000, (cells) => (cells[at('patient.dateOfBirth')] = '2011-02-30')],
    [
      5000,
      (cells) =>
        header.forEach((path, index) => path.startsWith('patient.accountHolder.') && (cells[index] = '')),
    ],
    [9000, (cells) => cells.pop()],
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'lmnkit-bench-batch-'));
  try {
    const csv = [headerLine];
    for (let row = 1; row <= letters; row++) {
      const cells = [...rows[row % rows.length]];
      const { firstName, lastName } = nextName();
      cells[at('patient.firstName')] = csvCell(firstName);
      cells[at('patient.lastName')] = csvCell(lastName);
      bad.get(row)?.(cells);
      csv.push(cells.join(','));
    }
    const source = join(dir, 'rows.csv');
    writeFileSync(source, `${csv.join('\n')}\n`);
    const out = join(dir, 'out');
    const args = [
      'batch',
      'lmn',
      source,
      '--base',
      fileURLToPath(new URL('examples/batch/practice.json', ROOT)),
    ];
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('dist/cli/bin.js', ROOT)), ...args, '--out', out, '--threads', '2'],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let peakRssMb = 0;
    const poll = setInterval(() => {
      try {
        peakRssMb = Math.max(peakRssMb, peakRssOf(child.pid));
      } catch {
        // the process has just exited
      }
    }, 100);
    let log = '';
    child.stderr.on('data', (chunk) => (log += chunk));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    clearInterval(poll);
    const seconds = (performance.now() - started) / 1000;
    const report = readFileSync(join(out, 'report.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const count = (status) => report.filter((line) => line.status === status).length;
    return {
      scenario: `batch: ${letters.toLocaleString('en-US')} HSA/FSA LMNs from one CSV, 2 threads`,
      kind: 'lmn',
      letters: count('written'),
      exitCode: code,
      refusedRows: report.filter((line) => line.status === 'refused').map((line) => line.row),
      pdfFiles: readdirSync(out).filter((file) => file.endsWith('.pdf')).length,
      lettersPerSecond: round(count('written') / seconds, 1),
      seconds: round(seconds, 1),
      peakRssMb,
      lastLogLine: log.trim().split('\n').at(-1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A throwaway self-signed certificate for the shortest LMN's signer, as a practice's .p12 would hold it. */
async function benchSigning(signer) {
  const { generateKeyPairSync } = await import('node:crypto');
  const { default: forge } = await import('node-forge');
  const { loadSigningCertificate } = await import('../dist/index.js');
  const pem = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(pem.privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pem.publicKey);
  cert.serialNumber = '01';
  cert.validity.notAfter = new Date(Date.UTC(2035, 0, 1));
  const name = [{ shortName: 'CN', value: `${signer.firstName} ${signer.lastName}` }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.asn1
    .toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], 'bench', { algorithm: '3des' }))
    .getBytes();
  return loadSigningCertificate(Buffer.from(p12, 'binary'), 'bench');
}

/** The shortest LMN, digitally signed (PAdES): the cost of signing is this less `lmn`. */
async function runSigned() {
  const input = shortLmn();
  input.provider.signature = { mode: 'digital' };
  const signing = await benchSigning(input.provider);
  return timeLetters('shortest LMN, digitally signed', 'lmn', input, 1000, {
    signing,
    signedAt: new Date(0),
  });
}

const SCENARIOS = {
  lmn: () => timeLetters('shortest LMN, one process', 'lmn', shortLmn(), 1000),
  prescription: () => timeLetters('prescription, one process', 'prescription', example('prescription'), 1000),
  appeal: () => timeLetters('5-page appeal, one process', 'appeal', longAppeal(), 300),
  signed: runSigned,
  memory: runMemory,
  http: runHttp,
  sustained: runSustained,
  batch: runBatch,
};

function runAlone(name) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', BENCH, name], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(output.trim().split('\n').at(-1)));
      else reject(new Error(`scenario ${name} exited with ${code}`));
    });
  });
}

const only = process.argv[2];
if (only) {
  if (!SCENARIOS[only])
    throw new Error(`unknown scenario ${only}; one of ${Object.keys(SCENARIOS).join(', ')}`);
  process.stdout.write(`${JSON.stringify(await SCENARIOS[only]())}\n`);
} else {
  const results = [];
  for (const name of Object.keys(SCENARIOS)) {
    const result = await runAlone(name);
    const expected = { prescription: 1, appeal: 5 }[name];
    if (expected !== undefined && result.pages !== expected) {
      console.error(`warning: the ${name} has ${result.pages} pages, not ${expected}: the templates changed`);
    }
    if (name === 'appeal') {
      const [lmn, prescription] = results;
      result.timesShortestLmn = round(result.medianMs / lmn.medianMs);
      result.timesOnePagePrescription = round(result.medianMs / prescription.medianMs);
    }
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(
    `\n${availableParallelism()} × ${cpu}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.table(
    results.map(
      ({
        kind: _kind,
        rssMbEvery1000: _rss,
        heapMbEvery1000: _heap,
        rssMbPerTenth: _http,
        refusedRows: _refused,
        lastLogLine: _log,
        ...result
      }) => result,
    ),
  );
}
