import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { kafkaEnv, taggerEnv, timelineEnv, notifyEnv, type EnvShape } from '@chirp/core';
import { workerEnv } from '@chirp/worker';
import { API_ENV } from '../../services/api/src/config.ts';
import { GATEWAY_ENV } from '../../services/gateway/src/config.ts';
import { MONITOR_ENV } from '../../services/monitor/src/config.ts';
import { BASE_IMAGES } from '../../stack/compose.ts';
import { KAFKA_VERSION, SCALA_VERSION } from '../../stack/paths.ts';
import { SERVICES } from '../../stack/services.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const APP_IMAGE = 'chirp-app:latest';

/**
 * What each app container reads, by the env shape its entry point validates. A service added to
 * docker-compose.yml must be added here too.
 */
const ENV_SHAPES: Record<string, EnvShape[]> = {
  'topics-init': [kafkaEnv], // stack/init-topics.ts
  api: [API_ENV],
  saver: [workerEnv],
  fanout: [workerEnv, timelineEnv],
  graph: [workerEnv, timelineEnv],
  notify: [workerEnv, notifyEnv],
  tagger: [workerEnv, taggerEnv],
  analytics: [workerEnv], // services/analytics/src/main.ts: add its own sections once it exists
  monitor: [MONITOR_ENV],
  gateway: [GATEWAY_ENV],
};

interface ComposeService {
  image?: string;
  volumes?: string[];
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number | null>;
  ports?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
}

// `<<: *app` merge keys are YAML 1.1; the yaml package applies them when asked.
const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as ComposeFile;
const appServices = Object.entries(compose.services).filter(([, s]) => s.image === APP_IMAGE);
const appNames = appServices.map(([name]) => name);
const env = (name: string): Record<string, string> =>
  Object.fromEntries(Object.entries(compose.services[name]?.environment ?? {}).map(([k, v]) => [k, String(v ?? '')]));
/** The file a `node --import tsx <file>` command runs. */
/** The source a command runs: a file through tsx, or a service's compiled bundle (stack/build-workers.ts). */
const entryOf = (s: ComposeService): string | undefined => {
  const cmd = s.command ?? [];
  if (cmd[0] !== 'node') return undefined;
  if (cmd[1] === '--import' && cmd[2] === 'tsx') return cmd[3];
  const bundle = cmd[1] === '--enable-source-maps' ? /^\.build\/workers\/([a-z]+)\.mjs$/.exec(cmd[2] ?? '') : null;
  return bundle ? SERVICES.find((spec) => spec.name === bundle[1])?.entry : undefined;
};

