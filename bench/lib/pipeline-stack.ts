import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kafka } from 'kafkajs';
import { Redis } from 'ioredis';
import { groupId, groupTopics, systemTopics, topicNames, type TopicNames } from '@chirp/core';
import { createKeys, type Keys } from '@chirp/store';
import { createKafka, deleteTopics, ensureTopics } from '@chirp/streams';
import { startService, type ServiceProcess } from '@chirp/testkit';
import { compiledEntryPath, SERVICES } from '@chirp/stack/services';
import type { Managed } from '@chirp/stack/process';
import { startRedis } from '@chirp/stack/redis-server';
import { sleep } from './pipeline-stats.ts';

export interface StackOptions {
  brokers: string;
  /** First Redis port tried; the next free one up to +20 is taken. */
  redisPort: number;
  partitions: number;
  /** PROCESSOR_CONCURRENCY of the workers; undefined keeps their default. */
  concurrency?: number;
  /** Each service runs under `node --cpu-prof`, writing its profile into `<profileDir>/<name>` as it exits. */
  profileDir?: string;
  log: (line: string) => void;
}

/** The consumer groups whose lag and throughput the benchmark reports. */
export const BENCH_GROUPS = ['saver', 'fanout', 'tagger'] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

/**
 * The benchmark's own corner: a redis-server in a temp dir, topics and groups under a fresh prefix
 * on the shared Kafka, and the real workers as processes. Everything made is registered for
 * `close()` the moment it exists, so an error or Ctrl-C half way still cleans up.
 */
export class PipelineStack {
  readonly prefix = `pbench${randomBytes(3).toString('hex')}.`;
  readonly topics: TopicNames;
  readonly keys: Keys = createKeys('');
  readonly kafka: Kafka;
  readonly services = new Map<string, ServiceProcess>();
  redisPort = 0;
  redis: Managed | undefined;
  /** Redis data and log, wrk scripts; removed by close(). */
  readonly tmpDir = mkdtempSync(join(tmpdir(), 'chirp-bench-pipeline-'));
  private closing: Promise<void> | undefined;

  constructor(private readonly o: StackOptions) {
    this.topics = topicNames(this.prefix);
    this.kafka = createKafka({ brokers: o.brokers, clientId: 'bench-pipeline' });
  }

  get redisUrl(): string {
    return `redis://127.0.0.1:${this.redisPort}`;
  }

  groupId(name: string): string {
    return groupId(this.prefix, name);
  }

  async startRedis(): Promise<void> {
    this.redisPort = await freePort(this.o.redisPort);
    this.redis = await startRedis({ dataDir: join(this.tmpDir, 'redis'), logFile: join(this.tmpDir, 'redis.log'), port: this.redisPort });
    this.o.log(`› redis-server ${this.redis.pid} on ${this.redisUrl} (AOF on, data in ${this.tmpDir})`);
  }

  async createTopics(): Promise<void> {
    await ensureTopics(this.kafka, [...systemTopics(this.prefix, this.o.partitions), ...groupTopics(this.prefix)]);
    this.o.log(`› topics under ${this.prefix} (${this.o.partitions} partitions)`);
  }

