import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { groupTopics, loadConfig, stackEnv, systemTopics } from '@chirp/core';
import { createKafka, ensureTopics } from '@chirp/streams';
import { ensureInfra, type Infra } from './infra.ts';
import { LOG_DIR, ROOT, STATE_DIR } from './paths.ts';
import { ensureTestTools, has, MissingPrerequisite } from './prereqs.ts';
import { supervise, type Supervised, type SupervisedOptions } from './supervisor.ts';
import { writeStackStatus } from './status-file.ts';
import { compiledEntryPath, SERVICES, type ServiceSpec } from './services.ts';
import { buildWorkers } from './build-workers.ts';
import { portFree, waitFor } from './wait.ts';
import { startRoundRobinFront, type Front } from './round-robin-front.ts';
import { lint, LINT_STEPS } from './lint.ts';
import { crashLoopMessage } from './log-tail.ts';

const log = (line: string): void => console.log(line);
const API_PORT = Number(process.env.API_PORT ?? 3000);
const PROMETHEUS_PORT = Number(process.env.PROMETHEUS_PORT ?? 9090);
const { STACK_PORT_OFFSET } = loadConfig(stackEnv);
/** Where a service answers /readyz: the API on API_PORT, a worker on its metrics port shifted by STACK_PORT_OFFSET. */
const portOf = (s: ServiceSpec): number => (s.name === 'api' ? API_PORT : s.metricsPort + STACK_PORT_OFFSET);
/** `npm start -- --cluster`: 3 brokers, Redis Cluster, 2 instances of every worker and of the API (stack/infra.ts). */
const CLUSTER = process.argv.includes('--cluster');

/** One running copy of a service: its process name, log and the port of its /readyz. */
interface Instance {
  spec: ServiceSpec;
  name: string;
  port: number;
}

/**
 * One instance per service; on the cluster topology two of every worker (metrics ports +100 for
 * the second) and two APIs on API_PORT+1 and +2 behind a round-robin front on API_PORT. The
 * monitor only reads lag: one is enough.
 */
function instancesOf(s: ServiceSpec): Instance[] {
  if (!CLUSTER || s.name === 'monitor') return [{ spec: s, name: s.name, port: portOf(s) }];
  return [1, 2].map((n) => ({ spec: s, name: `${s.name}-${n}`, port: s.name === 'api' ? API_PORT + n : portOf(s) + 100 * (n - 1) }));
}
const INSTANCES = SERVICES.flatMap(instancesOf);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds web/dist when it is missing or older than the sources. */
function buildWeb(): string | undefined {
  const web = join(ROOT, 'web');
  const dist = join(web, 'dist');
  if (!existsSync(join(web, 'src'))) return undefined;
  const built = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  if (built < Math.max(newestMtime(join(web, 'src')), statSync(join(web, 'index.html')).mtimeMs)) {
    log('› building the web app…');
    const res = spawnSync(process.execPath, [join(web, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: web,
      stdio: 'inherit',
    });
    if (res.status !== 0) throw new Error('web build failed; see the output above');
  }
  return dist;
}

export function serviceEnv(infra: Infra, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    KAFKA_BROKERS: infra.brokers,
    REDIS_URL: infra.redisUrl,
    ...(infra.redisClusterNodes ? { REDIS_CLUSTER_NODES: infra.redisClusterNodes } : {}),
    ...extra,
  };
}

/**
 * The gRPC port of a gateway instance: GATEWAY_PORT when set, else 6565 shifted by
 * STACK_PORT_OFFSET; the second gateway of the cluster topology one above the first (its metrics
 * port is +100).
 */
function gatewayPortOf(i: Instance): number {
  if (process.env.GATEWAY_PORT) return Number(process.env.GATEWAY_PORT);
  return 6565 + STACK_PORT_OFFSET + (i.port === portOf(i.spec) ? 0 : 1);
}

