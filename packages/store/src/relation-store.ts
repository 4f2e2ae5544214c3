import type { RelationEvent, RelationKind } from '@chirp/core';
import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';

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
    const applied = await this.redis.relation(
      k.relationClocks(user),
      own,
      reverse,
      `${e.kind}:${target}`,
      target,
      user,
      Date.parse(e.at),
      e.action === 'on' ? 'f' : 'u',
    );
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
    const res = await this.redis.pipeline().sismember(this.keys.blocks(x), y).sismember(this.keys.blocks(y), x).exec();
    return (res ?? []).some(([err, v]) => {
      if (err) throw err;
      return v === 1;
    });
  }

  async state(user: string, target: string): Promise<RelationState> {
    const [u, t] = [user.toLowerCase(), target.toLowerCase()];
    const res = await this.redis.pipeline().sismember(this.keys.mutes(u), t).sismember(this.keys.blocks(u), t).sismember(this.keys.blocks(t), u).exec();
    const v = (res ?? []).map(([err, x]) => {
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
