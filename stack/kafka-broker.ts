import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { CACHE_DIR, KAFKA_VERSION, SCALA_VERSION } from './paths.ts';
import { checkJava, checkMaven } from './prereqs.ts';
import { spawnManaged, type Managed } from './process.ts';
import { waitFor } from './wait.ts';

export function kafkaLibDir(): string {
  return join(CACHE_DIR, `kafka_${SCALA_VERSION}-${KAFKA_VERSION}`, 'lib');
}

/**
 * The broker's jars from Maven Central (kafka_2.13 with its runtime dependencies and the reload4j
 * logging binding 3.9 uses), fetched once into a cache outside the repo and reused afterwards.
 */
export function ensureKafkaDist(log: (line: string) => void): string {
  const lib = kafkaLibDir();
  if (existsSync(join(lib, `kafka_${SCALA_VERSION}-${KAFKA_VERSION}.jar`))) return lib;
  log(`› fetching Kafka ${KAFKA_VERSION} from Maven Central into ${lib} (once)…`);
  fetchMavenJars(lib, [`org.apache.kafka:kafka_${SCALA_VERSION}:${KAFKA_VERSION}`, 'org.slf4j:slf4j-reload4j:1.7.36']);
  log(`› Kafka cached (${readdirSync(lib).length} jars)`);
  return lib;
}

/**
 * Kafka's own tools (`org.apache.kafka.tools.ProducerPerformance`, kafka-tools on Maven Central) of the
 * broker's version with their runtime dependencies, cached beside the broker's jars; for benchmarks.
 */
export function ensureKafkaTools(log: (line: string) => void): string {
  const lib = join(CACHE_DIR, `kafka-tools-${KAFKA_VERSION}`, 'lib');
  if (existsSync(join(lib, `kafka-tools-${KAFKA_VERSION}.jar`))) return lib;
  log(`› fetching kafka-tools ${KAFKA_VERSION} from Maven Central into ${lib} (once)…`);
  fetchMavenJars(lib, [`org.apache.kafka:kafka-tools:${KAFKA_VERSION}`, 'org.slf4j:slf4j-reload4j:1.7.36']);
  return lib;
}

/** `group:artifact:version` coordinates and their runtime dependencies into `lib`, atomically. */
function fetchMavenJars(lib: string, coordinates: string[]): void {
  checkMaven();
  const work = join(CACHE_DIR, `fetch-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const dependencies = coordinates.map((c) => {
    const [groupId, artifactId, version] = c.split(':');
    return `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId><version>${version}</version></dependency>`;
  });
  writeFileSync(
    join(work, 'pom.xml'),
    `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.chirp</groupId><artifactId>kafka-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>
${dependencies.join('\n')}
  </dependencies>
</project>
`,
  );
  const res = spawnSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib', '-DincludeScope=runtime'], {
    cwd: work,
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error(`Maven could not fetch ${coordinates.join(', ')} (exit ${res.status}); see the output above`);
  mkdirSync(join(lib, '..'), { recursive: true });
  rmSync(lib, { recursive: true, force: true });
  renameSync(join(work, 'lib'), lib); // atomic: a half-finished fetch is never mistaken for a cache
  rmSync(work, { recursive: true, force: true });
}

export interface BrokerOptions {
  dataDir: string;
  logFile: string;
  port: number;
  controllerPort: number;
  heap?: string;
  /** How long to wait for it to answer (default 90 s; a node rejoining a cluster after kill -9 recovers its logs first). */
  readyTimeoutMs?: number;
  /** Part of a cluster (stack/kafka-cluster.ts): this node's id and the whole quorum; alone when unset. */
  cluster?: BrokerClusterOptions;
}

export interface BrokerClusterOptions {
  nodeId: number;
  /** `controller.quorum.voters`: `1@127.0.0.1:19093,2@…` (every node is broker and controller). */
  voters: string;
  /** The cluster id every node's storage is formatted with (one id, or the nodes never form a quorum). */
  clusterId: string;
  /** Replicas of every topic, the offsets and transaction logs; min.insync.replicas is one less. */
  replicationFactor: number;
  /**
   * How often the controller moves leaders back to their preferred replicas (Kafka's
   * leader.imbalance.check.interval.seconds, default 300): chaos shortens it, so a restarted broker
   * takes its partitions back while the load goes on.
   */
  leaderRebalanceSeconds?: number;
}

function writeConfig(o: BrokerOptions): { props: string; log4j: string } {
  const props = join(o.dataDir, 'server.properties');
  const log4j = join(o.dataDir, 'log4j.properties');
  const rf = o.cluster?.replicationFactor ?? 1;
  // acks=-1 producers (every one here) then need two replicas in sync: one broker down still takes writes, two refuse them.
  const minIsr = Math.max(1, rf - 1);
  writeFileSync(
    props,
    [
      'process.roles=broker,controller',
      `node.id=${o.cluster?.nodeId ?? 1}`,
      `controller.quorum.voters=${o.cluster?.voters ?? `1@127.0.0.1:${o.controllerPort}`}`,
      `listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${o.controllerPort}`,
      `advertised.listeners=PLAINTEXT://127.0.0.1:${o.port}`,
      'controller.listener.names=CONTROLLER',
      'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'inter.broker.listener.name=PLAINTEXT',
      `log.dirs=${join(o.dataDir, 'logs')}`,
      'num.partitions=6',
      `default.replication.factor=${rf}`,
      `min.insync.replicas=${minIsr}`,
      `offsets.topic.replication.factor=${rf}`,
      'offsets.topic.num.partitions=10',
      `transaction.state.log.replication.factor=${rf}`,
      `transaction.state.log.min.isr=${minIsr}`,
      'group.initial.rebalance.delay.ms=0',
      'auto.create.topics.enable=false',
      'delete.topic.enable=true',
      'log.retention.hours=168',
      // A group's committed offsets outlive any 7-day topic (a year; twitter.newTweets keeps forever, and a group
      // idle past this starts at its idempotency window: packages/streams/src/start-offsets.ts).
      'offsets.retention.minutes=525600',
      ...(o.cluster?.leaderRebalanceSeconds === undefined ? [] : [`leader.imbalance.check.interval.seconds=${o.cluster.leaderRebalanceSeconds}`]),
      '',
    ].join('\n'),
  );
  writeFileSync(
    log4j,
    [
      'log4j.rootLogger=INFO, stdout',
      'log4j.appender.stdout=org.apache.log4j.ConsoleAppender',
      'log4j.appender.stdout.layout=org.apache.log4j.PatternLayout',
      'log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n',
      'log4j.logger.kafka=INFO',
      'log4j.logger.org.apache.kafka=WARN',
      'log4j.logger.state.change.logger=WARN',
      'log4j.logger.kafka.log.LogCleaner=WARN',
      '',
    ].join('\n'),
  );
  return { props, log4j };
}

