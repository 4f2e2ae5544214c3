import { execAcrossSlots } from '@chirp/store';
import type { TestContext } from './context.ts';

/**
 * The raw entries (`<ms>:<id>`) of many users' home timelines, in their order, on one server (one
 * pipeline per 5,000) or on a Redis Cluster (one round trip per master per 5,000), where a plain
 * pipeline may not span the slots of several users.
 */
export async function readTimelines(ctx: Pick<TestContext, 'redis' | 'keys'>, users: readonly string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (let start = 0; start < users.length; start += 5000) {
    const replies = await execAcrossSlots(
      ctx.redis,
      users.slice(start, start + 5000).map((u) => (r) => r.lrange(ctx.keys.timeline(u), 0, -1)),
    );
    for (const [error, entries] of replies) {
      if (error) throw error;
      out.push(entries as string[]);
    }
  }
  return out;
}
