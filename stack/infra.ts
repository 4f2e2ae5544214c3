import { join } from 'node:path';
import { brokerReady, startBroker } from './kafka-broker.ts';
import { startKafkaCluster, type KafkaCluster } from './kafka-cluster.ts';
import { startRedisCluster, type RedisCluster } from './redis-cluster.ts';
import { LOG_DIR, STATE_DIR } from './paths.ts';
import type { Managed } from './process.ts';
import { redisReady, startRedis } from './redis-server.ts';

export const LOCAL_KAFKA_PORT = Number(process.env.STACK_KAFKA_PORT ?? 19092);
export const LOCAL_REDIS_PORT = Number(process.env.STACK_REDIS_PORT ?? 16379);

export interface Infra {
  brokers: string;
  redisUrl: string;
  /** Set on the cluster topology: `REDIS_CLUSTER_NODES` for every process (REDIS_URL then names the first node). */
  redisClusterNodes?: string;
  /** The clusters this call started (a test kills their nodes). */
  kafkaCluster?: KafkaCluster;
  redisCluster?: RedisCluster;
  /** What this call started (empty when everything was reused). */
  started: Managed[];
  stop(): Promise<void>;
}

export interface InfraOptions {
  stateDir?: string;
  logDir?: string;
  log?: (line: string) => void;
  /**
   * The cluster topology: 3 KRaft brokers on kafkaBasePort, +2, +4 (controllers one above each)
   * and a Redis Cluster of 3 masters with a replica each on redisBasePort … +5. Defaults: the
   * stack's ports, so the first broker is 127.0.0.1:19092 and the first Redis node :16379.
   */
  cluster?: boolean | { kafkaBasePort?: number; redisBasePort?: number };
}

/**
 * Kafka and Redis for the stack and the tests: the cluster at KAFKA_BROKERS / the server at
 * REDIS_URL when set; else a local one already answering on the stack's ports (a running
 * `npm start`) is reused; else one is started here and stopped by `stop()`.
 */
export async function ensureInfra(options: InfraOptions = {}): Promise<Infra> {
  const log = options.log ?? ((l: string) => console.log(l));
  const stateDir = options.stateDir ?? STATE_DIR;
  const logDir = options.logDir ?? LOG_DIR;
  const started: Managed[] = [];
  const stopAll = async (): Promise<void> => {
    for (const p of [...started].reverse()) await p.stop();
  };
  try {
    if (options.cluster) return await startClusters(options, stateDir, logDir, log, started, stopAll);
    let brokers = process.env.KAFKA_BROKERS;
    if (brokers) {
      if (!(await brokerReady(brokers)))
        throw new Error(`KAFKA_BROKERS=${brokers} does not answer; start that cluster or unset KAFKA_BROKERS to run a local one`);
      log(`› Kafka: using ${brokers}`);
    } else {
      brokers = `127.0.0.1:${LOCAL_KAFKA_PORT}`;
      if (await brokerReady(brokers)) log(`› Kafka: reusing the broker on ${brokers}`);
      else {
        log(`› Kafka: starting a KRaft broker on ${brokers}…`);
        const t0 = Date.now();
        started.push(
          await startBroker(
            { dataDir: join(stateDir, 'kafka'), logFile: join(logDir, 'kafka.log'), port: LOCAL_KAFKA_PORT, controllerPort: LOCAL_KAFKA_PORT + 1 },
            log,
          ),
        );
        log(`› Kafka: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
    }
    let redisUrl = process.env.REDIS_URL;
    if (redisUrl) {
      if (!(await redisReady(redisUrl))) throw new Error(`REDIS_URL=${redisUrl} does not answer PING; start it or unset REDIS_URL to run a local one`);
      log(`› Redis: using ${redisUrl}`);
    } else {
      redisUrl = `redis://127.0.0.1:${LOCAL_REDIS_PORT}`;
      if (await redisReady(redisUrl)) log(`› Redis: reusing the server at ${redisUrl}`);
      else {
        log(`› Redis: starting redis-server on ${redisUrl} (AOF on)…`);
        started.push(await startRedis({ dataDir: join(stateDir, 'redis'), logFile: join(logDir, 'redis.log'), port: LOCAL_REDIS_PORT }));
      }
    }
    return { brokers, redisUrl, started, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startClusters(
  options: InfraOptions,
  stateDir: string,
  logDir: string,
  log: (line: string) => void,
  started: Managed[],
  stopAll: () => Promise<void>,
): Promise<Infra> {
  const ports = typeof options.cluster === 'object' ? options.cluster : {};
  const kafkaBasePort = ports.kafkaBasePort ?? LOCAL_KAFKA_PORT;
  const redisBasePort = ports.redisBasePort ?? LOCAL_REDIS_PORT;
  if (await brokerReady(`127.0.0.1:${kafkaBasePort}`))
    throw new Error(`a broker already answers on 127.0.0.1:${kafkaBasePort}; stop it (or pick other ports) before starting the cluster topology`);
  if (await redisReady(`redis://127.0.0.1:${redisBasePort}`))
    throw new Error(`a Redis already answers on 127.0.0.1:${redisBasePort}; stop it (or pick other ports) before starting the cluster topology`);
  log(`› cluster topology: 3 Kafka brokers from 127.0.0.1:${kafkaBasePort}, Redis Cluster (3 masters + 3 replicas) from 127.0.0.1:${redisBasePort}…`);
  const t0 = Date.now();
  const [kafka, redis] = await Promise.allSettled([
    startKafkaCluster({ basePort: kafkaBasePort, stateDir: join(stateDir, 'cluster'), logDir }, log),
    startRedisCluster({ basePort: redisBasePort, stateDir: join(stateDir, 'cluster'), logDir }),
  ]);
  const kafkaCluster = kafka.status === 'fulfilled' ? kafka.value : undefined;
  const redisCluster = redis.status === 'fulfilled' ? redis.value : undefined;
  const stopClusters = async (): Promise<void> => {
    await Promise.all([kafkaCluster?.stop(), redisCluster?.stop()]);
    await stopAll();
  };
  if (!kafkaCluster || !redisCluster) {
    await stopClusters();
    throw kafka.status === 'rejected' ? kafka.reason : (redis as PromiseRejectedResult).reason;
  }
  started.push(...kafkaCluster.nodes.map((n) => n.process), ...redisCluster.members.map((m) => m.process));
  log(`› cluster topology: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return {
    brokers: kafkaCluster.brokers,
    redisUrl: `redis://${redisCluster.members[0]!.address}`,
    redisClusterNodes: redisCluster.nodes,
    kafkaCluster,
    redisCluster,
    started,
    stop: stopClusters,
  };
}
