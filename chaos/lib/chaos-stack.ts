import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { groupTopics, systemTopics } from '@chirp/core';
import { createKafka, ensureTopics } from '@chirp/streams';
import { startService, waitFor, type ServiceProcess } from '@chirp/testkit';
import { startBroker, type BrokerOptions } from '@chirp/stack/kafka-broker';
import { startKafkaCluster, type KafkaCluster } from '@chirp/stack/kafka-cluster';
import type { Managed } from '@chirp/stack/process';
import { startRedis } from '@chirp/stack/redis-server';
import { startRedisCluster, type RedisCluster } from '@chirp/stack/redis-cluster';
import { startRoundRobinFront, type Front } from '@chirp/stack/round-robin-front';

/** The services a chaos run starts; each is a real process, killed and restarted by the faults. */
export const CHAOS_SERVICES = ['saver', 'fanout', 'tagger', 'graph', 'analytics', 'api', 'notify'] as const;
/** notify runs on the cluster topology only (two instances, one stopped by a fault); the single form keeps its CI cost. */
const CLUSTER_ONLY: readonly string[] = ['notify'];
export type ChaosService = (typeof CHAOS_SERVICES)[number];

export interface ChaosStackOptions {
  /**
   * First of three ports: broker, its controller, Redis. On the cluster topology the first of
   * twelve: three brokers with their controllers (basePort … +5), then a Redis Cluster of 3 masters
   * and 3 replicas (+6 … +11, cluster buses 10000 above).
   */
  basePort: number;
  /**
   * `cluster`: a 3-broker KRaft cluster (RF 3, min.insync.replicas 2), a Redis Cluster (3 masters,
   * 1 replica each), two instances of every worker, and two APIs behind a round-robin front on
   * apiPort (instances on apiPort+1, +2).
   */
  topology?: 'single' | 'cluster';
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
  /** REDIS_CLUSTER_NODES on the cluster topology; undefined on one server. */
  redisClusterNodes: string | undefined;
  readonly apiUrl: string;
  private readonly dir = mkdtempSync(join(tmpdir(), 'chirp-chaos-'));
  private readonly brokerOptions: BrokerOptions;
  private broker: Managed | undefined;
  private kafkaCluster: KafkaCluster | undefined;
  private front: Front | undefined;
  private redis: Managed | undefined;
  private redisCluster: RedisCluster | undefined;
  /** Instance 1 of each service (the one faults strike); on the cluster topology instance 2 under `<name>#2`. */
  private readonly services = new Map<string, ServiceProcess>();
  private readonly cluster: boolean;
  private readonly redisPort: number;
  private readonly log: (line: string) => void;

