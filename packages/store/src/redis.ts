import { Cluster, Redis } from 'ioredis';
import { defineScripts, type ChirpRedis } from './scripts.ts';

export interface RedisOptions {
  url: string;
  /**
   * REDIS_CLUSTER_NODES: `host:port,host:port,…` of a Redis Cluster (any subset; the rest is
   * discovered). When set the client is an ioredis `Cluster` and `url` only lends its password.
   */
  clusterNodes?: string;
  /** Name shown in CLIENT LIST, for operators. */
  name?: string;
  /** Called on connection errors (ioredis reconnects by itself). */
  onError?: (error: Error) => void;
  /** For subscribers and blocking clients: no offline queue limit applies. */
  lazyConnect?: boolean;
}

/**
 * A client that reconnects forever with capped backoff and fails commands fast while Redis is away
 * (maxRetriesPerRequest), so an HTTP request gets a 503 instead of hanging.
 */
export function createRedis(options: RedisOptions): ChirpRedis {
  if (options.clusterNodes) return createClusterClient(options, options.clusterNodes);
  const redis = new Redis(options.url, {
    connectionName: options.name,
    maxRetriesPerRequest: 2,
    // Commands issued in the same event-loop turn (concurrent requests, handlers) share one write.
    enableAutoPipelining: true,
    enableReadyCheck: true,
    lazyConnect: options.lazyConnect ?? false,
    retryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
  });
  redis.on('error', (error: Error) => options.onError?.(error));
  return defineScripts(redis);
}

/** Parses `host:port,host:port` (REDIS_CLUSTER_NODES). */
export function parseClusterNodes(nodes: string): { host: string; port: number }[] {
  return nodes
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
    .map((n) => {
      const at = n.lastIndexOf(':');
      return { host: n.slice(0, at), port: Number(n.slice(at + 1)) };
    });
}

function createClusterClient(options: RedisOptions, nodes: string): ChirpRedis {
  const password = new URL(options.url).password || undefined;
  const cluster = new Cluster(parseClusterNodes(nodes), {
    enableAutoPipelining: true,
    enableReadyCheck: true,
    lazyConnect: options.lazyConnect ?? false,
    // A failover moves a master's slots to its replica: keep asking until the new map answers.
    clusterRetryStrategy: (times) => Math.min(50 * 2 ** times, 2000),
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    // An auto-pipeline whose commands met MOVED for different slots is not redirected, and the map
    // is not refreshed by it: the partition would wait (a dependency failure) on a stale map until
    // some other command refreshed it. A periodic refresh bounds that wait.
    slotsRefreshInterval: 2000,
    redisOptions: { connectionName: options.name, maxRetriesPerRequest: 2, password: password && decodeURIComponent(password) },
  });
  cluster.on('error', (error: Error) => options.onError?.(error));
  return defineScripts(cluster);
}

/** Closes a client once, whatever its state. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
