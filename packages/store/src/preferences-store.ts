import type { Keys } from './keys.ts';
import type { ChirpRedis } from './scripts.ts';
import { execAcrossSlots, type Queued } from './cluster-routing.ts';

export interface TagScore {
  tag: string;
  score: number;
}

/**
 * Users' tag affinities at prefs:<user> (ZSET tag → forward-decayed sum), a copy of the analytics
 * group table for fast reads. Written with absolute values only, so a repeated or replayed write
 * changes nothing, and a wiped copy is rebuilt by writing the table again.
 */
export class PreferencesStore {
  constructor(
    private readonly redis: ChirpRedis,
    private readonly keys: Keys,
  ) {}

  /** Many users' scores in ONE round trip (a pipeline of ZADDs). Tags never leave a user's sums. */
  async write(entries: readonly { user: string; scores: Readonly<Record<string, number>> }[]): Promise<void> {
    const commands: Queued[] = [];
    for (const { user, scores } of entries) {
      const args: (string | number)[] = [];
      for (const [tag, score] of Object.entries(scores)) args.push(score, tag);
      if (args.length === 0) continue;
      commands.push((r) => r.zadd(this.keys.preferences(user), ...args));
    }
    if (commands.length === 0) return;
    const results = await execAcrossSlots(this.redis, commands);
    const failed = results.find(([error]) => error)?.[0];
    if (failed) throw failed;
  }

  /** A user's raw (forward-decayed) scores, strongest first. */
  async top(user: string, limit = 50): Promise<TagScore[]> {
    const raw = await this.redis.zrange(this.keys.preferences(user), 0, limit - 1, 'REV', 'WITHSCORES');
    const out: TagScore[] = [];
    for (let i = 0; i < raw.length; i += 2) out.push({ tag: raw[i]!, score: Number(raw[i + 1]) });
    return out;
  }
}