/** Formats storage once (KRaft), then runs `kafka.Kafka` and waits until it answers metadata requests. */
export async function startBroker(o: BrokerOptions, log: (line: string) => void): Promise<Managed> {
  checkJava();
  const lib = ensureKafkaDist(log);
  mkdirSync(o.dataDir, { recursive: true });
  const { props, log4j } = writeConfig(o);
  const classpath = `${lib}/*`;
  const jvm = [`-Dlog4j.configuration=file:${log4j}`, '-cp', classpath];
  if (!existsSync(join(o.dataDir, 'logs', 'meta.properties'))) {
    const uuid = o.cluster?.clusterId ?? randomClusterId(lib);
    const fmt = spawnSync('java', [...jvm, 'kafka.tools.StorageTool', 'format', '-t', uuid, '-c', props], { encoding: 'utf8' });
    if (fmt.status !== 0) throw new Error(`kafka storage format failed: ${fmt.stderr || fmt.stdout}`);
  }
  const heap = (o.heap ?? process.env.KAFKA_HEAP_OPTS ?? '-Xms512m -Xmx1g').split(/\s+/).filter(Boolean);
  const proc = spawnManaged({
    name: o.cluster ? `kafka-${o.cluster.nodeId}` : 'kafka',
    cmd: 'java',
    args: [...heap, '-XX:+UseG1GC', '-Djava.awt.headless=true', ...jvm, 'kafka.Kafka', props],
    logFile: o.logFile,
    stopTimeoutMs: 30_000,
  });
  await waitFor(
    async () => {
      if (proc.exited) throw new Error(`kafka exited (code ${proc.exitCode}); see ${o.logFile}`);
      return brokerReady(`127.0.0.1:${o.port}`);
    },
    `Kafka on 127.0.0.1:${o.port}`,
    o.readyTimeoutMs ?? 90_000,
    250,
  );
  return proc;
}

/** A fresh KRaft cluster id (StorageTool random-uuid). */
export function randomClusterId(lib = kafkaLibDir()): string {
  return spawnSync('java', ['-cp', `${lib}/*`, 'kafka.tools.StorageTool', 'random-uuid'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .pop()!;
}

/** A broker is ready when it answers a metadata request with itself as controller. */
export async function brokerReady(brokers: string): Promise<boolean> {
  const kafka = new Kafka({ clientId: 'chirp-ready', brokers: brokers.split(','), logLevel: logLevel.NOTHING, connectionTimeout: 1000, retry: { retries: 0 } });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 && cluster.controller !== null;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
