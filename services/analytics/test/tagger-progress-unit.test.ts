import { describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { TaggerProgress } from '../src/tagger-progress.ts';

// Pure logic of TaggerProgress, with a stand-in for the Kafka admin (the tagger always past every
// tweet here) and a lookup view whose catch-ups the test settles by hand. The real-broker paths
// are services/analytics/test/analytics-tagger-behind.test.ts and the chaos runs.
function fakeKafka(): Kafka {
  const admin = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    fetchTopicOffsetsByTimestamp: async () => [{ partition: 0, offset: '5' }],
    fetchOffsets: async () => [{ topic: 'twitter.newTweets', partitions: [{ partition: 0, offset: '5' }] }],
    fetchTopicOffsets: async () => [], // no retry topic
  };
  return { admin: () => admin } as unknown as Kafka;
}

function manualView(): { view: { catchUp(): Promise<void> }; started: number; settleAll(): void } {
  const pending: (() => void)[] = [];
  const out = {
    started: 0,
    view: {
      catchUp: () => {
        out.started++;
        return new Promise<void>((resolve) => pending.push(resolve));
      },
    },
    settleAll: () => pending.splice(0).forEach((r) => r()),
  };
  return out;
}

describe('TaggerProgress', () => {
  it('does not answer a check with a lookup catch-up that began before the tagger was proven past the tweet', async () => {
    // Cluster chaos run: 3 valid clicks dead-lettered "not tagged, and the tagger is past it". A
    // catch-up started for an earlier click reads the verdicts' end as it was then; a verdict the
    // tagger produced after that, and committed past, is beyond it.
    const v = manualView();
    const progress = new TaggerProgress({ kafka: fakeKafka(), newTweetsTopic: 'twitter.newTweets', taggerGroup: 'twitter.tagger', view: () => v.view });
    const first = progress.check('t1', new Date().toISOString());
    await new Promise((r) => setTimeout(r, 20));
    expect(v.started).toBe(1);
    // A later click, on a tweet the tagger reached after the first catch-up began.
    await new Promise((r) => setTimeout(r, 10));
    const second = progress.check('t2', new Date(Date.now() + 60_000).toISOString());
    await new Promise((r) => setTimeout(r, 20));
    expect(v.started).toBe(2);
    v.settleAll();
    await Promise.all([first, second]);
  });

  it('shares a catch-up that began after the proof between the partitions that ask', async () => {
    const v = manualView();
    const progress = new TaggerProgress({ kafka: fakeKafka(), newTweetsTopic: 'twitter.newTweets', taggerGroup: 'twitter.tagger', view: () => v.view });
    const at = new Date(Date.now() - 60_000).toISOString(); // long past: one proof covers both
    const checks = [progress.check('t1', at), progress.check('t2', at)];
    await new Promise((r) => setTimeout(r, 20));
    expect(v.started).toBe(1);
    v.settleAll();
    await Promise.all(checks);
    await progress.close();
  });
});
