import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRedis, createKeys, createRedis, entryId, keySlot, RedisRouting, TimelineStore, waitForReplicas, type ChirpRedis, type Keys } from '@chirp/store';
import { classifyFailure } from '@chirp/streams';
import { waitFor } from '../wait.ts';
import { clusterHealthy, startRedisCluster, type RedisCluster } from '../redis-cluster.ts';
import { startRedis } from '../redis-server.ts';
import type { Managed } from '../process.ts';
import { portOpen } from '../wait.ts';

// `npm run test:cluster`: the store's fan-out on a real Redis Cluster (3 masters + 3 replicas,
// Debian's redis-server 7.0) on ports of its own, beside a single server for the same numbers.
const BASE = 22400; // buses on +10000 (32400…): below the kernel's ephemeral range (32768-60999)
const dir = mkdtempSync(join(tmpdir(), 'chirp-redis-cluster-'));
let cluster: RedisCluster;
let single: Managed;
let redis: ChirpRedis;
let singleRedis: ChirpRedis;
const keys: Keys = createKeys('rc:', { hashTags: true });
const singleKeys: Keys = createKeys('rc:');

beforeAll(async () => {
  for (let p = BASE; p < BASE + 7; p++) if ((await portOpen(p)) || (await portOpen(p + 10_000))) throw new Error(`port ${p} is taken`);
  cluster = await startRedisCluster({ basePort: BASE, stateDir: dir, logDir: join(dir, 'logs') });
  single = await startRedis({ dataDir: join(dir, 'single'), logFile: join(dir, 'logs', 'single.log'), port: BASE + 6 });
  redis = createRedis({ url: 'redis://127.0.0.1', clusterNodes: cluster.nodes, name: 'cluster-test' });
  singleRedis = createRedis({ url: `redis://127.0.0.1:${BASE + 6}`, name: 'cluster-test-single' });
  await redis.get('rc:warm'); // loads the slot map
});

