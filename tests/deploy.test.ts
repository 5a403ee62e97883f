// The container image and Kubernetes manifests (deploy/): they parse, they agree with one another,
// and every flag and variable they use is one the CLI and the service's configuration know.
// Docker and a cluster are not needed: the structure is what is checked. The last block proves
// the service stateless: two replicas answer alike, no session, no file written by the library.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { main } from '../src/cli/main.js';
import { createApp } from '../src/server/app.js';
import { SETTINGS } from '../src/server/config.js';
import { loadExample, TODAY } from './support/pdf.js';

const ROOT = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

type Manifest = Record<string, any>;

function manifests(): Manifest[] {
  return readdirSync(new URL('deploy/', ROOT))
    .filter((file) => file.endsWith('.yaml'))
    .flatMap((file) =>
      parseAllDocuments(read(`deploy/${file}`)).map((document) => {
        expect(document.errors, file).toEqual([]);
        return document.toJS() as Manifest;
      }),
    );
}

const byKind = (kind: string): Manifest => {
  const found = manifests().find((manifest) => manifest.kind === kind);
  if (!found) throw new Error(`no ${kind} in deploy/`);
  return found;
};

const containerOf = (workload: Manifest): Manifest => workload.spec.template.spec.containers[0] as Manifest;

/** Runs the CLI in process; parseArgs is strict, so an unknown flag exits 2 before --help answers 0. */
async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await main(args, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    stdin: process.stdin,
  });
  return { code, stdout, stderr };
}

const CONFIG_VARIABLES = new Set<string>(Object.values(SETTINGS).map(({ env }) => env));

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const lines = dockerfile.split('\n').filter((line) => !line.trimStart().startsWith('#'));
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('builds in one stage and runs Node 20 slim as a non-root user in another', () => {
    expect(lines.filter((line) => line.startsWith('FROM '))).toEqual([
      'FROM node:20-slim AS build',
      'FROM node:20-slim',
    ]);
    const runtime = stages.at(-1) ?? '';
    expect(runtime).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^ENTRYPOINT \["node", "dist\/cli\/bin\.js"\]$/m);
    expect(runtime).toMatch(/^CMD \["serve"\]$/m);
  });

  it('checks its health on /healthz at the configured port', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(dockerfile).toContain('process.env.PORT');
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const sources = lines
      .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
      .flatMap((line) => line.slice('COPY '.length).trim().split(/\s+/).slice(0, -1));
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      const path = source.replace(/\*\.json$/, '');
      expect(existsSync(new URL(path, ROOT)), source).toBe(true);
      expect(
        ignored.some((pattern) => pattern === path.replace(/\/$/, '')),
        source,
      ).toBe(false);
    }
    expect(ignored).toEqual(expect.arrayContaining(['.git', 'node_modules', 'dist', 'test-artifacts']));
  });

  it('sets only variables the service reads', () => {
    const env = [...dockerfile.matchAll(/^ENV ([\s\S]*?)(?=\n\S)/gm)].flatMap(([, body = '']) =>
      [...body.matchAll(/([A-Z_][A-Z0-9_]*)=/g)].map(([, name]) => name),
    );
    expect(env).toEqual(['HOST', 'PORT']);
    for (const name of env) expect(CONFIG_VARIABLES, name).toContain(name);
  });
});

