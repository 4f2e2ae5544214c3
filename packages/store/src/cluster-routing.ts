import { ChirpError } from '@chirp/core';
import type { Cluster } from 'ioredis';
import type { ChirpRedis } from './scripts.ts';

/** CRC16/XMODEM, the checksum Redis Cluster hashes keys with. */
function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The hash slot of a key (0-16383): of its `{hash tag}` when it has a non-empty one, as Redis computes it. */
export function keySlot(key: string): number {
  const open = key.indexOf('{');
  if (open !== -1) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) key = key.slice(open + 1, close);
  }
  return crc16(new TextEncoder().encode(key)) % 16384;
}

/** True for an ioredis `Cluster` (REDIS_CLUSTER_NODES), false for one server. */
export function isCluster(redis: ChirpRedis): boolean {
  return (redis as unknown as { isCluster?: boolean }).isCluster === true;
}

/**
 * The one place a store decides where a multi-key call goes. On one server every key is local and
 * calls go as they are. On Redis Cluster a call may only touch keys of one node: the node owning
 * `keys[0]` (from the client's slot map, which ioredis refreshes on MOVED). Redis 7.0 refuses a
 * script whose declared keys span slots (CROSSSLOT, even with allow-cross-slot-keys) but runs one
 * that declares one key and touches other keys of the same node; so a routed script declares
 * `keys[0]` only and receives the others in ARGV, unpacked back into KEYS by a preamble
 * (scripts.ts), and the script's own code stays the same on both topologies.
 */
export class RedisRouting {
  readonly cluster: boolean;

  constructor(private readonly redis: ChirpRedis) {
    this.cluster = isCluster(redis);
  }

  /** The node (`host:port` of its master) that owns a key; one name for every key on a single server. */
  nodeOf(key: string): string {
    if (!this.cluster) return 'single';
    const owners = (this.redis as unknown as Cluster).slots[keySlot(key)];
    return owners?.[0] ?? `slot:${keySlot(key)}`; // slot map not loaded yet: one group per slot, still correct
  }

  /** Items grouped by the node owning `keyOf(item)`, in first-seen order; one group on a single server. */
  groupByNode<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
    if (!this.cluster) return items.length ? [[...items]] : [];
    const groups = new Map<string, T[]>();
    for (const item of items) {
      const node = this.nodeOf(keyOf(item));
      const group = groups.get(node);
      if (group) group.push(item);
      else groups.set(node, [item]);
    }
    return [...groups.values()];
  }

  /**
   * Runs a registered script with its keys and arguments. On a cluster every key must be on the
   * node of `keys[0]` (group first: groupByNode); a call that is not says so instead of failing
   * inside Redis.
   */
  async script<T>(name: RoutedScript, keys: readonly string[], args: readonly (string | number)[]): Promise<T> {
    const r = this.redis as unknown as Record<string, (...a: (string | number)[]) => Promise<T>>;
    if (!this.cluster) return r[name]!(...(VARIADIC.has(name) ? [keys.length] : []), ...keys, ...args);
    const node = this.nodeOf(keys[0]!);
    const stray = keys.find((k) => this.nodeOf(k) !== node);
    if (stray !== undefined) {
      throw new ChirpError('CONFIG', `script ${name} on Redis Cluster: key ${stray} is not on the node of ${keys[0]} (${node}); group the keys by node first`);
    }
    return r[`${name}Routed`]!(keys[0]!, keys.length - 1, ...keys.slice(1), ...args);
  }
}

/** One command of many: queued on a pipeline (one server) or sent on the client (Redis Cluster). */
export type Queued = (r: ChirpRedis) => unknown;

/**
 * Commands whose keys may span slots, replies in order as `[error, value]` (pipeline.exec's form).
 * One server: one pipeline, one round trip. Redis Cluster: ioredis refuses a pipeline whose keys
 * span nodes, so each command is sent on its own; auto-pipelining still puts the commands of one
 * node in one write, so it is one round trip per node, the nodes in parallel.
 */
export async function execAcrossSlots(redis: ChirpRedis, commands: readonly Queued[]): Promise<[Error | null, unknown][]> {
  if (commands.length === 0) return [];
  if (!isCluster(redis)) {
    const pipe = redis.pipeline();
    for (const queue of commands) queue(pipe as unknown as ChirpRedis);
    return (await pipe.exec()) ?? [];
  }
  return Promise.all(
    commands.map((send) =>
      Promise.resolve(send(redis)).then(
        (value): [Error | null, unknown] => [null, value],
        (error: Error): [Error | null, unknown] => [error, null],
      ),
    ),
  );
}

/** How long a worker waits for a replica to confirm a batch's writes before it gives up (and commits nothing). */
export const REPLICA_WAIT_MS = 2000;

/**
 * Redis replication is asynchronous: a master that dies can take acknowledged writes with it. This
 * waits until `replicas` replicas of every master hold everything written so far on this client's
 * connections (WAIT per master; a master with nothing new answers at once). On a cluster the
 * promoted replica then has them. Throws REDIS_UNAVAILABLE (a dependency failure: the processor
 * commits nothing and redelivers) when a master does not get there within `timeoutMs`.
 */
export async function waitForReplicas(redis: ChirpRedis, replicas: number, timeoutMs = REPLICA_WAIT_MS): Promise<void> {
  if (replicas <= 0) return;
  const targets = isCluster(redis) ? (redis as unknown as Cluster).nodes('master') : [redis];
  const acked = await Promise.all(targets.map((node) => node.call('WAIT', replicas, timeoutMs) as Promise<number>));
  const short = acked.findIndex((n) => n < replicas);
  if (short !== -1) {
    const node = targets[short]!.options;
    throw new ChirpError(
      'REDIS_UNAVAILABLE',
      `${acked[short]} of ${replicas} replicas of ${node.host}:${node.port} confirmed the writes within ${timeoutMs} ms`,
      {
        retriable: true,
      },
    );
  }
}

/** Scripts whose number of keys varies per call (ioredis then takes it as the first argument). */
const VARIADIC = new Set<string>(['deliverToUsers']);
export type RoutedScript = 'deliverToUsers' | 'fanoutRange' | 'follow' | 'unfollow' | 'homePage' | 'forYouCandidates';