  env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      KAFKA_BROKERS: this.o.brokers,
      REDIS_URL: this.redisUrl,
      TOPIC_PREFIX: this.prefix,
      REDIS_PREFIX: '',
      TOPIC_PARTITIONS: String(this.o.partitions),
      TAGGER_PROVIDER: 'local', // an LLM would measure the provider, not the pipeline
      OPENAI_API_KEY: '',
      RATE_LIMIT_PER_MINUTE: '0',
      MONITOR_INTERVAL_MS: '1000',
      MONITOR_SCRAPE_TARGETS: 'none', // the benchmark scrapes the workers itself, per phase
      ...(this.o.concurrency ? { PROCESSOR_CONCURRENCY: String(this.o.concurrency) } : {}),
      ...extra,
    };
  }

  async startServices(names: readonly string[]): Promise<void> {
    await Promise.all(
      names.map(async (name) => {
        // The compiled bundle, as `npm start` and the images run it (built by the caller first).
        const spec = SERVICES.find((s) => s.name === name);
        if (!spec) throw new Error(`unknown service ${name}`);
        const profile = this.o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${join(this.o.profileDir, name)}`] : [];
        const svc = await startService(name, this.env(), 60_000, [...profile, '--enable-source-maps', compiledEntryPath(spec)]);
        this.services.set(name, svc);
        this.o.log(`› ${name} pid ${svc.child.pid} port ${svc.port}`);
      }),
    );
  }

  /** Waits until each worker's consumer has joined its group (kafkajs joins after run() returns). */
  async joined(names: readonly string[], timeoutMs = 60_000, signal?: AbortSignal, progress?: (line: string) => void): Promise<void> {
    const start = Date.now();
    const deadline = start + timeoutMs;
    for (const name of names) {
      const svc = this.service(name);
      let nextNote = Date.now() + 5000;
      while (!svc.logs().includes('"msg":"joined group"')) {
        if (progress && Date.now() > nextNote) {
          progress(`  still waiting for ${name} to join its group (${Math.round((Date.now() - start) / 1000)} s)`);
          nextNote += 5000;
        }
        if (signal?.aborted) return;
        if (Date.now() > deadline) throw new Error(`${name} did not join its group within ${timeoutMs} ms:\n${svc.logs().slice(-2000)}`);
        await sleep(200, signal);
      }
      progress?.(`  ${name} joined (${((Date.now() - start) / 1000).toFixed(1)} s)`);
    }
  }

  service(name: string): ServiceProcess {
    const svc = this.services.get(name);
    if (!svc) throw new Error(`service ${name} was not started`);
    return svc;
  }

  /** SIGTERM to every service, waiting for each to exit (profiles are written as they exit). */
  async stopServices(): Promise<void> {
    await Promise.all([...this.services.values()].map((s) => s.stop()));
  }

  /** SIGKILL for a second Ctrl-C: nothing waits. */
  killNow(): void {
    for (const svc of this.services.values()) svc.child.kill('SIGKILL');
    this.redis?.kill('SIGKILL');
  }

  /** Stops the services, deletes topics and groups, stops Redis, removes the temp dir. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const step = async (name: string, fn: () => Promise<unknown>): Promise<void> => {
        try {
          await fn();
        } catch (error) {
          this.o.log(`! cleanup ${name} failed: ${(error as Error).message}`);
        }
      };
      await step('services', () => Promise.all([...this.services.values()].map((s) => s.stop())));
      await step('topics', async () => {
        const admin = this.kafka.admin();
        await admin.connect();
        try {
          const topics = (await admin.listTopics()).filter((t) => t.startsWith(this.prefix));
          await deleteTopics(this.kafka, topics);
          const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(this.prefix));
          // One by one: kafkajs fails the whole call when one group fails. A worker killed while
          // stopping stays a member until its session times out (30 s), so NON_EMPTY_GROUP is waited out.
          for (const group of groups) {
            for (const deadline = Date.now() + 40_000; ;) {
              try {
                await admin.deleteGroups([group]);
                break;
              } catch (error) {
                const type = (error as { groups?: { error?: { type?: string } }[] }).groups?.[0]?.error?.type ?? (error as Error).message;
                if (type === 'GROUP_ID_NOT_FOUND') break;
                if (Date.now() > deadline) throw new Error(`deleting group ${group}: ${type}`);
                await sleep(2000);
              }
            }
          }
        } finally {
          await admin.disconnect();
        }
      });
      await step('redis', async () => this.redis?.stop());
      await step('temp dir', async () => rmSync(this.tmpDir, { recursive: true, force: true }));
      this.o.log('› cleaned up: services stopped, topics and groups deleted, redis stopped, temp dir removed');
    })();
    return this.closing;
  }
}

/** A client for the benchmark's own reads of its Redis (not the workers' connections). */
export function benchRedis(url: string, name: string): Redis {
  const client = new Redis(url, { connectionName: name, maxRetriesPerRequest: 2, lazyConnect: false });
  client.on('error', () => undefined);
  return client;
}

async function freePort(first: number): Promise<number> {
  for (let port = first; port < first + 20; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${first}..${first + 19} for the benchmark's redis-server`);
}
