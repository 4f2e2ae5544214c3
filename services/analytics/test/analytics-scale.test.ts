import { describe, expect, it } from 'vitest';
import { createTestContext, waitFor } from '@chirp/testkit';
import {
  affinityDiff,
  committed,
  defaultModel,
  expectedStates,
  lastAssignment,
  makeClicks,
  metric,
  produceClicks,
  redisMismatches,
  tableView,
  tagTweets,
} from './helpers.ts';

const PARTITIONS = 4;
const ctx = await createTestContext({ partitions: PARTITIONS });
const tags = await tagTweets(ctx, 200);

describe('two analytics instances', () => {
  it('share the partitions; stopping one hands its partitions and their state to the other, no click lost', async () => {
    const [a, b] = await Promise.all([ctx.startService('analytics'), ctx.startService('analytics')]);
    const clicksOf = (svc: typeof a): number[] => lastAssignment(svc)?.[ctx.topics.clicks] ?? [];
    // Both hold some partitions of the clicks topic, together all of them (co-partitioned with the retry topic).
    await waitFor(() => clicksOf(a).length > 0 && clicksOf(b).length > 0 && clicksOf(a).length + clicksOf(b).length === PARTITIONS, {
      what: 'partitions spread over both',
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    expect([...clicksOf(a), ...clicksOf(b)].sort()).toEqual([0, 1, 2, 3]);
    expect(lastAssignment(a)?.[`${ctx.prefix}analytics.retry`]).toEqual(clicksOf(a));
    await waitFor(async () => (await metric(a, 'chirp_table_partitions')) + (await metric(b, 'chirp_table_partitions')) === PARTITIONS, {
      what: 'table partitions held',
      timeoutMs: 30_000,
    });

    const clicks = makeClicks(4000, 120, 200);
    const expected = expectedStates(clicks, tags, defaultModel());
    await produceClicks(ctx, clicks.slice(0, 2000));
    await waitFor(async () => (await metric(a, 'chirp_messages_succeeded_total', ctx.topics.clicks)) > 0, { what: 'a to apply clicks', timeoutMs: 30_000 });
    const aApplied = await metric(a, 'chirp_messages_succeeded_total', ctx.topics.clicks);
    expect(await a.stop()).toBe(0); // a clean stop: finishes, commits, leaves the group
    await produceClicks(ctx, clicks.slice(2000));

    await waitFor(() => clicksOf(b).length === PARTITIONS, { what: 'b to take every partition', timeoutMs: 60_000, intervalMs: 100 });
    await waitFor(async () => (await metric(b, 'chirp_table_partitions')) === PARTITIONS, { what: 'b to hold the whole table' });
    await waitFor(async () => (await committed(ctx)) === clicks.length, { what: 'every click committed', timeoutMs: 90_000, intervalMs: 200 });

    const view = await tableView(ctx);
    for (const [user, want] of expected) {
      const got = view.get(user)?.value;
      expect(got?.clicks, `clicks of ${user}`).toBe(want.clicks);
      expect(affinityDiff(got!.affinity, want.affinity), `affinity of ${user}`).toEqual([]);
    }
    // The state a built before it stopped was restored by b, not recounted from the input.
    expect(aApplied).toBeGreaterThan(0);
    expect(await metric(b, 'chirp_table_restored_records_total')).toBeGreaterThan(0);
    expect(await redisMismatches(ctx, expected)).toEqual([]);
  }, 180_000);
});