  constructor(private readonly o: ChaosStackOptions) {
    this.cluster = o.topology === 'cluster';
    this.brokers = this.cluster ? [0, 2, 4].map((d) => `127.0.0.1:${o.basePort + d}`).join(',') : `127.0.0.1:${o.basePort}`;
    this.redisPort = o.basePort + (this.cluster ? 6 : 2);
    this.redisUrl = `redis://127.0.0.1:${this.redisPort}`;
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
      ...(this.redisClusterNodes ? { REDIS_CLUSTER_NODES: this.redisClusterNodes } : {}),
      TOPIC_PREFIX: this.o.prefix,
      REDIS_PREFIX: '',
      TOPIC_PARTITIONS: String(this.o.partitions),
      RATE_LIMIT_PER_MINUTE: '0',
      // Every account signs in from 127.0.0.1: ten slow sign-ins the client gave up on would lock the
      // whole workload out for 15 minutes (the lockout itself is proved by the API's own tests).
      SIGNIN_MAX_FAILURES: '1000',
      LOG_LEVEL: 'info',
      // Behind the round-robin front every client is 127.0.0.1: a slow sign-up retried under load must not lock the workload out.
      ...(this.cluster ? { SIGNIN_MAX_FAILURES: '10000' } : {}),
      ...this.o.env,
    };
  }

  async start(): Promise<void> {
    await this.startBroker();
    await this.startRedis();
    const kafka = createKafka({ brokers: this.brokers, clientId: 'chaos-setup' });
    await ensureTopics(kafka, [...systemTopics(this.o.prefix, this.o.partitions), ...groupTopics(this.o.prefix, this.o.partitions)]);
    // allSettled: a service that fails to start must not leave the others running untracked.
    const instances = CHAOS_SERVICES.filter((name) => this.cluster || !CLUSTER_ONLY.includes(name)).flatMap((name) =>
      this.cluster ? [[name, 1] as const, [name, 2] as const] : [[name, 1] as const],
    );
    const started = await Promise.allSettled(instances.map(([name, n]) => this.startService(name, n)));
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    if (this.cluster) this.front = await startRoundRobinFront(this.o.apiPort, [this.o.apiPort + 1, this.o.apiPort + 2]);
  }

  async startBroker(): Promise<void> {
    if (this.cluster) {
      this.kafkaCluster = await startKafkaCluster(
        // Leaders go back to a restarted broker within 10 s, under load: the moment a producer's
        // metadata is stale (kafka-leader-move.cluster.test.ts).
        { basePort: this.o.basePort, stateDir: this.dir, logDir: this.dir, heap: '-Xms256m -Xmx512m', leaderRebalanceSeconds: 10 },
        this.log,
      );
    } else this.broker = await startBroker(this.brokerOptions, this.log);
  }

  async startRedis(): Promise<void> {
    if (this.cluster) {
      this.redisCluster = await startRedisCluster({ basePort: this.redisPort, stateDir: this.dir, logDir: this.dir });
      this.redisClusterNodes = this.redisCluster.nodes;
    } else this.redis = await startRedis({ dataDir: join(this.dir, 'redis'), logFile: join(this.dir, 'redis.log'), port: this.redisPort });
  }

  /**
   * Redis Cluster: kill -9 of a node that is a master now. Its replica takes its slots over (after
   * cluster-node-timeout, 3 s); the new master has no replica, so workers commit nothing
   * (REDIS_WAIT_REPLICAS) until `restartRedisMaster` brings the old node back as its replica.
   */
  async killRedisMaster(): Promise<string> {
    if (!this.redisCluster) throw new Error('redis-master-kill needs the cluster topology');
    const address = this.redisCluster.currentMaster();
    const victim = this.redisCluster.members.find((m) => m.address === address)!;
    victim.process.kill('SIGKILL');
    await victim.process.done;
    this.log(`  Redis master ${address} killed`);
    return address;
  }

  async restartRedisNode(address: string): Promise<void> {
    const member = await this.redisCluster!.restart(address);
    this.log(`  Redis node ${address} back (pid ${member.process.pid})`);
  }

  /** Instance 1 (or `instance`) of a service; on the cluster topology the API instances sit behind the front. */
  async startService(name: ChaosService, instance = 1): Promise<void> {
    const apiPort = this.cluster ? this.o.apiPort + instance : this.o.apiPort;
    const extra = name === 'api' ? { API_PORT: String(apiPort), METRICS_PORT: '0' } : { METRICS_PORT: '0' };
    // A worker restarted while Kafka or Redis is down may take a while to say it started.
    const svc = await startService(name, { ...this.env(), ...extra }, 180_000);
    this.services.set(instance === 1 ? name : `${name}#${instance}`, svc);
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

  /**
   * kill -9 of the broker (on the cluster topology of one node, `node` 0-2); it comes back from its
   * own log dirs with `restartBroker`.
   */
  async killBroker(node = 0): Promise<void> {
    const victim = this.kafkaCluster ? this.kafkaCluster.nodes[node]!.process : this.broker;
    victim?.kill('SIGKILL');
    await victim?.done;
  }

  /** Brings the killed broker back: the single one, or the cluster node `node`, its data kept. */
  async restartBroker(node = 0): Promise<void> {
    if (!this.kafkaCluster) return this.startBroker();
    const restarted = await this.kafkaCluster.restart(node);
    this.log(`  broker ${this.kafkaCluster.nodes[node]!.address} back (pid ${restarted.pid})`);
  }

  get isCluster(): boolean {
    return this.cluster;
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

  /**
   * Stops everything. `keep`: a failed run keeps its directory (broker, controller and Redis logs,
   * their data, and each service's output as `<service>.out`) and says where, so a loss can be read
   * from the brokers' side afterwards.
   */
  async stop(keep = false): Promise<void> {
    await this.front?.close();
    if (keep) for (const [name, svc] of this.services) writeFileSync(join(this.dir, `${name}.out`), svc.logs());
    await Promise.all([...this.services.values()].map((svc) => svc.stop().catch(() => undefined)));
    this.services.clear();
    await this.redis?.stop().catch(() => undefined);
    await this.redisCluster?.stop().catch(() => undefined);
    await this.broker?.stop().catch(() => undefined);
    await this.kafkaCluster?.stop().catch(() => undefined);
    if (keep) this.log(`› chaos: the run's logs and data are kept in ${this.dir}`);
    else rmSync(this.dir, { recursive: true, force: true });
  }
}
