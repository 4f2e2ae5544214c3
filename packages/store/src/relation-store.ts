import type { RelationEvent, RelationKind } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { execAcrossSlots, isCluster } from './cluster-routing.ts';

/** What one user has set towards another. */
export interface RelationState {
  muted: boolean;
  blocked: boolean;
  /** The other user blocked this one. */
  blockedBy: boolean;
}

/**
 * Mutes and blocks: a view of twitter.relations, written by the notify group only (relation.lua,
 * last writer wins per edge). Handles are stored lowercased, so `@Maria` and `maria` are one user.
 */
export class RelationStore {
  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
  ) {}

  /** Applies one event; false when a newer event of the same relation was applied already. */
  async apply(e: RelationEvent): Promise<boolean> {
    const user = e.user.toLowerCase();
    const target = e.target.toLowerCase();
    const k = this.keys;
    const [own, reverse] = e.kind === 'mute' ? [k.mutes(user), k.mutedBy(target)] : [k.blocks(user), k.blockedBy(target)];
    const on = e.action === 'on' ? 'f' : 'u';
    if (!isCluster(this.redis)) {
      return (await this.redis.relation(k.relationClocks(user), own, reverse, `${e.kind}:${target}`, target, user, Date.parse(e.at), on)) === 1;
    }
    // Redis Cluster: the reverse set is on the target's slot. The event is applied on the user's
    // slot (relation.lua, own side only), then the reverse set is made to agree with the own set
    // as it is now, also on a redelivery (idempotent).
    const applied = await this.redis.relation(k.relationClocks(user), own, own, `${e.kind}:${target}`, target, user, Date.parse(e.at), on, 'own');
    if ((await this.redis.sismember(own, target)) === 1) await this.redis.sadd(reverse, user);
    else await this.redis.srem(reverse, user);
    return applied === 1;
  }

  /** Authors whose tweets and notifications the user does not see: muted or blocked, lowercased. */
  async hiddenFor(user: string): Promise<Set<string>> {
    const u = user.toLowerCase();
    return new Set(await this.redis.sunion(this.keys.mutes(u), this.keys.blocks(u)));
  }

  /** Whether either user blocked the other: no follow, reply or mention notification between them. */
  async blockedEitherWay(a: string, b: string): Promise<boolean> {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    const res = await execAcrossSlots(this.redis, [(r) => r.sismember(this.keys.blocks(x), y), (r) => r.sismember(this.keys.blocks(y), x)]);
    return res.some(([err, v]) => {
      if (err) throw err;
      return v === 1;
    });
  }

  async state(user: string, target: string): Promise<RelationState> {
    const [u, t] = [user.toLowerCase(), target.toLowerCase()];
    const res = await execAcrossSlots(this.redis, [
      (r) => r.sismember(this.keys.mutes(u), t),
      (r) => r.sismember(this.keys.blocks(u), t),
      (r) => r.sismember(this.keys.blocks(t), u),
    ]);
    const v = res.map(([err, x]) => {
      if (err) throw err;
      return x === 1;
    });
    return { muted: v[0] ?? false, blocked: v[1] ?? false, blockedBy: v[2] ?? false };
  }

  /** Everyone the user muted or blocked, sorted. */
  async list(user: string, kind: RelationKind): Promise<string[]> {
    const u = user.toLowerCase();
    const members = await this.redis.smembers(kind === 'mute' ? this.keys.mutes(u) : this.keys.blocks(u));
    return members.sort();
  }
}
