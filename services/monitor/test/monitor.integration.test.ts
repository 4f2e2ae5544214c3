import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestContext, waitFor } from '@chirp/testkit';
import type { LagReport } from '../src/lag-report.ts';
import type { ProcessorsReport } from '../src/processors.ts';
import { parseSamples, type Sample } from '@chirp/telemetry';

const ctx = await createTestContext({ partitions: 4 });
const topic = ctx.topics.newTweets;
const fanoutGroup = `${ctx.prefix}fanout`;
const liveGroup = `${ctx.prefix}saver`;
const foreignGroup = `x${ctx.prefix}fanout`; // not under the prefix: never reported
const statefulGroup = `${ctx.prefix}analytics`; // a group table's group, for /processors.json

const admin = ctx.kafka.admin();
await admin.connect();
ctx.onCleanup(async () => {
  await admin.deleteGroups([fanoutGroup, liveGroup, foreignGroup, statefulGroup]).catch(() => undefined);
  await admin.disconnect();
});

// A worker's /metrics stand-in: every scrape sees 10 new `saved` observations in (0.25, 0.5] and
// none for `fanned_out`.
let scrapes = 0;
const bucketsLine = (stage: string, counts: [string, number][]): string =>
  counts.map(([le, n]) => `chirp_e2e_latency_seconds_bucket{le="${le}",stage="${stage}",service="fake"} ${n}`).join('\n');
const worker = createServer((_req, res) => {
  const saved = 10 * ++scrapes;
  res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
  res.end(
    [
      '# TYPE chirp_e2e_latency_seconds histogram',
      bucketsLine('saved', [
        ['0.25', 0],
        ['0.5', saved],
        ['+Inf', saved],
      ]),
      bucketsLine('fanned_out', [
        ['1', 3],
        ['+Inf', 3],
      ]),
      // The group table gauges of packages/streams: partition 0 running, partition 1 still restoring.
      `chirp_table_partition_running{group="${statefulGroup}",partition="0",service="fake"} 1`,
      `chirp_table_partition_restore_records{group="${statefulGroup}",partition="0",service="fake"} 40`,
      `chirp_table_partition_restore_seconds{group="${statefulGroup}",partition="0",service="fake"} 0.5`,
      `chirp_table_partition_running{group="${statefulGroup}",partition="1",service="fake"} 0`,
      `chirp_table_partition_restore_records{group="${statefulGroup}",partition="1",service="fake"} 10`,
      `chirp_table_partition_restore_seconds{group="${statefulGroup}",partition="1",service="fake"} 2`,
    ].join('\n'),
  );
});
await new Promise<void>((resolve) => worker.listen(0, '127.0.0.1', resolve));
ctx.onCleanup(() => new Promise((resolve) => worker.close(resolve)));

// Messages per partition 0..3; then the fanout group commits 2 on p0 and 3 on p1, nothing on p2, p3.
const PER_PARTITION = [5, 3, 0, 2];
// The context's producer is idempotent: the lag figures below count messages exactly, and a plain
// producer's retry of a send the broker already appended writes it twice (seen under load: 15
// records on a partition sent 5).
const producer = await ctx.producer();
await producer.send({
  topic,
  messages: PER_PARTITION.flatMap((n, partition) => Array.from({ length: n }, (_, i) => ({ partition, value: `m${partition}-${i}` }))),
});
await admin.setOffsets({
  groupId: fanoutGroup,
  topic,
  partitions: [
    { partition: 0, offset: '2' },
    { partition: 1, offset: '3' },
  ],
});
await admin.setOffsets({ groupId: foreignGroup, topic, partitions: [{ partition: 0, offset: '0' }] });

const svc = await ctx.startService('monitor', {
  MONITOR_INTERVAL_MS: '500',
  MONITOR_SCRAPE_TARGETS: `http://127.0.0.1:${(worker.address() as AddressInfo).port}/metrics`,
});
const base = `http://127.0.0.1:${svc.port}`;

const scrape = async (): Promise<Sample[]> => parseSamples(await (await fetch(`${base}/metrics`)).text());
const pick = (samples: Sample[], name: string, labels: Record<string, string>): number[] =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).map((s) => s.value);
const lagJson = async (): Promise<LagReport> => (await (await fetch(`${base}/lag.json`)).json()) as LagReport;
const processorsJson = async (): Promise<ProcessorsReport> => (await (await fetch(`${base}/processors.json`)).json()) as ProcessorsReport;

