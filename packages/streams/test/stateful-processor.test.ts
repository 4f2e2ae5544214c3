import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, waitFor } from '@chirp/testkit';
import { createLogger, createRegistry, parseSamples, type Registry, type Sample } from '@chirp/telemetry';
import {
  defineGroup,
  Emitter,
  ensureTopics,
  jsonCodec,
  StatefulProcessor,
  stream,
  tableRecordCodec,
  View,
  type GroupGraph,
  type TableRecord,
} from '@chirp/streams';

const ctx = await createTestContext({ partitions: 3 });
const logger = createLogger('test', 'silent');
const event = z.object({ id: z.string(), n: z.number().int() });
type Event = z.infer<typeof event>;
const counter = z.object({ count: z.number().int(), sum: z.number().int() });
type Counter = z.infer<typeof counter>;

/** A counting group: per key, how many events and their sum. `flaky` ids fail until `healed`. */
function graph(group: string, topic: string, opts: { flaky?: Set<string>; mirror?: Map<string, Counter> } = {}): GroupGraph<Counter> {
  return defineGroup<Counter>({
    group: `${ctx.prefix}${group}`,
    table: counter,
    mirror: opts.mirror ? async (entries) => void entries.forEach(({ key, value }) => opts.mirror!.set(key, value)) : undefined,
    inputs: [
      stream<Counter, Event>(
        topic,
        jsonCodec(event),
        (c, m) => {
          if (opts.flaky?.has(m.value.id)) throw new Error('not yet: a message failure, so it goes through the retry topic');
          const s = c.value() ?? { count: 0, sum: 0 };
          c.setValue({ count: s.count + 1, sum: s.sum + m.value.n });
        },
        { id: (e) => e.id },
      ),
    ],
  });
}

function processor(g: GroupGraph<Counter>, registry = createRegistry('test')): StatefulProcessor<Counter> {
  const p = new StatefulProcessor({
    kafka: ctx.kafka,
    graph: g,
    registry,
    logger,
    concurrency: 8,
    failure: { retries: 1, retryBaseMs: 10, retryRounds: 3, retryTopicDelayMs: 300 },
  });
  ctx.onCleanup(() => p.close());
  return p;
}

function view(topic: string): View<TableRecord<Counter>> {
  const v = new View({ kafka: ctx.kafka, topic, codec: tableRecordCodec(counter), logger });
  ctx.onCleanup(() => v.close());
  return v;
}

async function produce(topic: string, keys: number, perKey: number, from = 0): Promise<Map<string, Counter>> {
  const emitter = new Emitter({ producer: await ctx.producer(), topic, codec: jsonCodec(event) });
  const expected = new Map<string, Counter>();
  const batch: { key: string; value: Event }[] = [];
  for (let i = 0; i < perKey; i++) {
    for (let k = 0; k < keys; k++) {
      const key = `k${k}`;
      batch.push({ key, value: { id: `${key}-${from + i}`, n: from + i } });
    }
  }
  for (let i = 0; i < batch.length; i += 200) await emitter.emitMany(batch.slice(i, i + 200));
  for (let k = 0; k < keys; k++) {
    let count = 0;
    let sum = 0;
    for (let i = 0; i < from + perKey; i++) {
      count++;
      sum += i;
    }
    expected.set(`k${k}`, { count, sum });
  }
  return expected;
}

/** The per-partition table gauges a registry exports, as the monitor scrapes them. */
async function tableGauges(registry: Registry): Promise<Sample[]> {
  return parseSamples(await registry.metrics(), (name) => name.startsWith('chirp_table_partition_'));
}

const stateOf = (v: View<TableRecord<Counter>>): Map<string, Counter> => new Map([...v.entries()].map(([k, r]) => [k, r.value]));