/** Ports of one instance and of those it talks to, all shifted together by STACK_PORT_OFFSET. */
function serviceExtraEnv(i: Instance): NodeJS.ProcessEnv {
  const monitor = SERVICES.find((x) => x.name === 'monitor')!;
  const gateway = SERVICES.find((x) => x.name === 'gateway')!;
  if (i.spec.name === 'api') {
    return {
      API_PORT: String(i.port),
      MONITOR_URL: process.env.MONITOR_URL ?? `http://127.0.0.1:${portOf(monitor)}`,
      GATEWAY_URL: process.env.GATEWAY_URL ?? `http://127.0.0.1:${portOf(gateway)}`,
    };
  }
  const env: NodeJS.ProcessEnv = { METRICS_PORT: String(i.port) };
  if (i.spec === gateway && !process.env.GATEWAY_PORT) {
    const port = gatewayPortOf(i);
    if (port !== 6565) env.GATEWAY_PORT = String(port);
  }
  if (i.spec === monitor && (STACK_PORT_OFFSET !== 0 || CLUSTER) && !process.env.MONITOR_SCRAPE_TARGETS) {
    const workers = INSTANCES.filter((x) => x.spec.name !== 'api' && x.spec !== monitor);
    env.MONITOR_SCRAPE_TARGETS = workers.map((w) => `http://127.0.0.1:${w.port}/metrics`).join(',');
  }
  return env;
}

async function createSystemTopics(infra: Infra): Promise<void> {
  const prefix = process.env.TOPIC_PREFIX ?? 'twitter.';
  const kafka = createKafka({ brokers: infra.brokers, clientId: 'chirp-stack' });
  const partitions = Number(process.env.TOPIC_PARTITIONS ?? 6);
  // Retry topics as many partitions as the inputs: the stateful group co-partitions its own (stateful-processor.ts).
  const created = await ensureTopics(kafka, [...systemTopics(prefix, partitions), ...groupTopics(prefix, partitions)]);
  log(`› topics: ${created.length ? `created ${created.join(', ')}` : 'all present'}`);
}

interface ListenPort {
  port: number;
  what: string;
  /** The setting that moves it. */
  setting: string;
}

/** Every port this stack's own processes will listen on (Kafka and Redis are reused when already up). */
function listenPorts(): ListenPort[] {
  const ports: ListenPort[] = [{ port: API_PORT, what: CLUSTER ? 'the API front' : 'the API', setting: 'API_PORT' }];
  for (const i of INSTANCES) {
    if (i.port !== API_PORT) {
      const api = i.spec.name === 'api';
      ports.push({ port: i.port, what: `${i.name} ${api ? 'HTTP' : 'metrics'}`, setting: api ? 'API_PORT' : 'STACK_PORT_OFFSET' });
    }
    if (i.spec.name === 'gateway') {
      const setting = process.env.GATEWAY_PORT ? 'GATEWAY_PORT' : 'GATEWAY_PORT or STACK_PORT_OFFSET';
      ports.push({ port: gatewayPortOf(i), what: `${i.name} gRPC`, setting });
    }
  }
  return ports;
}

/** Prometheus runs when its binary and the local config are there; it is optional, so a taken port skips it. */
const PROMETHEUS_CONFIG = join(ROOT, 'observability', 'prometheus', 'prometheus.local.yml');
const wantsPrometheus = (): boolean => has('prometheus') && existsSync(PROMETHEUS_CONFIG);

/**
 * A port already taken, or the same port given to two processes, fails the start before anything
 * runs, naming the port, what needs it and the setting that moves it. Probed by binding, as the
 * services will: a connect probe misses a port held by something that does not accept on 127.0.0.1.
 */
async function checkPortsFree(ports: ListenPort[]): Promise<void> {
  const seen = new Map<number, ListenPort>();
  for (const p of ports) {
    const first = seen.get(p.port);
    if (first) throw new Error(`port ${p.port} is given to both ${first.what} and ${p.what}; move one with ${p.setting}`);
    seen.set(p.port, p);
  }
  const free = await Promise.all(ports.map((p) => portFree(p.port)));
  const busy = ports.filter((_, n) => !free[n]);
  if (busy.length === 0) return;
  const list = busy.map((p) => `${p.port} (${p.what}; move it with ${p.setting})`).join(', ');
  throw new Error(`port${busy.length > 1 ? 's' : ''} in use (another npm start?): ${list}`);
}