describe('docker-compose.yml', () => {
  it('runs every app process from the one app image, with infra and observability beside them', () => {
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['kafka', 'redis', 'prometheus', 'grafana', 'topics-init']));
    expect(appNames.sort()).toEqual(['analytics', 'api', 'fanout', 'gateway', 'graph', 'monitor', 'notify', 'saver', 'tagger', 'topics-init']);
    for (const [name, s] of appServices) expect(s.build, `${name} builds the app image`).toBeDefined();
  });

  it.each(appNames)('%s runs an entry file that exists in the workspace', (name) => {
    const entry = entryOf(compose.services[name]!);
    expect(entry, `${name}: command must be node --enable-source-maps .build/workers/<name>.mjs (or node --import tsx <file> for topics-init)`).toBeDefined();
    if (name !== 'topics-init') {
      expect(entry).toBe(`services/${name}/src/main.ts`);
      // Services run the compiled bundle the image builds, as npm start does; never the TypeScript loader.
      expect(compose.services[name]!.command).toEqual(['node', '--enable-source-maps', `.build/workers/${name}.mjs`]);
    }
    expect(existsSync(join(ROOT, entry!)), `${name}: ${entry} does not exist`).toBe(true);
  });

  it.each(SERVICES.map((s) => [s.name, s] as const))('%s of stack/services.ts has its compose service with the same entry and port', (name, spec) => {
    const service = compose.services[name];
    expect(service, `stack/services.ts names ${name}, docker-compose.yml has no such service`).toBeDefined();
    expect(entryOf(service!)).toBe(spec.entry);
    const port = name === 'api' ? env(name).API_PORT : env(name).METRICS_PORT;
    expect(Number(port), `${name}: port`).toBe(spec.metricsPort);
  });

  it('every app service has an env shape in this test', () => {
    for (const name of appNames) expect(ENV_SHAPES[name], `add ${name} to ENV_SHAPES`).toBeDefined();
  });

  it.each(appNames)('%s sets only variables it reads', (name) => {
    const known = new Set((ENV_SHAPES[name] ?? []).flatMap((shape) => Object.keys(shape)));
    for (const variable of Object.keys(env(name))) {
      expect(known.has(variable), `docker-compose.yml sets ${variable} for ${name}, which ${name} does not read`).toBe(true);
    }
  });

  it('workers wait for Kafka and Redis to be healthy and the topics to exist', () => {
    for (const name of appNames.filter((n) => !['topics-init', 'monitor'].includes(n))) {
      expect(compose.services[name]?.depends_on, name).toEqual({
        kafka: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        'topics-init': { condition: 'service_completed_successfully' },
      });
    }
    expect(compose.services['topics-init']?.depends_on).toEqual({ kafka: { condition: 'service_healthy' } });
  });

  it('each health check probes /healthz on the port the process listens on', () => {
    for (const name of appNames.filter((n) => n !== 'topics-init')) {
      const port = name === 'api' ? env(name).API_PORT : env(name).METRICS_PORT;
      expect(compose.services[name]?.healthcheck?.test?.join(' '), name).toContain(`http://127.0.0.1:${port}/healthz`);
    }
  });

  it('Prometheus scrapes every process at its compose name and port', () => {
    const prom = readFileSync(join(ROOT, 'observability', 'prometheus', 'prometheus.yml'), 'utf8');
    const targets = [...prom.matchAll(/targets: \['([^']+)'\]/g)].map((m) => m[1]);
    const expected = appNames.filter((n) => n !== 'topics-init').map((name) => `${name}:${name === 'api' ? env(name).API_PORT : env(name).METRICS_PORT}`);
    expect(targets.sort()).toEqual(expected.sort());
  });

  it('the monitor scrapes latency from every worker compose runs', () => {
    const targets = env('monitor').MONITOR_SCRAPE_TARGETS?.split(',') ?? [];
    // The gateway processes no pipeline stage, so it has no end-to-end latency to scrape.
    const workers = appNames.filter((n) => !['topics-init', 'monitor', 'api', 'gateway'].includes(n));
    expect(targets.sort()).toEqual(workers.map((w) => `http://${w}:${env(w).METRICS_PORT}/metrics`).sort());
    expect(env('api').MONITOR_URL).toBe(`http://monitor:${env('monitor').METRICS_PORT}`);
    expect(env('api').GATEWAY_URL).toBe(`http://gateway:${env('gateway').METRICS_PORT}`);
  });

  it('docker-compose config -q accepts the file', () => {
    const v1 = spawnSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: ROOT, encoding: 'utf8' });
    const res = v1.error ? spawnSync('docker', ['compose', '-f', 'docker-compose.yml', 'config', '-q'], { cwd: ROOT, encoding: 'utf8' }) : v1;
    if (res.error) {
      // No compose binary here: at least the conditions must be ones compose knows.
      const conditions = Object.values(compose.services).flatMap((s) => Object.values(s.depends_on ?? {}).map((d) => d.condition));
      expect(conditions.every((c) => ['service_started', 'service_healthy', 'service_completed_successfully'].includes(c ?? ''))).toBe(true);
      return;
    }
    expect(res.status, `${res.stdout}${res.stderr}`).toBe(0);
  });

  it('publishes only the app, Prometheus and Grafana; Kafka, Redis and the workers stay inside the network', () => {
    const published = Object.entries(compose.services)
      .filter(([, s]) => (s.ports ?? []).length > 0)
      .map(([name, s]) => `${name} ${s.ports!.join(',')}`);
    expect(published.sort()).toEqual([
      'api ${CHIRP_HTTP_PORT:-3000}:3000',
      'grafana ${CHIRP_GRAFANA_PORT:-3001}:3000',
      'prometheus ${CHIRP_PROMETHEUS_PORT:-9090}:9090',
    ]);
  });

  it('every base image of the Dockerfiles and the compose file has a stand-in recipe for machines with no registry', () => {
    const fromDockerfile = (file: string): string[] => [...readFileSync(join(ROOT, file), 'utf8').matchAll(/^ARG \w+_IMAGE=(\S+)$/gm)].map((m) => m[1]!);
    const pulled = Object.values(compose.services).flatMap((s) => (s.build || !s.image ? [] : [s.image]));
    const needed = [...fromDockerfile('Dockerfile'), ...fromDockerfile('docker/kafka/Dockerfile'), ...pulled.filter((i) => !i.startsWith('grafana/'))];
    expect(needed.length).toBeGreaterThanOrEqual(5);
    for (const image of needed)
      expect(
        BASE_IMAGES.map((b) => b.image),
        `${image} has no stand-in in stack/compose.ts`,
      ).toContain(image);
    for (const { standIn } of BASE_IMAGES.filter((b) => b.standIn !== 'debootstrap')) expect(existsSync(join(ROOT, standIn, 'Dockerfile')), standIn).toBe(true);
  });

  it("Kafka's image fetches the same broker as npm start (stack/paths.ts)", () => {
    const pom = readFileSync(join(ROOT, 'docker', 'kafka', 'pom.xml'), 'utf8');
    expect(pom).toContain(`<artifactId>kafka_${SCALA_VERSION}</artifactId><version>${KAFKA_VERSION}</version>`);
    expect(compose.services.kafka?.image).toBe(`chirp-kafka:${KAFKA_VERSION}`);
  });

  it("Grafana's provisioning (checked here, as no Grafana image is built on machines without a registry) matches its mounts", () => {
    const grafana = compose.services.grafana!;
    const mounts = Object.fromEntries((grafana.volumes ?? []).map((v) => v.split(':')).map(([from, to]) => [to!, from!]));
    expect(existsSync(join(ROOT, mounts['/etc/grafana/provisioning']!, 'datasources'))).toBe(true);
    const datasources = parse(readFileSync(join(ROOT, mounts['/etc/grafana/provisioning']!, 'datasources', 'prometheus.yml'), 'utf8')) as {
      datasources: { url: string; uid: string }[];
    };
    expect(datasources.datasources.map((d) => d.url)).toEqual([`http://prometheus:${compose.services.prometheus?.ports?.[0]?.split(':').pop()}`]);
    const providers = parse(readFileSync(join(ROOT, mounts['/etc/grafana/provisioning']!, 'dashboards', 'dashboards.yml'), 'utf8')) as {
      providers: { options: { path: string } }[];
    };
    for (const provider of providers.providers) expect(mounts[provider.options.path], `${provider.options.path} is mounted`).toBeDefined();
    const home = env('grafana').GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH!;
    const dashboards = '/etc/grafana/dashboards';
    expect(existsSync(join(ROOT, mounts[dashboards]!, home.slice(dashboards.length + 1))), home).toBe(true);
    const board = JSON.parse(readFileSync(join(ROOT, mounts[dashboards]!, 'chirp-overview.json'), 'utf8')) as { panels: { datasource?: { uid?: string } }[] };
    const uids = new Set(board.panels.map((panel) => panel.datasource?.uid).filter(Boolean));
    expect([...uids]).toEqual(datasources.datasources.map((d) => d.uid));
  });
});