describe('lag monitor on the real broker', () => {
  it('exports per partition lag of a group whose workers are down, uncommitted partitions at high − low', async () => {
    const samples = await waitFor(
      async () => {
        const s = await scrape();
        return pick(s, 'kafka_consumergroup_lag_sum', { consumergroup: fanoutGroup, topic })[0] === 5 ? s : null;
      },
      { what: 'the fanout group lag to be reported', timeoutMs: 20_000 },
    );
    const lag = (partition: number): number[] => pick(samples, 'kafka_consumergroup_lag', { consumergroup: fanoutGroup, topic, partition: String(partition) });
    expect([lag(0), lag(1), lag(2), lag(3)]).toEqual([[3], [0], [0], [2]]);
    expect(pick(samples, 'kafka_consumergroup_current_offset', { consumergroup: fanoutGroup, topic }).sort()).toEqual([2, 3]);
    expect(pick(samples, 'kafka_consumergroup_current_offset_sum', { consumergroup: fanoutGroup, topic })).toEqual([5]);
    expect(pick(samples, 'kafka_consumergroup_members', { consumergroup: fanoutGroup })).toEqual([0]);
    expect(pick(samples, 'kafka_topic_partitions', { topic })).toEqual([4]);
    expect(pick(samples, 'kafka_topic_partition_current_offset', { topic, partition: '0' })).toEqual([5]);
    expect(pick(samples, 'kafka_topic_partition_oldest_offset', { topic, partition: '0' })).toEqual([0]);
    expect(pick(samples, 'kafka_brokers', {})[0]).toBeGreaterThanOrEqual(1);
    // Only this suite's prefix: no other test's topics or groups, and not the foreign group.
    const kafkaSeries = samples.filter((s) => s.name.startsWith('kafka_') && s.name !== 'kafka_brokers');
    expect(kafkaSeries.every((s) => s.labels.topic === undefined || s.labels.topic.startsWith(ctx.prefix))).toBe(true);
    expect(kafkaSeries.every((s) => s.labels.consumergroup === undefined || s.labels.consumergroup.startsWith(ctx.prefix))).toBe(true);
    expect(pick(samples, 'kafka_consumergroup_lag', { consumergroup: foreignGroup })).toEqual([]);
    expect(samples.every((s) => s.labels.service === 'monitor')).toBe(true);
  });

  it('serves the same numbers at /lag.json, with p50/p99 from the workers histogram deltas', async () => {
    const report = await waitFor(
      async () => {
        const r = await lagJson();
        return r.groups.some((g) => g.group === fanoutGroup && g.lag === 5) && r.latency.some((l) => l.stage === 'saved' && l.p50Seconds !== null) ? r : null;
      },
      { what: '/lag.json to carry lag and latency', timeoutMs: 20_000 },
    );
    const group = report.groups.find((g) => g.group === fanoutGroup);
    expect(group?.partitions).toEqual([
      { topic, partition: 0, lag: 3 },
      { topic, partition: 1, lag: 0 },
      { topic, partition: 2, lag: 0 },
      { topic, partition: 3, lag: 2 },
    ]);
    expect(report.groups.map((g) => g.group)).not.toContain(foreignGroup);
    expect(Date.now() - Date.parse(report.updatedAt)).toBeLessThan(10_000);
    const saved = report.latency.find((l) => l.stage === 'saved');
    expect(saved?.p50Seconds).toBeCloseTo(0.375, 6);
    expect(saved?.p99Seconds).toBeCloseTo(0.4975, 6);
    expect(report.latency.find((l) => l.stage === 'fanned_out')).toEqual({ stage: 'fanned_out', p50Seconds: null, p99Seconds: null });
    expect(report.latency.map((l) => l.stage)).toEqual(['saved', 'fanned_out']);
  });

  it('counts a live member, and the partitions assigned to it before its first commit', async () => {
    const consumer = ctx.kafka.consumer({ groupId: liveGroup });
    ctx.onCleanup(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ autoCommit: false, eachBatchAutoResolve: false, eachBatch: async () => undefined });
    consumer.pause([{ topic }]);
    const samples = await waitFor(
      async () => {
        const s = await scrape();
        return pick(s, 'kafka_consumergroup_members', { consumergroup: liveGroup })[0] === 1 &&
          pick(s, 'kafka_consumergroup_lag_sum', { consumergroup: liveGroup, topic })[0] === 10
          ? s
          : null;
      },
      { what: 'the live group to be reported', timeoutMs: 30_000 },
    );
    expect(pick(samples, 'kafka_consumergroup_lag', { consumergroup: liveGroup, topic }).sort()).toEqual([0, 2, 3, 5]);
    expect(pick(samples, 'kafka_consumergroup_current_offset', { consumergroup: liveGroup })).toEqual([]);
    await consumer.disconnect();
    await waitFor(async () => pick(await scrape(), 'kafka_consumergroup_members', { consumergroup: liveGroup })[0] === 0, {
      what: 'the member to leave',
      timeoutMs: 20_000,
    });
  });

  it('follows commits and new messages, and drops a deleted group', async () => {
    await admin.setOffsets({
      groupId: fanoutGroup,
      topic,
      partitions: [
        { partition: 0, offset: '5' },
        { partition: 3, offset: '2' },
      ],
    });
    await waitFor(async () => pick(await scrape(), 'kafka_consumergroup_lag_sum', { consumergroup: fanoutGroup, topic })[0] === 0, {
      what: 'the lag to drop to 0',
      timeoutMs: 20_000,
    });
    await producer.send({ topic, messages: [{ partition: 2, value: 'late' }] });
    await waitFor(async () => pick(await scrape(), 'kafka_consumergroup_lag', { consumergroup: fanoutGroup, topic, partition: '2' })[0] === 1, {
      what: 'new messages to show as lag',
      timeoutMs: 20_000,
    });
    await admin.deleteGroups([fanoutGroup]);
    await waitFor(
      async () => {
        const s = await scrape();
        return (
          pick(s, 'kafka_consumergroup_lag', { consumergroup: fanoutGroup }).length === 0 &&
          pick(s, 'kafka_consumergroup_members', { consumergroup: fanoutGroup }).length === 0
        );
      },
      { what: 'the deleted group to vanish from /metrics', timeoutMs: 20_000 },
    );
    expect((await lagJson()).groups.map((g) => g.group)).not.toContain(fanoutGroup);
  });

  it('serves /processors.json: offsets, lag in messages and seconds, rates, retry and DLQ records, table recovery per partition', async () => {
    const clicks = ctx.topics.clicks;
    await admin.createTopics({
      topics: [
        { topic: `${statefulGroup}-table`, numPartitions: 4 },
        { topic: `${statefulGroup}.retry`, numPartitions: 4 },
        { topic: `${statefulGroup}.dlq`, numPartitions: 1 },
      ],
      waitForLeaders: true,
    });
    await producer.send({ topic: `${statefulGroup}.dlq`, messages: [{ value: 'dead 1' }, { value: 'dead 2' }] });
    await producer.send({ topic: clicks, messages: Array.from({ length: 6 }, (_, i) => ({ partition: 0, value: `c${i}` })) });
    await admin.setOffsets({ groupId: statefulGroup, topic: clicks, partitions: [{ partition: 0, offset: '2' }] });

    const first = await waitFor(
      async () => {
        const r = await processorsJson();
        const g = r.groups.find((x) => x.group === statefulGroup);
        return g?.partitions.some((p) => p.topic === clicks && p.partition === 0 && p.offset === 2 && p.high === 6) && g.deadLetterRecords === 2 ? g : null;
      },
      { what: 'the stateful group on /processors.json', timeoutMs: 20_000 },
    );
    expect(first.partitions.find((p) => p.topic === clicks && p.partition === 0)).toMatchObject({ offset: 2, high: 6, lag: 4 });
    expect(first.retryRecords).toBe(0);
    expect(first.outputTopics).toEqual([`${statefulGroup}-table`]);
    expect(first.table).toEqual({
      topic: `${statefulGroup}-table`,
      partitions: [
        {
          group: statefulGroup,
          partition: 0,
          state: 'running',
          restoredRecords: 40,
          restoreSeconds: 0.5,
          restoreRate: 80,
          source: expect.any(String) as string,
        },
        {
          group: statefulGroup,
          partition: 1,
          state: 'recovering',
          restoredRecords: 10,
          restoreSeconds: 2,
          restoreRate: 5,
          source: expect.any(String) as string,
        },
      ],
    });
    // Nothing moved on the group's partition for a window: its lag in seconds is unknown (stalled).
    await waitFor(
      async () => {
        const p = (await processorsJson()).groups.find((x) => x.group === statefulGroup)?.partitions.find((q) => q.topic === clicks && q.partition === 0);
        return p?.consumeRate === 0 && p.inputRate === 0;
      },
      { what: 'a window without progress', timeoutMs: 30_000 },
    );
    const stalled = (await processorsJson()).groups.find((x) => x.group === statefulGroup)!;
    expect(stalled.partitions.find((p) => p.topic === clicks && p.partition === 0)?.lagSeconds).toBeNull();
    expect(stalled.lagSeconds).toBeNull();

    // 20 more written, the group moves 10 ahead: both rates rise, and the lag in seconds is lag ÷ consume rate.
    await producer.send({ topic: clicks, messages: Array.from({ length: 20 }, (_, i) => ({ partition: 0, value: `d${i}` })) });
    await admin.setOffsets({ groupId: statefulGroup, topic: clicks, partitions: [{ partition: 0, offset: '12' }] });
    const moving = await waitFor(
      async () => {
        const r = await processorsJson();
        const p = r.groups.find((x) => x.group === statefulGroup)?.partitions.find((q) => q.topic === clicks && q.partition === 0);
        return p && p.offset === 12 && p.high === 26 && (p.consumeRate ?? 0) > 0 && (p.inputRate ?? 0) > 0 ? { p, r } : null;
      },
      { what: 'rates after new records and a commit', timeoutMs: 20_000 },
    );
    expect(moving.p.lag).toBe(14);
    expect(moving.p.lagSeconds).toBeCloseTo(14 / moving.p.consumeRate!, 6);
    expect(moving.p.inputRate! * moving.r.rateWindowSeconds).toBeCloseTo(20, 0);
    expect(moving.p.consumeRate! * moving.r.rateWindowSeconds).toBeCloseTo(10, 0);
    expect(moving.r.groups.map((g) => g.group)).not.toContain(foreignGroup);
  });

  it('answers /healthz, /readyz and 404', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/lag.json`, { method: 'POST' })).status).toBe(405);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await svc.stop()).toBe(0);
    expect(svc.logs()).toContain('"msg":"stopped"');
  });
});