async function start(): Promise<void> {
  mkdirSync(LOG_DIR, { recursive: true });
  await checkPortsFree(listenPorts());
  let prometheus = wantsPrometheus();
  if (prometheus && !(await portFree(PROMETHEUS_PORT))) {
    prometheus = false;
    log(`! Prometheus: port ${PROMETHEUS_PORT} is in use; not started (move it with PROMETHEUS_PORT)`);
  }
  const t0 = Date.now();
  const infra = await ensureInfra({ cluster: CLUSTER });
  const procs: Supervised[] = [];
  let front: Front | undefined;
  // The supervisor's view of every process, for the API's /api/pipeline (restarts per process).
  const statusFile = join(STATE_DIR, 'processes.json');
  const run = (o: Omit<SupervisedOptions, 'log' | 'onChange'>): void => {
    procs.push(
      supervise({
        ...o,
        log,
        onChange: () =>
          writeStackStatus(
            statusFile,
            procs.map((p) => p.status),
          ),
      }),
    );
  };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log('\n› stopping…');
      await front?.close();
      await Promise.all(procs.map((p) => p.stop()));
      await infra.stop();
      log('› stopped: every process this stack started has exited');
    })();
    return stopping;
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop().then(() => process.exit(0)));
  try {
    await createSystemTopics(infra);
    const webDist = buildWeb();
    await buildWorkers(log);
    for (const i of INSTANCES) {
      const env = serviceEnv(infra, { ...serviceExtraEnv(i), ...(i.spec.name === 'api' ? { WEB_DIST: webDist, STACK_STATUS_FILE: statusFile } : {}) });
      run({
        name: i.name,
        cmd: process.execPath,
        args: ['--enable-source-maps', compiledEntryPath(i.spec)],
        cwd: ROOT,
        env,
        logFile: join(LOG_DIR, `${i.name}.log`),
      });
    }
    if (CLUSTER) {
      const apis = INSTANCES.filter((i) => i.spec.name === 'api').map((i) => i.port);
      front = await startRoundRobinFront(API_PORT, apis);
      log(`› API: round-robin front on :${API_PORT} → ${apis.map((p) => `:${p}`).join(', ')}`);
    }
    let crashLooping: Supervised | undefined;
    await waitFor(
      async () => {
        // A process that cannot start (bad config, missing file) is not retried forever: it stops the stack.
        crashLooping = procs.find((p) => p.crashesInARow >= 3);
        if (crashLooping) return true;
        const ready = await Promise.all(
          INSTANCES.map(async (i) => {
            const res = await fetch(`http://127.0.0.1:${i.port}/readyz`).catch(() => undefined);
            return res?.status === 200;
          }),
        );
        return ready.every(Boolean);
      },
      'every service to be ready',
      90_000,
      300,
    );
    if (crashLooping) {
      const { name, crashesInARow } = crashLooping;
      throw new Error(crashLoopMessage(name, crashesInARow, join(LOG_DIR, `${name}.log`)));
    }
    if (prometheus) {
      run({
        name: 'prometheus',
        cmd: 'prometheus',
        args: [
          `--config.file=${PROMETHEUS_CONFIG}`,
          `--storage.tsdb.path=${join(STATE_DIR, 'prometheus')}`,
          `--web.listen-address=127.0.0.1:${PROMETHEUS_PORT}`,
        ],
        logFile: join(LOG_DIR, 'prometheus.log'),
      });
      log(`› Prometheus: http://localhost:${PROMETHEUS_PORT}`);
    }
    if (process.env.SEED === '1' || process.argv.includes('--seed')) await runSeed(infra);
    log(`\n  chirp is up in ${((Date.now() - t0) / 1000).toFixed(1)} s → open http://localhost:${API_PORT}\n`);
    log(`  logs: ${LOG_DIR}/<process>.log · stop with Ctrl-C\n`);
    // From here a crashed process is restarted by its supervisor (logged with a `!` line, counted in processes.json).
    await new Promise(() => undefined);
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Seeds only an empty Redis, so `npm start -- --seed` can stay in a habit without piling up demo tweets. */
async function runSeed(infra: Infra): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(infra.redisUrl, { lazyConnect: true });
  await redis.connect();
  const users = await redis.zcard(`${process.env.REDIS_PREFIX ?? ''}users`);
  redis.disconnect();
  if (users > 0) {
    log(`› seed: skipped, Redis already holds ${users} users`);
    return;
  }
  const res = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'stack', 'seed.ts')], { cwd: ROOT, stdio: 'inherit', env: serviceEnv(infra) });
  if (res.status !== 0) throw new Error('seeding failed');
}

