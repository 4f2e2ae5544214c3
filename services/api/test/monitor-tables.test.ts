import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AnalyticsReads, ForwardDecay, ForYou } from '@chirp/analytics';
import { changelogTopic, groupId } from '@chirp/core';
import { PreferencesStore, TweetStore } from '@chirp/store';
import { ensureTopics } from '@chirp/streams';
import { createLogger } from '@chirp/telemetry';
import { createTestContext, signUpAll } from '@chirp/testkit';
import { startApi } from './helpers.ts';

// The monitor's table query (issue 17) over a real view of a real changelog topic.
const ctx = await createTestContext();
const decay = new ForwardDecay({ halfLifeMs: 168 * 3600_000, landmarkMs: Date.parse('2025-01-01T00:00:00.000Z') });
const topic = changelogTopic(groupId(ctx.prefix, 'analytics'));
await ensureTopics(ctx.kafka, [{ topic, partitions: 2, compacted: true }]);
const producer = await ctx.producer();
const value = { affinity: { gamers: 2.5 }, clicks: 3, minutes: { '29000000': { gamers: 3 } } };
await producer.send({ topic, messages: [{ key: 'mona', value: JSON.stringify({ value, marks: { offsets: { x: '0' }, pending: [], recent: [] } }) }] });
const reads = new AnalyticsReads({
  kafka: ctx.kafka,
  topic,
  preferences: new PreferencesStore(ctx.redis, ctx.keys),
  decay,
  trendWindowMinutes: 60,
  logger: createLogger('api-test', 'silent'),
});
ctx.onCleanup(() => reads.close());
reads.start();
await reads.ready();
const forYou = new ForYou({ redis: ctx.redis, keys: ctx.keys, tweets: new TweetStore(ctx.redis, ctx.keys), recencyHalfLifeMs: 3600_000 });
// A monitor stand-in for /processors.json: down on the first call, then two partitions of the changelog at high 5.
let monitorCalls = 0;
const processorsBody = {
  updatedAt: new Date().toISOString(),
  rateWindowSeconds: 10,
  groups: [{ group: groupId(ctx.prefix, 'analytics'), members: 1, lag: 0, partitions: [] }],
  topics: [
    {
      topic,
      partitions: [
        { partition: 0, low: 0, high: 5 },
        { partition: 1, low: 0, high: 5 },
      ],
    },
  ],
};
const monitor = createServer((req, res) => {
  const down = ++monitorCalls === 1;
  res.writeHead(req.url === '/processors.json' && !down ? 200 : 503, { 'content-type': 'application/json' });
  res.end(JSON.stringify(down ? { error: 'the cluster has not been read yet' } : processorsBody));
});
await new Promise<void>((resolve) => monitor.listen(0, '127.0.0.1', resolve));
ctx.onCleanup(() => new Promise((resolve) => monitor.close(resolve)));
const { url } = await startApi(ctx, { analytics: { forYou, reads }, monitorUrl: `http://127.0.0.1:${(monitor.address() as AddressInfo).port}` });
const users = await signUpAll(url, ['mona', 'nils']);

const get = async (path: string, as?: keyof typeof users): Promise<{ status: number; body: Record<string, unknown> }> => {
  const res = as ? await users[as].fetch(`${url}${path}`) : await fetch(`${url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('GET /api/monitor/tables', () => {
  it('lists the analytics table with its changelog topic, for a signed-in account only', async () => {
    expect(await get('/api/monitor/tables', 'nils')).toEqual({
      status: 200,
      body: { tables: [{ name: 'analytics', kind: 'group table', topic, viewReady: true }] },
    });
    expect((await get('/api/monitor/tables')).status).toBe(401);
  });
});

describe('GET /api/monitor/tables/<table>/<key>', () => {
  it("returns the value of the account's own key as the table holds it", async () => {
    expect(await get('/api/monitor/tables/analytics/mona', 'mona')).toEqual({ status: 200, body: { table: 'analytics', key: 'mona', value } });
  });

  it("404 for a key without a value, 400 naming a bad table or key, 403 for another account's key, 401 signed out", async () => {
    const missing = await get('/api/monitor/tables/analytics/nils', 'nils');
    expect(missing).toEqual({ status: 404, body: { error: 'no value for key nils in table analytics', field: 'key' } });
    const badTable = await get('/api/monitor/tables/nosuch/nils', 'nils');
    expect(badTable).toEqual({ status: 400, body: { error: 'table must be one of: analytics', field: 'table' } });
    expect((await get('/api/monitor/tables/analytics/no%20body', 'nils')).body).toMatchObject({ field: 'key' });
    // Another account's clicks are theirs: refused before the table is read, so existence does not leak.
    expect(await get('/api/monitor/tables/analytics/mona', 'nils')).toMatchObject({ status: 403, body: { field: 'key' } });
    expect((await get('/api/monitor/tables/analytics/mona')).status).toBe(401);
  });
});

describe('GET /api/monitor/processors', () => {
  it("passes the monitor's figures on (503 while it cannot answer) and adds the API's view with its position and lag per partition", async () => {
    expect(await get('/api/monitor/processors')).toMatchObject({ status: 503 });
    const { status, body } = await get('/api/monitor/processors'); // public, like /api/pipeline
    expect(status).toBe(200);
    expect(body.groups).toEqual(processorsBody.groups);
    expect(body.topics).toBeUndefined();
    const views = body.views as {
      name: string;
      process: string;
      topic: string;
      ready: boolean;
      keys: number;
      partitions: { partition: number; position: number; high: number; lag: number }[];
    }[];
    expect(views.map((v) => [v.name, v.process, v.topic, v.ready, v.keys])).toEqual([['analytics', 'api', topic, true, 1]]);
    // One record (mona's) was read: position 1 on its partition, 0 on the other; lag is high − position.
    expect(views[0]!.partitions.map((p) => p.position).sort()).toEqual([0, 1]);
    expect(views[0]!.partitions.every((p) => p.high === 5 && p.lag === 5 - p.position)).toBe(true);
  });
});
