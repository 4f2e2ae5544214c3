import { describe, expect, it } from 'vitest';
import type { ClusterSnapshot } from '../src/lag-collector.ts';
import { processorsReport, SnapshotWindow } from '../src/processors.ts';
import { tablePartitions } from '../src/table-state.ts';

const snapshot = (at: number, high: number, committed: number | null): ClusterSnapshot => ({
  at,
  brokers: 1,
  topics: [
    { topic: 'p.in', partitions: [{ partition: 0, low: 0, high }] },
    { topic: 'p.out', partitions: [{ partition: 0, low: 0, high: high * 2 }] },
    { topic: 'p.g.dlq', partitions: [{ partition: 0, low: 1, high: 4 }] },
  ],
  groups: [
    {
      group: 'p.g',
      members: 1,
      lag: high - (committed ?? 0),
      partitions: [{ topic: 'p.in', partition: 0, lag: high - (committed ?? 0), currentOffset: committed }],
    },
  ],
});

describe('processorsReport', () => {
  it('has no rates and an unknown lag time on the first read, a known one when caught up', () => {
    const r = processorsReport({ now: snapshot(1000, 10, 4), before: undefined, outputs: new Map(), tables: [] });
    expect(r.rateWindowSeconds).toBe(0);
    expect(r.groups[0]!.partitions[0]).toEqual({
      topic: 'p.in',
      partition: 0,
      offset: 4,
      high: 10,
      lag: 6,
      lagSeconds: null,
      inputRate: null,
      consumeRate: null,
    });
    expect(r.groups[0]!.lagSeconds).toBeNull();
    const caughtUp = processorsReport({ now: snapshot(1000, 10, 10), before: undefined, outputs: new Map(), tables: [] });
    expect(caughtUp.groups[0]!.partitions[0]!.lagSeconds).toBe(0);
    expect(caughtUp.groups[0]!.lagSeconds).toBe(0);
  });

  it('takes rates over the window, lag time as lag ÷ consume rate, output from the listed topics, DLQ as records kept', () => {
    const r = processorsReport({
      now: snapshot(11_000, 30, 14),
      before: snapshot(1000, 10, 4),
      outputs: new Map([['p.g', ['p.out', 'p.missing']]]),
      tables: [],
    });
    const g = r.groups[0]!;
    expect(r.rateWindowSeconds).toBe(10);
    expect(g.partitions[0]).toMatchObject({ inputRate: 2, consumeRate: 1, lag: 16, lagSeconds: 16 });
    expect(g).toMatchObject({
      inputRate: 2,
      consumeRate: 1,
      lagSeconds: 16,
      outputTopics: ['p.out'],
      outputRate: 4,
      retryRecords: null,
      deadLetterRecords: 3,
      table: null,
    });
  });

  it('counts an uncommitted partition from the oldest kept offset, and joins table partitions of its group', () => {
    const tables = tablePartitions(
      [
        '# TYPE chirp_table_partition_running gauge',
        'chirp_table_partition_running{group="p.g",partition="1",service="w"} 0',
        'chirp_table_partition_restore_records{group="p.g",partition="1",service="w"} 30',
        'chirp_table_partition_restore_seconds{group="p.g",partition="1",service="w"} 1.5',
        'chirp_table_partition_running{group="p.g",partition="0",service="w"} 1',
        'chirp_table_partition_restore_records{group="p.g",partition="0",service="w"} 0',
        'chirp_table_partition_restore_seconds{group="p.g",partition="0",service="w"} 0',
        'chirp_table_partition_restore_records{group="p.other",partition="0",service="w"} 5',
      ].join('\n'),
      'http://w/metrics',
    );
    // A records gauge without its running gauge is not a held partition.
    expect(tables.map((t) => [t.group, t.partition, t.state, t.restoreRate])).toEqual([
      ['p.g', 1, 'recovering', 20],
      ['p.g', 0, 'running', null],
    ]);
    const r = processorsReport({ now: snapshot(3000, 8, null), before: snapshot(1000, 2, null), outputs: new Map(), tables });
    expect(r.groups[0]!.partitions[0]).toMatchObject({ offset: null, lag: 8, consumeRate: 0, lagSeconds: null, inputRate: 3 });
    expect(r.groups[0]!.table).toEqual({ topic: 'p.g-table', partitions: [tables[1], tables[0]] });
  });
});

describe('SnapshotWindow', () => {
  it('compares the newest read with the oldest one still within the window', () => {
    const w = new SnapshotWindow(10_000);
    expect(w.newest()).toBeUndefined();
    for (const at of [0, 5000]) w.add(snapshot(at, 1, 1));
    expect(w.oldest()?.at).toBe(0);
    w.add(snapshot(10_000, 1, 1));
    expect(w.oldest()?.at).toBe(0);
    w.add(snapshot(15_000, 1, 1));
    expect([w.oldest()?.at, w.newest()?.at]).toEqual([5000, 15_000]);
  });
});