describe('Kubernetes manifests', () => {
  it('parse, and hold a Deployment, a Service, a HorizontalPodAutoscaler and an Indexed Job', () => {
    expect(
      manifests()
        .map((manifest) => manifest.kind as string)
        .sort(),
    ).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'Job', 'Kustomization', 'Service']);
    for (const file of byKind('Kustomization').resources as string[])
      expect(existsSync(new URL(`deploy/${file}`, ROOT)), file).toBe(true);
  });

  it('probe /healthz on the port the service listens on, and size every container', () => {
    const deployment = byKind('Deployment');
    const container = containerOf(deployment);
    const port = container.ports[0];
    const env = Object.fromEntries((container.env as Manifest[]).map((entry) => [entry.name, entry.value]));
    expect(Number(env.PORT)).toBe(port.containerPort);
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'])
      expect(container[probe].httpGet, probe).toEqual({ path: '/healthz', port: port.name });
    for (const workload of [deployment, byKind('Job')]) {
      const { requests, limits } = containerOf(workload).resources;
      expect(requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
      expect(limits).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    }
    // One render thread per core the pod is given.
    expect(env.LMNKIT_THREADS).toBe(container.resources.requests.cpu);
  });

  it('run as a non-root user on a read-only root file system', () => {
    for (const workload of [byKind('Deployment'), byKind('Job')]) {
      expect(workload.spec.template.spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 1000,
      });
      expect(containerOf(workload).securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
    }
  });

  it('route the Service and scale the Deployment that exist', () => {
    const deployment = byKind('Deployment');
    const labels = deployment.spec.template.metadata.labels;
    const service = byKind('Service');
    expect(labels).toMatchObject(service.spec.selector);
    expect(service.spec.ports[0].targetPort).toBe(containerOf(deployment).ports[0].name);
    const hpa = byKind('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } },
      },
    ]);
  });

  it('set only variables the service configuration reads', () => {
    const container = containerOf(byKind('Deployment'));
    for (const { name } of container.env as Manifest[]) expect(CONFIG_VARIABLES, name).toContain(name);
  });

  it('split the batch with an Indexed Job whose shards cover every completion index', () => {
    const job = byKind('Job');
    const container = containerOf(job);
    expect(job.spec.completionMode).toBe('Indexed');
    const env = Object.fromEntries((container.env as Manifest[]).map((entry) => [entry.name, entry]));
    expect(env.JOB_COMPLETION_INDEX.valueFrom.fieldRef.fieldPath).toBe(
      "metadata.annotations['batch.kubernetes.io/job-completion-index']",
    );
    expect(Number(env.SHARD_COUNT.value)).toBe(job.spec.completions);
    const args: string[] = container.args;
    expect(args[args.indexOf('--shard') + 1]).toBe('$(JOB_COMPLETION_INDEX)/$(SHARD_COUNT)');
  });

  it('pass the CLI only commands and flags it knows', async () => {
    const expand = (args: string[]) =>
      args.map((arg) => arg.replace('$(JOB_COMPLETION_INDEX)', '3').replace('$(SHARD_COUNT)', '4'));
    for (const workload of [byKind('Deployment'), byKind('Job')]) {
      const args = expand(containerOf(workload).args);
      const result = await runCli([...args, '--help']);
      expect(result, args.join(' ')).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain(`lmnkit ${args[0]}`);
      for (const flag of args.filter((arg) => arg.startsWith('--')))
        expect(result.stdout, flag).toContain(flag);
    }
  });

  it('give --shard a value the batch command accepts', async () => {
    const refused = await runCli(['batch', 'lmn', 'rows.csv', '--out', 'out', '--shard', '4/4']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--shard must be <index>/<count>');
  });
});

describe('the service is stateless', () => {
  it('answers the same letter alike from two replicas, without a session cookie', async () => {
    const input = loadExample('prescription');
    const replicas = [
      createApp({ letterOptions: { today: TODAY } }),
      createApp({ letterOptions: { today: TODAY } }),
    ];
    const answers = [];
    for (const app of replicas) answers.push(await request(app).post('/v1/letters/prescription').send(input));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect(Buffer.compare(answers[0]!.body as Buffer, answers[1]!.body as Buffer)).toBe(0);
  });

  it('writes no file outside the CLI: the library and the server only read', () => {
    const WRITES =
      /\b(writeFile|writeFileSync|appendFile|appendFileSync|createWriteStream|mkdir|mkdirSync|rename|renameSync|rm|rmSync|unlink|unlinkSync|mkdtemp)\s*\(/;
    const offenders: string[] = [];
    const visit = (folder: string) => {
      for (const entry of readdirSync(new URL(folder, ROOT), { withFileTypes: true })) {
        const path = `${folder}${entry.name}`;
        if (entry.isDirectory()) {
          if (path !== 'src/cli' && path !== 'src/server/public') visit(`${path}/`);
          continue;
        }
        if (!entry.name.endsWith('.ts')) continue;
        const code = read(path)
          .split('\n')
          .filter((line) => !/^\s*(\*|\/\/)/.test(line));
        if (code.some((line) => WRITES.test(line))) offenders.push(path);
      }
    };
    visit('src/');
    expect(offenders).toEqual([]);
  });
});