/** Runs a script with KAFKA_BROKERS and REDIS_URL of a reused or started infra. */
async function withInfra(script: string[], needsInfra = true): Promise<number> {
  const infra = needsInfra ? await ensureInfra() : undefined;
  const child = spawn(process.execPath, script, { cwd: ROOT, stdio: 'inherit', env: infra ? serviceEnv(infra) : process.env });
  const forward = (sig: NodeJS.Signals): void => void child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  await infra?.stop();
  return code;
}

async function test(): Promise<number> {
  ensureTestTools(log);
  log('› typecheck');
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--noEmit'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) return tsc.status ?? 1;
  for (const project of ['web/tsconfig.json', 'web/e2e/tsconfig.json']) {
    const res = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project, '--noEmit'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (res.status !== 0) return res.status ?? 1;
  }
  log('› lint (ESLint and Prettier; the import rules run as stack/test/import-rules.test.ts)');
  const linted = lint(log, [LINT_STEPS.eslint, LINT_STEPS.prettier]);
  if (linted !== 0) return linted;
  buildWeb(); // the browser tests drive the built app
  log('› vitest (Kafka and Redis are reused or started by the global setup)');
  const results = join(STATE_DIR, 'vitest-results.json');
  mkdirSync(STATE_DIR, { recursive: true });
  const code = await withInfra(
    [
      join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}`,
      ...process.argv.slice(3),
    ],
    false,
  );
  // One plain closing line, the form any CI log reader understands.
  if (existsSync(results)) {
    const r = JSON.parse(readFileSync(results, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
    if (r.numPassedTests === 0) return 1; // ran no test: never a green run
  }
  return code;
}

const commands: Record<string, () => Promise<number | void>> = {
  start,
  test,
  lint: async () => lint(log),
  seed: () => withInfra(['--import', 'tsx', join(ROOT, 'stack', 'seed.ts'), ...process.argv.slice(3)]),
  dlq: () => withInfra(['--import', 'tsx', join(ROOT, 'stack', 'dlq.ts'), ...process.argv.slice(3)]),
  rebuild: () => withInfra(['--import', 'tsx', join(ROOT, 'stack', 'rebuild.ts'), ...process.argv.slice(3)]),
  chaos: () => withInfra(['--import', 'tsx', join(ROOT, 'chaos', 'run.ts'), ...process.argv.slice(3)], false),
  'bench-fanout': () => withInfra(['--import', 'tsx', join(ROOT, 'bench', 'fanout.ts'), ...process.argv.slice(3)]),
  'bench-pipeline': () => withInfra(['--import', 'tsx', join(ROOT, 'bench', 'pipeline.ts'), ...process.argv.slice(3)]),
  'bench-http': () => withInfra(['--import', 'tsx', join(ROOT, 'bench', 'http.ts'), ...process.argv.slice(3)]),
  'bench-fanout-drain': () => withInfra(['--import', 'tsx', join(ROOT, 'bench', 'fanout-drain.ts'), ...process.argv.slice(3)]),
  // Its own redis-server only: no Kafka, no shared Redis.
  'bench-push-cost': () => withInfra(['--import', 'tsx', join(ROOT, 'bench', 'push-cost.ts'), ...process.argv.slice(3)], false),
  'bench-tagger': () => withInfra(['--import', 'tsx', join(ROOT, 'packages', 'tagging', 'src', 'cli', 'bench.ts'), ...process.argv.slice(3)], false),
  'compose-test': () => withInfra([join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--project', 'compose', ...process.argv.slice(3)], false),
  'tagger-quality': () => withInfra(['--import', 'tsx', join(ROOT, 'packages', 'tagging', 'src', 'cli', 'quality.ts'), ...process.argv.slice(3)], false),
};

const name = process.argv[2] ?? 'start';
const command = commands[name];
if (!command) {
  console.error(`unknown command ${name}; one of: ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
command().then(
  (code) => process.exit(typeof code === 'number' ? code : 0),
  (error: unknown) => {
    console.error(
      error instanceof MissingPrerequisite ? `✗ missing prerequisite: ${error.message}` : `✗ ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);
