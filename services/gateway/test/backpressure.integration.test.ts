import { describe, expect, it } from 'vitest';
import { ensureTopics } from '@chirp/streams';
import { createTestContext, freePort, waitFor } from '@chirp/testkit';
import type { Assignment } from '../src/protocol.ts';
import { metricsPortOf, TestClient, type Receiving } from './client.ts';

const ctx = await createTestContext({ partitions: 2 });
const KEY = 'backpressure-key-0123456789';
const topic = `${ctx.prefix}ext.flood`;
await ensureTopics(ctx.kafka, [{ topic, partitions: 2 }]);
const gatewayPort = await freePort();
const gateway = await ctx.startService('gateway', { GATEWAY_PORT: String(gatewayPort), GATEWAY_KEYS: KEY, GATEWAY_SUBSCRIBE_TOPICS: topic });
const metricsPort = metricsPortOf(gateway);

const RECORDS = 20_000;
const RECORD_BYTES = 1024;

async function metric(name: string, labelMatch = ''): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(name) && l.includes(labelMatch));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('gateway backpressure', () => {
  it('a client that stops reading is not buffered: the gateway pauses its partitions and its heap stays flat while 20k records arrive', async () => {
    const client = new TestClient(`127.0.0.1:${gatewayPort}`, KEY);
    ctx.onCleanup(() => client.close());
    const sub = client.subscribe({ topic, group: 'slow', auto_offset_reset: 'EARLIEST' });
    ctx.onCleanup(() => sub.close());
    await waitFor(() => sub.assignments.length === 2, { timeoutMs: 20_000, what: 'both partitions assigned' });
    const receivers: Receiving[] = sub.assignments.map((a: Assignment) => client.receive(a));
    ctx.onCleanup(() => receivers.forEach((r) => r.close()));
    // Reads one record per partition, then stops reading.
    for (const r of receivers) r.stream.once('data', () => r.stream.pause());

    const heapBefore = await metric('nodejs_heap_size_used_bytes');
    const rssBefore = await metric('process_resident_memory_bytes');
    const producer = await ctx.producer();
    const value = Buffer.alloc(RECORD_BYTES, 'x');
    const t0 = Date.now();
    const sends = [];
    for (let i = 0; i < RECORDS; i += 200) {
      sends.push(producer.send({ topic, messages: Array.from({ length: 200 }, (_, j) => ({ key: `k${(i + j) % 64}`, value })) }));
    }
    await Promise.all(sends);
    const produceMs = Date.now() - t0;
    // Wait until the gateway has stopped sending (the count holds still for a second).
    let last = -1;
    let stillSince = Date.now();
    const sent = await waitFor(
      async () => {
        const now = await metric('chirp_gateway_records_sent_total', 'group="slow"');
        if (now !== last) [last, stillSince] = [now, Date.now()];
        return now > 0 && Date.now() - stillSince > 1000 ? now : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100, what: 'the gateway to stop sending to the stalled client' },
    );
    const backpressured = await metric('chirp_gateway_backpressured_partitions', 'group="slow"');
    const heapAfter = await metric('nodejs_heap_size_used_bytes');
    const rssAfter = await metric('process_resident_memory_bytes');
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    console.log(
      `produced ${RECORDS} × ${RECORD_BYTES} B (${mb(RECORDS * RECORD_BYTES)} MB) in ${produceMs} ms; sent to the stalled client: ${sent}; ` +
        `partitions paused on it: ${backpressured}; heap ${mb(heapBefore)} → ${mb(heapAfter)} MB; rss ${mb(rssBefore)} → ${mb(rssAfter)} MB`,
    );
    expect(sent).toBeLessThan(RECORDS / 10);
    expect(backpressured).toBe(2);
    expect(heapAfter - heapBefore).toBeLessThan(40 * 1024 * 1024);

    // Reading again resumes the paused partitions: records keep coming, in order, none skipped while paused.
    const t1 = Date.now();
    for (const r of receivers) r.stream.resume();
    const AGAIN = 2000;
    await waitFor(() => receivers.every((r) => r.records.length >= AGAIN / 2), { timeoutMs: 30_000, what: `${AGAIN} records once the client reads again` });
    for (const r of receivers) {
      const offsets = r.records.map((x) => Number(x.offset));
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
    console.log(`after the client read again: ${AGAIN}+ records in ${Date.now() - t1} ms`);
  }, 120_000);
});
