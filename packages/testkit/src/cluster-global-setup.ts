import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureInfra, type Infra } from '@chirp/stack/infra';
import { startRedisCluster, type RedisCluster } from '@chirp/stack/redis-cluster';

/** Ports of the pipeline suite's clusters (never the shared 19092/16379): Kafka 25100…25105, Redis 22300…22305 (buses +10000: 32300…, still below the kernel's ephemeral range). */
export const CLUSTER_SUITE_KAFKA_PORT = Number(process.env.CLUSTER_SUITE_KAFKA_PORT ?? 25100);
export const CLUSTER_SUITE_REDIS_PORT = Number(process.env.CLUSTER_SUITE_REDIS_PORT ?? 22300);

/**
 * `npm run test:cluster`, project `pipeline-cluster`: the pipeline suite on the cluster topology.
 * Starts a 3-broker KRaft cluster (RF 3, min.insync 2) and a Redis Cluster of 3 masters + 3
 * replicas on ports of its own and provides them; every suite's context then talks to them
 * (testkit's Redis client is a Cluster client, keys carry hash tags, services get
 * REDIS_CLUSTER_NODES). CLUSTER_SUITE_KAFKA=shared keeps the single broker of `npm test`
 * (ensureInfra) and clusters Redis only: a lighter run on a busy machine.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'chirp-cluster-test-'));
  const log = (l: string): void => console.log(l);
  let infra: Infra | undefined;
  let redisCluster: RedisCluster | undefined;
  try {
    if (process.env.CLUSTER_SUITE_KAFKA === 'shared') {
      infra = await ensureInfra({ stateDir: dir, logDir: join(dir, 'logs'), log });
      redisCluster = await startRedisCluster({ basePort: CLUSTER_SUITE_REDIS_PORT, stateDir: dir, logDir: join(dir, 'logs') });
      project.provide('brokers', infra.brokers);
      project.provide('redisUrl', `redis://${redisCluster.members[0]!.address}`);
      project.provide('redisClusterNodes', redisCluster.nodes);
    } else {
      infra = await ensureInfra({
        stateDir: dir,
        logDir: join(dir, 'logs'),
        log,
        cluster: { kafkaBasePort: CLUSTER_SUITE_KAFKA_PORT, redisBasePort: CLUSTER_SUITE_REDIS_PORT },
      });
      project.provide('brokers', infra.brokers);
      project.provide('redisUrl', infra.redisUrl);
      project.provide('redisClusterNodes', infra.redisClusterNodes ?? '');
    }
  } catch (error) {
    await redisCluster?.stop();
    await infra?.stop();
    throw error;
  }
  return async () => {
    await redisCluster?.stop();
    await infra?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
