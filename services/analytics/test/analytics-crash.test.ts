import { describe, expect, it } from 'vitest';
import { createTestContext, deleteMatching, waitFor } from '@chirp/testkit';
import { affinityDiff, committed, defaultModel, expectedStates, makeClicks, metric, produceClicks, redisMismatches, tableView, tagTweets } from './helpers.ts';

const ctx = await createTestContext({ partitions: 4 });
const USERS = 200;
const TOTAL = 10_000;
const tags = await tagTweets(ctx, 300);
const clicks = makeClicks(TOTAL, USERS, 300);
const expected = expectedStates(clicks, tags, defaultModel());
// Little concurrency for the first member, so the kill lands with work in flight and a backlog behind it.
const slow = { PROCESSOR_CONCURRENCY: '2' };

describe('analytics worker crash and rebuild', () => {
  it("SIGKILL while 10,000 clicks stream in, restart: every user's affinity equals a clean run's", async () => {
    const first = await ctx.startService('analytics', slow);
    const chunks = 40;
    const size = TOTAL / chunks;
    let sent = 0;
    for (let c = 0; c < chunks / 4; c++, sent += size) await produceClicks(ctx, clicks.slice(sent, sent + size));
    await waitFor(async () => (await metric(first, 'chirp_messages_succeeded_total', ctx.topics.clicks)) >= 1000, {
      what: 'analytics to be under way',
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    await first.kill();
    for (; sent < TOTAL; sent += size) await produceClicks(ctx, clicks.slice(sent, sent + size));
    const atKill = await committed(ctx);
    expect(atKill).toBeLessThan(TOTAL); // it really died mid-way

    // The restarted member waits out the dead one's session (30 s), restores, then catches up at full speed.
    const second = await ctx.startService('analytics');
    try {
      await waitFor(async () => (await committed(ctx)) === TOTAL, { what: 'every click committed', timeoutMs: 200_000, intervalMs: 200 });
      const view = await tableView(ctx);
      expect(view.size).toBe(USERS);
      for (const [user, want] of expected) {
        const got = view.get(user)?.value;
        expect(got?.clicks, `clicks of ${user}`).toBe(want.clicks);
        expect(affinityDiff(got!.affinity, want.affinity), `affinity of ${user}`).toEqual([]);
        expect(got!.minutes).toEqual(want.minutes);
      }
      expect(await redisMismatches(ctx, expected)).toEqual([]);
      expect(await metric(second, 'chirp_messages_dead_lettered_total')).toBe(0);
      expect(await metric(second, 'chirp_e2e_latency_seconds_count', 'stage="analysed"')).toBeGreaterThan(0);
    } finally {
      await second.stop();
    }
  }, 300_000);

  it('wipe the analytics keys in Redis, restart: preferences rebuilt from the changelog and equal', async () => {
    const wiped = await deleteMatching(ctx.redis, ctx.keys.preferences('*'));
    expect(wiped).toBeGreaterThan(100);
    expect(await redisMismatches(ctx, expected)).toHaveLength([...expected.values()].filter((s) => Object.keys(s.affinity).length > 0).length);

    await ctx.startService('analytics');
    await waitFor(async () => (await redisMismatches(ctx, expected)).length === 0, { what: 'preferences rebuilt', timeoutMs: 60_000, intervalMs: 200 });
    expect(await committed(ctx)).toBe(TOTAL); // rebuilt from the changelog: no click was read again
  }, 120_000);
});
