import { Redis } from 'ioredis';
import { defineScripts, type ChirpRedis } from './scripts.ts';

export interface RedisOptions {
  url: string;
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

/** Closes a client once, whatever its state. */
export async function closeRedis(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
