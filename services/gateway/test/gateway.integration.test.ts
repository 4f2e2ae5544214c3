import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { ensureTopics } from '@chirp/streams';
import { createTestContext, freePort, signUp, waitFor } from '@chirp/testkit';
import type { Assignment, ReceivedEventRecord } from '../src/protocol.ts';
import { codeOf, metricsPortOf, TestClient, type Receiving } from './client.ts';

const ctx = await createTestContext({ partitions: 4 });
const KEY = 'gw-test-key-0123456789abcdef';
const ext = (name: string): string => `${ctx.prefix}ext.${name}`;
const EXT = ['split', 'ack', 'ver', 'end', 'event', 'invalid'];
await ensureTopics(
  ctx.kafka,
  EXT.map((name) => ({ topic: ext(name), partitions: 4 })),
);
const gatewayPort = await freePort();
const gateway = await ctx.startService('gateway', {
  GATEWAY_PORT: String(gatewayPort),
  GATEWAY_KEYS: `another-key-000000000000,${KEY}`,
  // clicks and accounts are listed on purpose: they must be refused anyway.
  GATEWAY_SUBSCRIBE_TOPICS: [ctx.topics.newTweets, ctx.topics.clicks, ctx.topics.accounts, ext('missing'), ...EXT.map(ext)].join(','),
  GATEWAY_PUBLISH_TOPICS: [ctx.topics.newTweets, ...EXT.map(ext)].join(','),
});
const address = `127.0.0.1:${gatewayPort}`;
const metricsPort = metricsPortOf(gateway);
const monitor = await ctx.startService('monitor', { MONITOR_SCRAPE_TARGETS: 'none', MONITOR_INTERVAL_MS: '500' });
const api = await ctx.startService('api', { MONITOR_URL: `http://127.0.0.1:${monitor.port}`, GATEWAY_URL: `http://127.0.0.1:${metricsPort}` });
const base = `http://127.0.0.1:${api.port}`;
const client = new TestClient(address, KEY);
ctx.onCleanup(() => client.close());

function open<T extends { close(): void }>(thing: T): T {
  ctx.onCleanup(() => thing.close());
  return thing;
}

/** Subscribes and opens Receive on every assignment as it comes; `active` are those whose Receive stream is still open. */
function follow(c: TestClient, req: Record<string, unknown>, receive: Record<string, unknown> = {}) {
  const sub = open(c.subscribe(req));
  const receivers = new Map<Assignment, Receiving>();
  const pump = setInterval(() => {
    for (const a of sub.assignments) if (!receivers.has(a)) receivers.set(a, open(c.receive(a, receive)));
  }, 20);
  ctx.onCleanup(() => clearInterval(pump));
  return {
    sub,
    receivers,
    active: (): number[] =>
      [...receivers.values()]
        .filter((r) => !r.ended)
        .map((r) => r.assignment.partition)
        .sort(),
    records: () => [...receivers.values()].flatMap((r) => r.records.map((rec) => ({ partition: r.assignment.partition, ...rec }))),
    close() {
      clearInterval(pump);
      for (const r of receivers.values()) r.close();
      sub.close();
    },
  };
}

async function publish(topic: string, key: string, value: string): Promise<{ partition: number; offset: string }> {
  return client.call('Publish', { topic, key: Buffer.from(key), value: Buffer.from(value) });
}

