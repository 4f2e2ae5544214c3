import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';

/** Acked offsets of one gateway group on one topic: version → partition → offset. */
export type GroupPositions = Map<number, Map<number, bigint>>;

/** A gateway group on a topic, as recorded in `gateway:groups`. */
export interface GatewayGroupRef {
  topic: string;
  group: string;
}

/**
 * Positions of the gateway's consumer groups (liiklus's position storage): the offset each
 * (topic, group, version, partition) last acked, in one hash per (topic, group). An ack overwrites
 * whatever was there (acking 10, 200, 100 stores 100): the client says where it is, even backwards.
 * These are the gateway clients' own state, not a view of the log; losing them (a Redis rebuild)
 * sends those clients back to their `auto_offset_reset`.
 */
export class GatewayPositionStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Stores `offset` as the position and records the group for lag reporting (one round trip with auto-pipelining). */
  async ack(topic: string, group: string, version: number, partition: number, offset: bigint): Promise<void> {
    await Promise.all([
      this.redis.hset(this.keys.gatewayPositions(topic, group), `${version}:${partition}`, offset.toString()),
      this.redis.sadd(this.keys.gatewayGroups(), `${topic} ${group}`),
    ]);
  }

  /** Records a group that subscribed, so its lag shows before its first ack. */
  async remember(topic: string, group: string): Promise<void> {
    await this.redis.sadd(this.keys.gatewayGroups(), `${topic} ${group}`);
  }

  /** Every version's positions of the group on the topic (empty when it never acked). */
  async positions(topic: string, group: string): Promise<GroupPositions> {
    const raw = await this.redis.hgetall(this.keys.gatewayPositions(topic, group));
    const result: GroupPositions = new Map();
    for (const [field, value] of Object.entries(raw)) {
      const [version, partition] = field.split(':').map(Number);
      if (!Number.isInteger(version) || !Number.isInteger(partition) || !/^\d+$/.test(value)) continue;
      let byPartition = result.get(version!);
      if (!byPartition) result.set(version!, (byPartition = new Map<number, bigint>()));
      byPartition.set(partition!, BigInt(value));
    }
    return result;
  }

  /** The groups that ever subscribed or acked, for the lag report. */
  async groups(): Promise<GatewayGroupRef[]> {
    const members = await this.redis.smembers(this.keys.gatewayGroups());
    return members
      .map((m) => {
        const space = m.indexOf(' ');
        return { topic: m.slice(0, space), group: m.slice(space + 1) };
      })
      .filter((g) => g.topic && g.group);
  }
}
