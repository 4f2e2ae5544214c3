import { describe, expect, it } from 'vitest';
import { deadLetterTopic, groupId, TAGS, tweetTagsSchema, type Click, type Tag, type TweetTags } from '@chirp/core';
import { Emitter, jsonCodec } from '@chirp/streams';
import { createLogger } from '@chirp/telemetry';
import { createTestContext, waitFor } from '@chirp/testkit';
import { replayDeadLetters } from '@chirp/stack/dlq-tool';
import { produceClicks, tableView, tagTweets } from './helpers.ts';

const ctx = await createTestContext({ partitions: 1 });
const group = groupId(ctx.prefix, 'analytics');
// No retries in place; two delayed rounds through the retry topic (0.5 s, 1 s), then the DLQ.
const FAILURE_ENV = { PROCESSOR_RETRIES: '0', PROCESSOR_RETRY_ROUNDS: '2', PROCESSOR_RETRY_DELAY_MS: '500' };
const BOGUS = 10;

async function tag(tweetId: string, tags: Tag[]): Promise<void> {
  const emitter = new Emitter<TweetTags>({ producer: await ctx.producer(), topic: ctx.topics.tweetTags, codec: jsonCodec(tweetTagsSchema) });
  await emitter.emit(tweetId, { tweetId, tags, provider: 'local', model: null, taggedAt: new Date().toISOString() });
}

/** Messages in the analytics DLQ (high watermark of its one partition). */
async function deadLetters(): Promise<number> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(deadLetterTopic(group)).catch(() => []);
    return ends.reduce((s, e) => s + Number(e.high), 0);
  } finally {
    await admin.disconnect();
  }
}

describe("analytics: a dead-lettered click's pending token", () => {
  it('is forgotten once the click is in the DLQ, and a replay still applies the clicks whose tweets exist by then', async () => {
    await tagTweets(ctx, 2); // tw1 carries a tag
    await ctx.startService('analytics', FAILURE_ENV);
    const view = await tableView(ctx);
    const hal = async (): Promise<{ clicks: number; pending: string[] } | undefined> => {
      await view.catchUp();
      const record = view.get('hal');
      return record && { clicks: record.value.clicks, pending: record.marks.pending };
    };
    const at = new Date().toISOString();

    // Clicks on tweets that are never tagged, then one that applies (and writes the failed ones into
    // hal's record as pending); every bogus one ends in the DLQ after its rounds.
    const bogus: Click[] = Array.from({ length: BOGUS }, (_, i) => ({ clickId: `b${i}`, user: 'hal', tweetId: `ghost${i}`, kind: 'open', at }));
    await produceClicks(ctx, [...bogus, { clickId: 'k1', user: 'hal', tweetId: 'tw1', kind: 'like', at }]);
    await waitFor(async () => (await deadLetters()) === BOGUS, { timeoutMs: 60_000, intervalMs: 250, what: `${BOGUS} dead letters` });
    await waitFor(async () => (await hal())?.clicks === 1, { timeoutMs: 10_000, what: "hal's tagged click applied" });
    // Dead letters wait for nothing but a replay: kept pending, MARK_LIMITS.pending of them would
    // leave hal no room to wait for a tag, and every later click of hal's that fails once is dead-lettered at once.
    await waitFor(async () => (await hal())?.pending.length === 0, { timeoutMs: 10_000, what: "hal's record to hold no pending token" }).catch(() => undefined);
    expect((await hal())?.pending).toEqual([]);

    // Once two of the ghost tweets exist, replaying the DLQ applies their clicks (and only theirs, once).
    await tag('ghost0', [TAGS[1]]);
    await tag('ghost1', [TAGS[2]]);
    expect(await replayDeadLetters({ kafka: ctx.kafka, groupId: group, logger: createLogger('test-dlq', 'silent') })).toMatchObject({ replayed: BOGUS });
    await waitFor(async () => (await deadLetters()) === 2 * BOGUS - 2, {
      timeoutMs: 60_000,
      intervalMs: 250,
      what: 'the other replayed clicks back in the DLQ',
    });
    await waitFor(async () => (await hal())?.clicks === 3, { timeoutMs: 10_000, what: 'the two replayed clicks applied' });
    await waitFor(async () => (await hal())?.pending.length === 0, { timeoutMs: 10_000, what: 'no pending token after the replay' }).catch(() => undefined);
    expect(await hal()).toEqual({ clicks: 3, pending: [] });
  }, 180_000);
});