describe('StatefulProcessor on the real broker', () => {
  it('keeps per-key state in its changelog; a new member restores it and carries on without double counting', async () => {
    const topic = ctx.topics.clicks;
    const mirror = new Map<string, Counter>();
    const g = graph('counter', topic, { mirror });
    const first = processor(g);
    await first.start();
    await produce(topic, 12, 20);
    await waitFor(() => [...mirror.values()].reduce((s, c) => s + c.count, 0) >= 240, { what: '240 events counted', timeoutMs: 30_000 });
    await first.close();

    const changelog = view(first.changelogTopic);
    await changelog.start();
    await changelog.ready();
    expect(changelog.size).toBe(12);

    // A second member (a restart): restores, mirrors what it restored, and continues.
    const rebuilt = new Map<string, Counter>();
    const registry = createRegistry('test');
    const second = processor(graph('counter', topic, { mirror: rebuilt }), registry);
    await second.start();
    await waitFor(() => rebuilt.size === 12, { what: 'the restored table mirrored' });
    // Its recovery state per partition, for the monitor's processors page: every partition running,
    // the restores together read at least one record per key and at most one per event written.
    await waitFor(async () => (await tableGauges(registry)).filter((s) => s.name === 'chirp_table_partition_running' && s.value === 1).length === 3, {
      what: 'three partitions running',
    });
    const gauges = await tableGauges(registry);
    const restored = gauges.filter((s) => s.name === 'chirp_table_partition_restore_records').reduce((sum, s) => sum + s.value, 0);
    expect(restored).toBeGreaterThanOrEqual(12);
    expect(restored).toBeLessThanOrEqual(240);
    expect(
      gauges
        .filter((s) => s.name === 'chirp_table_partition_restore_seconds')
        .map((s) => s.labels.partition)
        .sort(),
    ).toEqual(['0', '1', '2']);
    expect(gauges.every((s) => s.labels.group === g.group)).toBe(true);
    const expected = await produce(topic, 12, 10, 20);
    await waitFor(() => [...rebuilt.values()].reduce((s, c) => s + c.count, 0) >= 360, { what: '360 events counted', timeoutMs: 30_000 });
    expect(rebuilt).toEqual(expected);
    await changelog.catchUp();
    expect(stateOf(changelog)).toEqual(expected);
    await second.close();
    expect(await tableGauges(registry)).toEqual([]); // nothing held, nothing shown
  });

  it('co-partitions its input with the retry topic and the changelog, and applies a retried message exactly once', async () => {
    const topic = ctx.topics.newTweets;
    const flaky = new Set(['k1-3', 'k2-0']);
    const mirror = new Map<string, Counter>();
    const p = processor(graph('retrying', topic, { flaky, mirror }));
    await p.start();
    const admin = ctx.kafka.admin();
    await admin.connect();
    ctx.onCleanup(() => admin.disconnect());
    const { topics } = await admin.fetchTopicMetadata({ topics: [p.retryTopic, p.changelogTopic] });
    expect(topics.map((t) => t.partitions.length)).toEqual([3, 3]);

    const expected = await produce(topic, 4, 8);
    // Everything but the flaky ones arrives; those wait in the retry topic.
    await waitFor(() => [...mirror.values()].reduce((s, c) => s + c.count, 0) >= 30, { what: '30 of 32 events', timeoutMs: 30_000 });
    flaky.clear();
    await waitFor(() => [...mirror.values()].reduce((s, c) => s + c.count, 0) >= 32, { what: 'the retried events', timeoutMs: 30_000 });
    expect(mirror).toEqual(expected);
    const record = p.table.get(
      p.table.partitions().find((x) => p.table.get(x, 'k1'))!,
      'k1',
    )!;
    expect(record.marks.pending).toEqual([]);
  });

  it('two members starting at once both grow a short retry topic: neither fails on the other having grown it first', async () => {
    const topic = ctx.topics.clicks;
    const g = graph('growing', topic);
    const [a, b] = [processor(g), processor(graph('growing', topic))];
    // A retry topic made earlier with fewer partitions than the inputs (3), as an older deploy left it.
    await ensureTopics(ctx.kafka, [{ topic: a.retryTopic, partitions: 1 }]);
    await Promise.all([a.start(), b.start()]);
    const admin = ctx.kafka.admin();
    await admin.connect();
    ctx.onCleanup(() => admin.disconnect());
    const { topics } = await admin.fetchTopicMetadata({ topics: [a.retryTopic] });
    expect(topics[0]!.partitions).toHaveLength(3);
  });

  it('two members share the partitions; closing one hands its partitions and state to the other', async () => {
    const topic = ctx.topics.fanout;
    const mirror = new Map<string, Counter>();
    const a = processor(graph('pair', topic, { mirror }));
    const b = processor(graph('pair', topic, { mirror }));
    await Promise.all([a.start(), b.start()]);
    await waitFor(() => a.table.partitions().length > 0 && b.table.partitions().length > 0 && a.table.partitions().length + b.table.partitions().length === 3, {
      what: 'partitions spread over both',
      timeoutMs: 30_000,
    });
    await produce(topic, 9, 10);
    await waitFor(() => [...mirror.values()].reduce((s, c) => s + c.count, 0) >= 90, { what: '90 events', timeoutMs: 30_000 });
    await a.close();
    await waitFor(() => b.table.partitions().length === 3, { what: 'b to hold every partition', timeoutMs: 30_000 });
    const expected = await produce(topic, 9, 5, 10);
    await waitFor(() => [...mirror.values()].reduce((s, c) => s + c.count, 0) >= 135, { what: '135 events', timeoutMs: 30_000 });
    expect(mirror).toEqual(expected);
    for (let k = 0; k < 9; k++) {
      const key = `k${k}`;
      const p = b.table.partitions().find((x) => b.table.get(x, key));
      expect(b.table.get(p!, key)!.value).toEqual(expected.get(key));
    }
  });
});
