// Fan-out to 100,000 followers on a Redis Cluster (3 masters + 3 replicas) beside one Redis server,
// in one run: the fanout's own delivery path (TimelineStore.deliverFollowerPage, pages of 2,000;
// on the cluster each page is grouped by the node owning the timelines, one call per node), the
// same follower set and the same tweet on both. Store level: Kafka is not in the loop (bench:fanout
// measures the single-node path end to end through Kafka). Both servers are started here on ports
// of their own (BENCH_CLUSTER_PORT, default 45400…45406, buses +10000) and stopped after.
// `node --import tsx bench/fanout-cluster.ts [--followers N] [--runs N]`: prints a markdown table
// and writes bench/results/fanout-cluster.json. Not a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closeRedis, createKeys, createRedis, entryId, TimelineStore, type ChirpRedis, type Keys } from '@chirp/store';
import { startRedisCluster } from '@chirp/stack/redis-cluster';
import { startRedis } from '@chirp/stack/redis-server';
import { portOpen } from '@chirp/stack/wait';
import { fmt, markdownTable } from './lib/table.ts';

const { values } = parseArgs({ options: { followers: { type: 'string', default: '100000' }, runs: { type: 'string', default: '2' } } });
const FOLLOWERS = Number(values.followers);
const RUNS = Number(values.runs);
const PAGE = 2000;
const BASE = Number(process.env.BENCH_CLUSTER_PORT ?? 45400);

interface Row {
  topology: string;
  run: number;
  followers: number;
  seconds: number;
  pushesPerSecond: number;
}

async function loadFollowers(r: ChirpRedis, k: Keys): Promise<void> {
  for (let i = 0; i < FOLLOWERS; i += 10_000) {
    const members: (string | number)[] = [];
    for (let j = i; j < Math.min(i + 10_000, FOLLOWERS); j++) members.push(j + 1, `fan${j}`);
    await r.zadd(k.followers('celeb'), ...members);
  }
}

/** One fan-out of tweet `id` to every follower of `celeb`, page by page, as the fanout worker runs it. */
async function fanOut(r: ChirpRedis, k: Keys, id: string): Promise<{ seconds: number; pushed: number }> {
  const timelines = new TimelineStore(r, k, { cap: 800 });
  await timelines.setPending(id, 1);
  const t0 = performance.now();
  let cursor = '-inf';
  let pushed = 0;
  for (;;) {
    const res = await timelines.deliverFollowerPage({
      tweetId: id,
      createdAtMs: Date.now(),
      author: 'celeb',
      marker: `inline:-inf/${cursor}`,
      cursor,
      to: '+inf',
      limit: PAGE,
      includeAuthor: cursor === '-inf',
    });
    pushed += res.pushed;
    if (res.next === 'end') break;
    cursor = res.next;
  }
  const seconds = (performance.now() - t0) / 1000;
  const sample = await Promise.all(['fan0', `fan${FOLLOWERS - 1}`].map(async (u) => (await r.lrange(k.timeline(u), 0, 0)).map(entryId)));
  if (pushed !== FOLLOWERS + 1 || sample.some((ids) => ids[0] !== id))
    throw new Error(`fan-out of ${id} incomplete: ${pushed} pushes, heads ${JSON.stringify(sample)}`);
  return { seconds, pushed };
}

async function main(): Promise<void> {
  for (let p = BASE; p < BASE + 7; p++) if ((await portOpen(p)) || (await portOpen(p + 10_000))) throw new Error(`port ${p} is taken (BENCH_CLUSTER_PORT)`);
  const dir = mkdtempSync(join(tmpdir(), 'chirp-bench-cluster-'));
  const cluster = await startRedisCluster({ basePort: BASE, stateDir: dir, logDir: join(dir, 'logs') });
  const single = await startRedis({ dataDir: join(dir, 'single'), logFile: join(dir, 'logs', 'single.log'), port: BASE + 6 });
  const clusterRedis = createRedis({ url: 'redis://127.0.0.1', clusterNodes: cluster.nodes, name: 'bench-cluster' });
  const singleRedis = createRedis({ url: `redis://127.0.0.1:${BASE + 6}`, name: 'bench-single' });
  const rows: Row[] = [];
  try {
    await clusterRedis.get('warm'); // the slot map
    const topologies = [
      { topology: 'one Redis server', r: singleRedis, k: createKeys('bc:') },
      { topology: 'Redis Cluster, 3 masters + 3 replicas', r: clusterRedis, k: createKeys('bc:', { hashTags: true }) },
    ];
    for (const t of topologies) await loadFollowers(t.r, t.k);
    // Alternated, so a burst of load from elsewhere on the machine falls on both.
    for (let run = 1; run <= RUNS; run++) {
      for (const t of topologies) {
        const { seconds, pushed } = await fanOut(t.r, t.k, `big${run}`);
        rows.push({ topology: t.topology, run, followers: FOLLOWERS, seconds, pushesPerSecond: pushed / seconds });
        console.log(`${t.topology}, run ${run}: ${seconds.toFixed(2)} s`);
      }
    }
  } finally {
    await closeRedis(clusterRedis);
    await closeRedis(singleRedis);
    await cluster.stop();
    await single.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    markdownTable(
      ['topology', 'run', 'followers', 'seconds', 'pushes/s'],
      rows.map((r) => [r.topology, r.run, fmt(r.followers), r.seconds.toFixed(2), fmt(r.pushesPerSecond)]),
    ),
  );
  mkdirSync('bench/results', { recursive: true });
  const result = { at: new Date().toISOString(), cpus: cpus().length, page: PAGE, rows };
  writeFileSync('bench/results/fanout-cluster.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log('written bench/results/fanout-cluster.json');
}

await main();
