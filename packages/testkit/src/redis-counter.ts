import type { Cluster, Redis } from 'ioredis';
import { isCluster, type ChirpRedis } from '@chirp/store';

export interface CommandCounter {
  /** Commands sent since the last reset: each is one write to the socket. */
  readonly count: number;
  /**
   * Round trips: a command sent while no other is in flight starts one; commands sent while others
   * wait for their replies ride along. So commands sent together (auto-pipelining, a pipeline,
   * Promise.all, or the per-node pipelines of a Redis Cluster client) count once, and each awaited
   * step after them counts again: the length of the read's critical path.
   */
  readonly roundTrips: number;
  reset(): void;
  restore(): void;
}

/** Counts the commands a client sends, to assert how many Redis round trips a read costs (one server or a cluster). */
export function countRedisCommands(redis: ChirpRedis): CommandCounter {
  const original = redis.sendCommand.bind(redis);
  let count = 0;
  let roundTrips = 0;
  let inFlight = 0;
  redis.sendCommand = (...args: Parameters<typeof original>) => {
    count++;
    if (inFlight === 0) roundTrips++;
    inFlight++;
    const command = args[0] as unknown as { promise: Promise<unknown> };
    command.promise.then(
      () => inFlight--,
      () => inFlight--,
    );
    return original(...args);
  };
  return {
    get count() {
      return count;
    },
    get roundTrips() {
      return roundTrips;
    },
    reset: () => void ((count = 0), (roundTrips = 0)),
    restore: () => void (redis.sendCommand = original),
  };
}

export interface WriteCounter {
  /** Socket writes since the counter was made: commands sent together are one write, one round trip. */
  readonly writes: number;
  /** The masters written to: 1 on one server, every master of a Redis Cluster. */
  readonly nodes: number;
}

/**
 * Counts the socket writes of a client, on one server or on every master of a Redis Cluster (whose
 * pipelines write to the node's stream directly). Each master is connected first, so its stream exists.
 */
export async function countSocketWrites(redis: ChirpRedis): Promise<WriteCounter> {
  // A new Cluster client knows no nodes until its slot map is loaded: a command waits for that.
  await redis.ping();
  const nodes: Redis[] = isCluster(redis) ? (redis as unknown as Cluster).nodes('master') : [redis];
  if (nodes.length === 0) throw new Error('countSocketWrites: the client knows no master to count on');
  await Promise.all(nodes.map((n) => n.ping()));
  let writes = 0;
  for (const node of nodes) {
    const stream = (node as unknown as { stream: { write: (...args: unknown[]) => boolean } }).stream;
    const original = stream.write.bind(stream);
    stream.write = (...args: unknown[]) => {
      writes++;
      return original(...args);
    };
  }
  // The pings above were written before the streams were wrapped: nothing to take back.
  return {
    get writes() {
      return writes;
    },
    nodes: nodes.length,
  };
}
