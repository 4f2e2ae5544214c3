import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { GraphStore } from '@chirp/store';

const ctx = await createTestContext();
const graph = new GraphStore(ctx.redis, ctx.keys, 800);
const following = async (user: string, target: string): Promise<boolean> => (await ctx.redis.zscore(ctx.keys.following(user), target)) !== null;
const followed = async (user: string, target: string): Promise<boolean> => (await ctx.redis.zscore(ctx.keys.followers(target), user)) !== null;

describe('follow edges are last-writer-wins by event time', () => {
  it('an unfollow at t2 applied before the follow at t1 < t2 leaves the edge absent', async () => {
    await graph.unfollow('ua', 'ta', 2_000);
    await graph.follow('ua', 'ta', 1_000);
    expect(await following('ua', 'ta')).toBe(false);
    expect(await followed('ua', 'ta')).toBe(false);
  });

  it('a follow at t2 applied before the unfollow at t1 < t2 keeps the edge', async () => {
    await graph.follow('ub', 'tb', 2_000);
    await graph.unfollow('ub', 'tb', 1_000);
    expect(await following('ub', 'tb')).toBe(true);
    expect(await followed('ub', 'tb')).toBe(true);
  });

  it('equal event times: unfollow wins whatever the order they are applied in', async () => {
    await graph.follow('uc', 'tc', 5_000);
    await graph.unfollow('uc', 'tc', 5_000);
    await graph.unfollow('ud', 'td', 5_000);
    await graph.follow('ud', 'td', 5_000);
    expect([await following('uc', 'tc'), await following('ud', 'td')]).toEqual([false, false]);
  });

  it('every order of a follow/unfollow/follow history gives the state of the latest event', async () => {
    const events = [
      { action: 'follow', at: 1_000 },
      { action: 'unfollow', at: 2_000 },
      { action: 'follow', at: 3_000 },
    ] as const;
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0],
    ];
    for (const [n, order] of orders.entries()) {
      for (const i of order) {
        const e = events[i]!;
        if (e.action === 'follow') await graph.follow(`ue${n}`, 'te', e.at);
        else await graph.unfollow(`ue${n}`, 'te', e.at);
      }
      expect(await following(`ue${n}`, 'te'), `order ${order.join(',')}`).toBe(true);
      // Applying the whole history again (a redelivery) changes nothing.
      for (const i of order) {
        const e = events[i]!;
        if (e.action === 'follow') await graph.follow(`ue${n}`, 'te', e.at);
        else await graph.unfollow(`ue${n}`, 'te', e.at);
      }
      expect(await following(`ue${n}`, 'te')).toBe(true);
    }
  });
});
