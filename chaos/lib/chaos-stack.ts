import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupTopics, systemTopics } from '@chirp/core';
import { createKafka, ensureTopics } from '@chirp/streams';
import { startService, waitFor, type ServiceProcess } from '@chirp/testkit';
import { startBroker, type BrokerOptions } from '@chirp/stack/kafka-broker';
import type { Managed } from '@chirp/stack/process';
import { startRedis } from '@chirp/stack/redis-server';

/** The services a chaos run starts; each is a real process, killed and restarted by the faults. */
export const CHAOS_SERVICES = ['saver', 'fanout', 'tagger', 'graph', 'analytics', 'api'] as const;
export type ChaosService = (typeof CHAOS_SERVICES)[number];

export interface ChaosStackOptions {
  /** First of three ports: broker, its controller, Redis. */
  basePort: number;
  apiPort: number;
  prefix: string;
  partitions: number;
  /** Extra environment of every service (chunk size, retry delays). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/**
 * A private Kafka broker, a private Redis with AOF and every worker plus the API, all on ports of
 * their own: faults kill the broker and Redis, which must never touch the shared ones of other
 * suites. Services are restarted on the same ports so clients keep their addresses.
 */
export class ChaosStack {
  readonly brokers: string;
  readonly redisUrl: string;
  readonly apiUrl: string;
  private readonly dir = mkdtempSync(join(tmpdir(), 'chirp-chaos-'));
  private readonly brokerOptions: BrokerOptions;
  private broker: Managed | undefined;
  private redis: Managed | undefined;
  private readonly services = new Map<ChaosService, ServiceProcess>();
  private readonly log: (line: string) => void;

  constructor(private readonly o: ChaosStackOptions) {
    this.brokers = `127.0.0.1:${o.basePort}`;
    this.redisUrl = `redis://127.0.0.1:${o.basePort + 2}`;
    this.apiUrl = `http://127.0.0.1:${o.apiPort}`;
    this.log = o.log ?? (() => undefined);
    this.brokerOptions = {
      dataDir: join(this.dir, 'kafka'),
      logFile: join(this.dir, 'kafka.log'),
      port: o.basePort,
      controllerPort: o.basePort + 1,
      heap: '-Xms256m -Xmx768m',
    };
  }

  env(): NodeJS.ProcessEnv {
    return {
      KAFKA_BROKERS: this.brokers,
      REDIS_URL: this.redisUrl,
      TOPIC_PREFIX: this.o.prefix,
      REDIS_PREFIX: '',
      TOPIC_PARTITIONS: String(this.o.partitions),
      RATE_LIMIT_PER_MINUTE: '0',
      // Every account signs in from 127.0.0.1: ten slow sign-ins the client gave up on would lock the
      // whole workload out for 15 minutes (the lockout itself is proved by the API's own tests).
      SIGNIN_MAX_FAILURES: '1000',
      LOG_LEVEL: 'info',
      ...this.o.env,
    };
  }

  async start(): Promise<void> {
    await this.startBroker();
    await this.startRedis();
    const kafka = createKafka({ brokers: this.brokers, clientId: 'chaos-setup' });
    await ensureTopics(kafka, [...systemTopics(this.o.prefix, this.o.partitions), ...groupTopics(this.o.prefix)]);
    // allSettled: a service that fails to start must not leave the others running untracked.
    const started = await Promise.allSettled(CHAOS_SERVICES.map((name) => this.startService(name)));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async startBroker(): Promise<void> {
    this.broker = await startBroker(this.brokerOptions, this.log);
  }

  async startRedis(): Promise<void> {
    this.redis = await startRedis({ dataDir: join(this.dir, 'redis'), logFile: join(this.dir, 'redis.log'), port: this.o.basePort + 2 });
  }

  async startService(name: ChaosService): Promise<void> {
    const extra = name === 'api' ? { API_PORT: String(this.o.apiPort), METRICS_PORT: '0' } : { METRICS_PORT: '0' };
    // A worker restarted while Kafka or Redis is down may take a while to say it started.
    const svc = await startService(name, { ...this.env(), ...extra }, 180_000);
    this.services.set(name, svc);
  }

  service(name: ChaosService): ServiceProcess | undefined {
    return this.services.get(name);
  }

  /** SIGKILL (a crash) or SIGTERM (a deploy); resolves once the process is gone. */
  async stopService(name: ChaosService, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const svc = this.services.get(name);
    this.services.delete(name);
    if (!svc) return;
    if (signal === 'SIGKILL') await svc.kill();
    else await svc.stop();
  }

  /** kill -9 of the broker; it comes back from its own log dirs. */
  async killBroker(): Promise<void> {
    this.broker?.kill('SIGKILL');
    await this.broker?.done;
  }

  /** `graceful`: SIGTERM (Redis writes its AOF and exits); otherwise kill -9 (restart replays the AOF). */
  async stopRedis(graceful: boolean): Promise<void> {
    if (graceful) await this.redis?.stop();
    else {
      this.redis?.kill('SIGKILL');
      await this.redis?.done;
    }
  }

  async waitApiReady(timeoutMs = 120_000): Promise<void> {
    await waitFor(async () => (await fetch(`${this.apiUrl}/readyz`).catch(() => undefined))?.status === 200, {
      what: 'the API to be ready',
      timeoutMs,
      intervalMs: 250,
    });
  }

  logs(name: ChaosService): string {
    return this.services.get(name)?.logs() ?? '';
  }

  async stop(): Promise<void> {
    await Promise.all([...this.services.keys()].map((name) => this.stopService(name, 'SIGTERM').catch(() => undefined)));
    await this.redis?.stop().catch(() => undefined);
    await this.broker?.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
