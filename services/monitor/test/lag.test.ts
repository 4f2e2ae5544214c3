import { describe, expect, it } from 'vitest';
import { groupLag, partitionLag, topicTotals, type TopicWatermarks } from '../src/lag.ts';

const marks = (topic: string, ...parts: [low: number, high: number][]): TopicWatermarks => ({
  topic,
  partitions: parts.map(([low, high], partition) => ({ partition, low, high })),
});

describe('partitionLag', () => {
  it('is the high watermark minus the committed offset', () => {
    expect(partitionLag({ partition: 0, low: 0, high: 10 }, 4)).toBe(6);
    expect(partitionLag({ partition: 0, low: 0, high: 10 }, 10)).toBe(0);
  });

  it('counts the whole retained log when the group never committed', () => {
    expect(partitionLag({ partition: 0, low: 3, high: 10 }, null)).toBe(7);
    expect(partitionLag({ partition: 0, low: 0, high: 0 }, null)).toBe(0);
  });

  it('never counts messages retention already deleted', () => {
    expect(partitionLag({ partition: 0, low: 8, high: 10 }, 2)).toBe(2);
  });

  it('is never negative', () => {
    expect(partitionLag({ partition: 0, low: 0, high: 5 }, 9)).toBe(0);
  });
});

describe('groupLag', () => {
  const watermarks = new Map([
    ['t.newTweets', marks('t.newTweets', [0, 5], [0, 3], [0, 0], [1, 2])],
    ['t.fanout', marks('t.fanout', [0, 4])],
  ]);

  it('covers every partition of every committed topic, uncommitted ones at high − low', () => {
    const lag = groupLag(
      {
        group: 't.fanout',
        members: 0,
        committed: new Map([
          [
            't.newTweets',
            new Map([
              [0, 2],
              [1, 3],
            ]),
          ],
        ]),
        assignedTopics: [],
      },
      watermarks,
    );
    expect(lag.partitions).toEqual([
      { topic: 't.newTweets', partition: 0, lag: 3, currentOffset: 2 },
      { topic: 't.newTweets', partition: 1, lag: 0, currentOffset: 3 },
      { topic: 't.newTweets', partition: 2, lag: 0, currentOffset: null },
      { topic: 't.newTweets', partition: 3, lag: 1, currentOffset: null },
    ]);
    expect(lag.lag).toBe(4);
    expect(lag.members).toBe(0);
  });

  it('includes topics assigned to live members before their first commit', () => {
    const lag = groupLag({ group: 't.g', members: 2, committed: new Map(), assignedTopics: ['t.fanout'] }, watermarks);
    expect(lag).toEqual({ group: 't.g', members: 2, lag: 4, partitions: [{ topic: 't.fanout', partition: 0, lag: 4, currentOffset: null }] });
  });

  it('leaves out topics it has no watermarks for (outside the prefix or deleted)', () => {
    const lag = groupLag({ group: 't.g', members: 0, committed: new Map([['other.topic', new Map([[0, 1]])]]), assignedTopics: ['gone'] }, watermarks);
    expect(lag.partitions).toEqual([]);
    expect(lag.lag).toBe(0);
  });
});

describe('topicTotals', () => {
  it('sums lag per topic, and committed offsets over committed partitions only', () => {
    const totals = topicTotals({
      group: 'g',
      members: 1,
      lag: 6,
      partitions: [
        { topic: 'a', partition: 0, lag: 1, currentOffset: 4 },
        { topic: 'a', partition: 1, lag: 2, currentOffset: null },
        { topic: 'b', partition: 0, lag: 3, currentOffset: null },
      ],
    });
    expect(totals).toEqual([
      { topic: 'a', lag: 3, currentOffset: 4 },
      { topic: 'b', lag: 3, currentOffset: null },
    ]);
  });
});