afterAll(async () => {
  await closeRedis(redis);
  await closeRedis(singleRedis);
  await cluster?.stop();
  await single?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const timelineIds = async (r: ChirpRedis, k: Keys, user: string): Promise<string[]> => (await r.lrange(k.timeline(user), 0, -1)).map(entryId);

describe('Redis Cluster routing', () => {
  it('computes the slot Redis computes, hash tags included', async () => {
    for (const key of ['a', 'b', 'timeline:{alice}', 'rc:following:{alice}', 'fanout:{123}:self', 'x{}y', '{}{a}']) {
      expect({ key, slot: keySlot(key) }).toEqual({ key, slot: Number(await redis.call('CLUSTER', 'KEYSLOT', key)) });
    }
    expect(keySlot(keys.timeline('alice'))).toBe(keySlot(keys.following('alice')));
  });

  it('refuses a script call whose keys span nodes, naming the stray key', async () => {
    const routing = new RedisRouting(redis);
    const users = Array.from({ length: 50 }, (_, i) => `u${i}`);
    const nodes = new Set(users.map((u) => routing.nodeOf(keys.timeline(u))));
    expect(nodes.size).toBe(3);
    const groups = routing.groupByNode(users, (u) => keys.timeline(u));
    expect(groups).toHaveLength(3);
    expect(groups.flat().sort()).toEqual([...users].sort());
    await expect(
      routing.script(
        'deliverToUsers',
        users.map((u) => keys.timeline(u)),
        ['1:x', 10, 'end', 60, '0'],
      ),
    ).rejects.toThrow(/is not on the node of/);
  });

  it('delivers to followers on every node exactly once, across a redelivery, and counts the fan-out down once', async () => {
    const timelines = new TimelineStore(redis, keys, { cap: 100 });
    const users = Array.from({ length: 300 }, (_, i) => `f${i}`);
    await timelines.setPending('t1', 1);
    const d = { tweetId: 't1', createdAtMs: Date.now(), users, marker: 'inline:-inf/-inf', last: true };
    expect(await timelines.deliverToUsers(d)).toBe('completed');
    expect(await timelines.deliverToUsers(d)).toBe('duplicate');
    // A crash after the per-node calls and before the last one: the redelivery completes it, once.
    await redis.del(keys.fanoutMarker('t1', d.marker));
    await timelines.setPending('t1', 1);
    await redis.set(keys.fanoutPending('t1'), 1);
    expect(await timelines.deliverToUsers(d)).toBe('completed');
    const all = await Promise.all(users.map((u) => timelineIds(redis, keys, u)));
    expect(all.filter((ids) => ids.length === 1 && ids[0] === 't1')).toHaveLength(users.length);
  });

  it('100k-follower fan-out: the cluster beside one server, same pages, every follower once', async () => {
    const followers = 100_000;
    const page = 2000;
    const rows: string[] = [];
    const result: Record<string, { seconds: number; pushesPerSecond: number }> = {};
    for (const [name, r, k] of [
      ['one server', singleRedis, singleKeys],
      ['Redis Cluster (3 masters)', redis, keys],
    ] as const) {
      for (let i = 0; i < followers; i += 10_000) {
        const members: (string | number)[] = [];
        for (let j = i; j < Math.min(i + 10_000, followers); j++) members.push(j + 1, `fan${j}`);
        await r.zadd(k.followers('celeb'), ...members);
      }
      const timelines = new TimelineStore(r, k, { cap: 800 });
      await timelines.setPending('big', 1);
      const t0 = performance.now();
      let cursor = '-inf';
      let pushed = 0;
      let outcome = '';
      for (;;) {
        const res = await timelines.deliverFollowerPage({
          tweetId: 'big',
          createdAtMs: Date.now(),
          author: 'celeb',
          marker: `inline:-inf/${cursor}`,
          cursor,
          to: '+inf',
          limit: page,
          includeAuthor: cursor === '-inf',
        });
        pushed += res.pushed;
        outcome = res.outcome;
        if (res.next === 'end') break;
        cursor = res.next;
      }
      const seconds = (performance.now() - t0) / 1000;
      expect(outcome).toBe('completed');
      expect(pushed).toBe(followers + 1);
      const sample = await Promise.all(['fan0', 'fan49999', 'fan99999', 'celeb'].map((u) => timelineIds(r, k, u)));
      expect(sample).toEqual([['big'], ['big'], ['big'], ['big']]);
      result[name] = { seconds, pushesPerSecond: pushed / seconds };
      rows.push(`| ${name} | ${followers} | ${seconds.toFixed(2)} | ${Math.round(pushed / seconds)} |`);
    }
    console.log(['| Redis | followers | seconds | pushes/s |', '|---|---|---|---|', ...rows].join('\n'));
    expect(Object.keys(result)).toHaveLength(2);
  }, 300_000);

  it('every error a client sees while a master fails over is a dependency failure, never a message failure (no retry budget spent, no dead letter)', async () => {
    const timelines = new TimelineStore(redis, keys, { cap: 100 });
    const users = Array.from({ length: 60 }, (_, i) => `fo${i}`);
    const errors = new Map<string, Error>();
    let stop = false;
    let n = 0;
    // What a worker does in a loop: deliveries by node, reads across slots, a pipeline of one slot.
    const load = (async () => {
      while (!stop) {
        n++;
        const steps = [
          timelines.deliverToUsers({ tweetId: `fo${n}`, createdAtMs: Date.now(), users, marker: 'inline:-inf/-inf' }),
          Promise.all(users.slice(0, 10).map((u) => redis.llen(keys.timeline(u)))),
          redis.multi().incr(keys.counts('fo')).expire(keys.counts('fo'), 60).exec(),
        ];
        for (const r of await Promise.allSettled(steps)) {
          if (r.status === 'rejected') {
            const e = r.reason as Error;
            errors.set(`${e.name}: ${e.message.slice(0, 80)}`, e);
          }
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const routing = new RedisRouting(redis);
    const victimAddress = routing.nodeOf(keys.timeline('fo0'));
    const victim = cluster.members.find((m) => m.address === victimAddress)!;
    await new Promise((r) => setTimeout(r, 300));
    victim.process.kill('SIGKILL');
    await victim.process.done;
    await waitFor(
      async () => routing.nodeOf(keys.timeline('fo0')) !== victimAddress && errors.size > 0,
      'a replica to take over, seen by the client',
      60_000,
      250,
    );
    await cluster.restart(victimAddress); // back as the new master's replica
    await waitFor(
      () =>
        clusterHealthy(
          cluster.members.map((m) => m.address),
          3,
          1,
        ),
      'the old master to rejoin as a replica',
      60_000,
      250,
    );
    stop = true;
    await load;
    const misread = [...errors].filter(([, e]) => classifyFailure(e).kind !== 'dependency').map(([what]) => what);
    console.log(`errors seen during the failover: ${[...errors.keys()].join(' | ')}`);
    expect(errors.size).toBeGreaterThan(0);
    expect(misread).toEqual([]);
  }, 120_000);

  it('a master killed -9 after the replica confirmed the writes: its replica takes over with every delivery, once', async () => {
    const timelines = new TimelineStore(redis, keys, { cap: 100 });
    const users = Array.from({ length: 300 }, (_, i) => `k${i}`);
    for (let n = 0; n < 20; n++) {
      await timelines.setPending(`kill${n}`, 1);
      await timelines.deliverToUsers({ tweetId: `kill${n}`, createdAtMs: Date.now() + n, users, marker: 'inline:-inf/-inf', last: true });
    }
    await waitForReplicas(redis, 1); // what a worker does before it commits the batch's offsets
    const routing = new RedisRouting(redis);
    const victimAddress = routing.nodeOf(keys.timeline('k0'));
    const victim = cluster.members.find((m) => m.address === victimAddress)!;
    victim.process.kill('SIGKILL');
    await victim.process.done;
    const t0 = Date.now();
    await waitFor(
      async () => {
        const owner = await redis.get(keys.tweet('probe-k0')).then(
          () => routing.nodeOf(keys.timeline('k0')),
          () => victimAddress,
        );
        return owner !== victimAddress;
      },
      'a replica to take over the killed master',
      60_000,
      250,
    );
    console.log(`failover of ${victimAddress}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const all = await Promise.all(users.map((u) => timelineIds(redis, keys, u)));
    const expected = Array.from({ length: 20 }, (_, n) => `kill${19 - n}`);
    expect(all.filter((ids) => JSON.stringify(ids) === JSON.stringify(expected))).toHaveLength(users.length);
    // With the old master gone its replica has no replica of its own: a batch cannot be confirmed, so nothing commits.
    await expect(waitForReplicas(redis, 1, 500)).rejects.toThrow(/replicas of .* confirmed the writes/);
  }, 120_000);
});