describe('gateway (liiklus protocol over chirp Kafka and Redis)', () => {
  it('follows tweets posted through the API within 2 s with an account token, acks, and resumes after the acked offsets', async () => {
    const ann = await signUp(base, 'gwann');
    const asAnn = new TestClient(address, ann.token);
    ctx.onCleanup(() => asAnn.close());
    const req = { topic: ctx.topics.newTweets, group: 'bots', auto_offset_reset: 'EARLIEST' };
    const first = follow(asAnn, req);
    await waitFor(() => first.active().length === 4, { timeoutMs: 20_000, what: 'all 4 partitions assigned to the only subscriber' });

    const post = async (text: string): Promise<{ id: string; postedAt: number }> => {
      const res = await ann.fetch(`${base}/api/tweets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ author: 'gwann', text }),
      });
      expect(res.status).toBe(201);
      return { ...((await res.json()) as { id: string }), postedAt: Date.now() };
    };
    const tweetIn = (records: ReturnType<typeof first.records>, id: string) =>
      records.find((r) => (JSON.parse(r.value.toString()) as { id: string }).id === id);
    const posted = [];
    for (const text of ['one', 'two', 'three']) {
      const t = await post(`gateway ${text}`);
      await waitFor(() => tweetIn(first.records(), t.id), { timeoutMs: 2000, what: `tweet "${text}" on the gateway within 2 s` });
      posted.push({ ...t, latencyMs: Date.now() - t.postedAt });
    }
    console.log('gateway delivery after the API answered 201 (ms):', posted.map((p) => p.latencyMs).join(', '));
    // All of one author's tweets share a partition (key = author): ack the first two, not the third.
    const got = posted.map((p) => tweetIn(first.records(), p.id)!);
    const partition = got[0]!.partition;
    expect(got.every((g) => g.partition === partition)).toBe(true);
    await client.call('Ack', { topic: ctx.topics.newTweets, group: 'bots', partition, offset: got[1]!.offset });
    first.close();

    const fourth = await post('gateway four');
    const again = follow(asAnn, req);
    await waitFor(() => tweetIn(again.records(), fourth.id), { timeoutMs: 20_000, what: 'the tweet posted while away' });
    const redelivered = again.records().filter((r) => r.partition === partition);
    expect(redelivered.map((r) => (JSON.parse(r.value.toString()) as { text: string }).text)).toEqual(['gateway three', 'gateway four']);
    expect(redelivered.every((r) => BigInt(r.offset) > BigInt(got[1]!.offset))).toBe(true);
    again.close();
  }, 60_000);

  it('spreads the partitions of one group over its subscribers and moves them when one leaves', async () => {
    await Promise.all([0, 1, 2, 3].map((i) => publish(ext('split'), `k${i}`, 'x')));
    const req = { topic: ext('split'), group: 'split', auto_offset_reset: 'EARLIEST' };
    const a = follow(client, req);
    await waitFor(() => a.active().length === 4, { timeoutMs: 20_000, what: 'A holds all 4' });
    const b = follow(client, req);
    const split = await waitFor(
      () => {
        const [pa, pb] = [a.active(), b.active()];
        return pa.length > 0 && pb.length > 0 && pa.length + pb.length === 4 && new Set([...pa, ...pb]).size === 4 && { pa, pb };
      },
      { timeoutMs: 25_000, what: 'A and B sharing the 4 partitions exclusively' },
    );
    console.log('split between two subscribers:', JSON.stringify(split));
    expect(new Set([...a.sub.assignments, ...b.sub.assignments].map((x) => x.session_id)).size).toBe(2);
    b.close();
    await waitFor(() => a.active().length === 4, { timeoutMs: 25_000, what: 'A taking all 4 back after B left' });
    a.close();
  }, 70_000);

  it('stores the last ack, not the highest (10, 200, 100 → 100), with and without an assignment', async () => {
    for (const offset of ['10', '200', '100']) await client.call('Ack', { topic: ext('ack'), group: 'acks', group_version: 1, partition: 2, offset });
    expect(await client.offsets('GetOffsets', { topic: ext('ack'), group: 'acks', group_version: 1 })).toEqual({ 2: '100' });
    expect(await client.offsets('GetOffsets', { topic: ext('ack'), group: 'nobody' })).toEqual({});

    const sub = open(client.subscribe({ topic: ext('ack'), group: 'acks2', auto_offset_reset: 'EARLIEST' }));
    const assignment = await waitFor(() => sub.assignments[0], { timeoutMs: 20_000, what: 'an assignment' });
    for (const offset of ['10', '200', '100']) await client.call('Ack', { assignment, offset });
    expect(await client.offsets('GetOffsets', { topic: ext('ack'), group: 'acks2' })).toEqual({ [assignment.partition]: '100' });
    sub.close();
  }, 40_000);

  it('marks records at or below another version’s position as replay', async () => {
    let partition = -1;
    for (let i = 0; i < 10; i++) partition = (await publish(ext('ver'), 'same-key', `v${i}`)).partition;
    const ack = (version: number, offset: number) =>
      client.call('Ack', { topic: ext('ver'), group: 'ver', group_version: version, partition, offset: String(offset) });
    await ack(1, 3);
    await ack(2, 7);
    await ack(3, 5);
    const v4 = follow(client, { topic: ext('ver'), group: 'ver', group_version: 4, auto_offset_reset: 'EARLIEST' });
    const records = await waitFor(
      () => {
        const r = v4.records().filter((x) => x.partition === partition);
        return r.length >= 10 ? r : undefined;
      },
      { timeoutMs: 20_000, what: '10 records of version 4' },
    );
    expect(records.map((r) => [Number(r.offset), r.replay])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((o) => [o, o <= 7]));
    v4.close();
    // Version 1 resumes after its own position (3), replaying up to 7 (seen by version 2).
    const v1 = follow(client, { topic: ext('ver'), group: 'ver', group_version: 1, auto_offset_reset: 'EARLIEST' });
    const r1 = await waitFor(
      () => {
        const r = v1.records().filter((x) => x.partition === partition);
        return r.length >= 6 ? r : undefined;
      },
      { timeoutMs: 20_000, what: 'version 1 records' },
    );
    expect(r1.map((r) => [Number(r.offset), r.replay])).toEqual([4, 5, 6, 7, 8, 9].map((o) => [o, o <= 7]));
    v1.close();
  }, 60_000);

  it('answers end offsets (the last record per partition) and an empty map for an unknown topic', async () => {
    const producer = await ctx.producer();
    for (let p = 0; p < 4; p++) await producer.send({ topic: ext('end'), messages: Array.from({ length: p + 1 }, () => ({ value: 'e', partition: p })) });
    expect(await client.offsets('GetEndOffsets', { topic: ext('end') })).toEqual({ 0: '0', 1: '1', 2: '2', 3: '3' });
    expect(await client.offsets('GetEndOffsets', { topic: ext('missing') })).toEqual({});
  });

  it('publishes and receives LiiklusEvents, and wraps plain records as events', async () => {
    const event = {
      id: 'e-1',
      type: 'com.example.order',
      source: '/shop',
      time: '2026-12-01T10:00:00Z',
      data_content_type: 'text/plain',
      data: Buffer.from('hello'),
    };
    const reply = await client.call<{ partition: number; offset: string; topic: string }>('Publish', {
      topic: ext('event'),
      key: Buffer.from('order-1'),
      liiklusEvent: event,
    });
    expect(reply.topic).toBe(ext('event'));
    await publish(ext('event'), 'order-1', '{"plain":true}');
    const f = follow(client, { topic: ext('event'), group: 'events', auto_offset_reset: 'EARLIEST' }, { format: 'LIIKLUS_EVENT' });
    const events = await waitFor(
      () => {
        const r = [...f.receivers.values()].flatMap((x) => x.replies.map((y) => y.liiklus_event_record).filter((y): y is ReceivedEventRecord => !!y));
        return r.length >= 2 ? r : undefined;
      },
      { timeoutMs: 20_000, what: 'two event records' },
    );
    expect(events[0]!.event).toMatchObject({
      id: 'e-1',
      type: 'com.example.order',
      source: '/shop',
      time: '2026-12-01T10:00:00Z',
      data_content_type: 'text/plain',
    });
    expect(events[0]!.event.data.toString()).toBe('hello');
    expect(events[1]!.event).toMatchObject({
      id: `${ext('event')}/${reply.partition}/${Number(reply.offset) + 1}`,
      type: `chirp.${ext('event')}`,
      data_content_type: 'application/json',
    });
    f.close();
  }, 40_000);

  it('refuses private and unlisted topics with PERMISSION_DENIED, even when configured', async () => {
    const sub = (topic: string) => open(client.subscribe({ topic, group: 'nosy' }));
    const denied = [sub(ctx.topics.clicks), sub(ctx.topics.accounts), sub(ctx.topics.follows)];
    await waitFor(() => denied.every((s) => s.error), { timeoutMs: 5000, what: 'three refusals' });
    expect(denied.map((s) => s.error!.code)).toEqual([status.PERMISSION_DENIED, status.PERMISSION_DENIED, status.PERMISSION_DENIED]);
    expect(denied[0]!.error!.details).toContain(ctx.topics.clicks);
    expect(await codeOf(publish(ctx.topics.newTweets, 'gwann', '{"id":"forged"}'))).toBe(status.PERMISSION_DENIED);
    expect(await codeOf(client.call('GetEndOffsets', { topic: ctx.topics.accounts }))).toBe(status.PERMISSION_DENIED);
    expect(await codeOf(client.call('Ack', { topic: ctx.topics.clicks, group: 'nosy', partition: 0, offset: '1' }))).toBe(status.PERMISSION_DENIED);
  });

  it('refuses a missing or wrong token with UNAUTHENTICATED', async () => {
    const anonymous = new TestClient(address);
    const wrong = new TestClient(address, 'not-a-valid-token-at-all-0000');
    const malformed = new TestClient(address, 'short');
    ctx.onCleanup(() => [anonymous, wrong, malformed].forEach((c) => c.close()));
    for (const c of [anonymous, wrong, malformed]) {
      expect(await codeOf(c.call('GetEndOffsets', { topic: ext('end') }))).toBe(status.UNAUTHENTICATED);
      const s = open(c.subscribe({ topic: ext('end'), group: 'anon' }));
      await waitFor(() => s.error, { timeoutMs: 5000, what: 'a refused subscribe' });
      expect(s.error!.code).toBe(status.UNAUTHENTICATED);
    }
    expect(gateway.logs()).not.toContain(KEY);
  });

  it('answers bad requests with INVALID_ARGUMENT and keeps serving', async () => {
    const bad: [string, unknown][] = [
      ['Ack', { topic: 'bad topic!', group: 'g', partition: 0, offset: '1' }],
      ['Ack', { topic: ext('invalid'), group: '', partition: 0, offset: '1' }],
      ['Ack', { topic: ext('invalid'), group: 'g', partition: 99, offset: '1' }],
      ['GetOffsets', { topic: '', group: 'g' }],
      ['Publish', { topic: ext('invalid'), liiklusEvent: { id: '', type: 't', source: 's' } }],
      ['Publish', { topic: ext('invalid'), liiklusEvent: { id: 'i', type: 't', source: 's', time: 'yesterday' } }],
    ];
    for (const [method, req] of bad) expect(await codeOf(client.call(method, req)), `${method} ${JSON.stringify(req)}`).toBe(status.INVALID_ARGUMENT);
    const noGroup = open(client.subscribe({ topic: ext('invalid'), group: '' }));
    const noAssignment = open(client.receive(null as unknown as Assignment));
    const stale = open(client.receive({ session_id: 'no-such-session', partition: 0 }));
    await waitFor(() => noGroup.error && noAssignment.error && stale.error, { timeoutMs: 5000, what: 'three refused streams' });
    expect([noGroup.error!.code, noAssignment.error!.code, stale.error!.code]).toEqual([status.INVALID_ARGUMENT, status.INVALID_ARGUMENT, status.NOT_FOUND]);
    expect(await codeOf(client.call('Ack', { assignment: { session_id: 'gone', partition: 0 }, offset: '1' }))).toBe(status.FAILED_PRECONDITION);
    expect(await client.offsets('GetEndOffsets', { topic: ext('invalid') })).toEqual({});
    expect(gateway.child.exitCode).toBeNull();
  });

  it('/metrics reports subscribers, records sent, acks and positions; /lag.json the groups', async () => {
    const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(text).toMatch(/chirp_gateway_records_sent_total\{[^}]*topic="[^"]+ext\.ver"/);
    expect(text).toMatch(/chirp_gateway_acks_total\{[^}]*group="acks"/);
    expect(text).toMatch(/chirp_gateway_position\{[^}]*group="acks"[^}]*\} 100/);
    expect(text).toMatch(/chirp_gateway_subscribers\{/);
    const lag = (await (await fetch(`http://127.0.0.1:${metricsPort}/lag.json`)).json()) as { groups: { topic: string; group: string; lag: number }[] };
    expect(typeof lag.groups.find((g) => g.topic === ext('ver') && g.group === 'ver')?.lag).toBe('number');
    const pipeline = await waitFor(
      async () => {
        const res = await fetch(`${base}/api/pipeline`);
        return res.ok ? ((await res.json()) as { gatewayGroups?: { topic: string; group: string; partitions: unknown[] }[] }) : undefined;
      },
      { timeoutMs: 15_000, what: '/api/pipeline' },
    );
    expect(pipeline.gatewayGroups?.find((g) => g.topic === ctx.topics.newTweets && g.group === 'bots')?.partitions).toHaveLength(4);
  });
});
