// npm run bench:http — wrk against POST /api/tweets and a 20-tweet home page, beside /healthz of the
// same API process in the same run. Starts the compiled API on its own port, topics and Redis prefix.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { groupTopics, systemTopics } from '@chirp/core';
import { closeRedis, createKeys, createRedis, TweetStore } from '@chirp/store';
import { createKafka, ensureTopics } from '@chirp/streams';
import { buildWorkers } from '@chirp/stack/build-workers';
import { ROOT } from '@chirp/stack/paths';
import { compiledEntryPath, SERVICES } from '@chirp/stack/services';
import { fmt, markdownTable } from './lib/table.ts';
import { hasWrk } from './lib/pipeline-wrk-load.ts';
import { httpWrk, type Scenario, type WrkRun } from './lib/http-wrk.ts';

// Options as flags (npm run bench:http -- --seconds 10): --users, --seconds, --connections, --port, --auth-users.
const flag = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
};
const USERS = flag('users', 2000);
const SECONDS = flag('seconds', 15);
const CONNECTIONS = flag('connections', 64);
const PORT = flag('port', 43300);
const run = Date.now().toString(36);
const prefix = `bhttp${run}.`;
const redisPrefix = `bhttp${run}:`;
const brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:19092';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:16379';
const log = (line: string): void => console.log(line);

if (!hasWrk()) throw new Error('wrk is missing: apt-get install -y wrk');
await buildWorkers(log);
const kafka = createKafka({ brokers, clientId: 'chirp-bench-http' });
await ensureTopics(kafka, [...systemTopics(prefix, 6), ...groupTopics(prefix)]);

// Home timelines of 20+ tweets for every user, written straight into Redis (this bench measures the API).
log(`› seeding ${fmt(USERS)} users' home timelines…`);
const redis = createRedis({ url: redisUrl, name: 'chirp-bench-http' });
const keys = createKeys(redisPrefix);
const store = new TweetStore(redis, keys);
const t0 = Date.parse('2026-01-01T00:00:00Z');
const tweets = Array.from({ length: 500 }, (_, i) => ({
  id: `bh${i}`,
  author: `u${i % USERS}`,
  text: `benchmark tweet number ${i} about books and football`,
  createdAt: new Date(t0 + i * 1000).toISOString(),
}));
await store.saveMany(tweets);
for (let u = 0; u < USERS; u += 500) {
  const pipe = redis.pipeline();
  for (let v = u; v < Math.min(USERS, u + 500); v++) pipe.lpush(keys.timeline(`u${v}`), ...Array.from({ length: 30 }, (_, j) => `bh${(v * 7 + j * 13) % 500}`));
  await pipe.exec();
}

const api = SERVICES.find((s) => s.name === 'api')!;
const child = spawn(process.execPath, ['--enable-source-maps', compiledEntryPath(api)], {
  cwd: ROOT,
  env: {
    ...process.env,
    KAFKA_BROKERS: brokers,
    REDIS_URL: redisUrl,
    TOPIC_PREFIX: prefix,
    REDIS_PREFIX: redisPrefix,
    API_PORT: String(PORT),
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error',
    MONITOR_URL: 'http://127.0.0.1:9',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${PORT}`;
const stopApi = async (): Promise<void> => {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
};
process.once('SIGINT', () => void stopApi().then(() => process.exit(130)));
try {
  const end = Date.now() + 60_000;
  while (
    !(await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > end) throw new Error('the API did not become ready within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }

  // Real accounts and tokens when the API has them (the accounts branch); else say so in the table.
  const probe = await fetch(`${base}/api/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle: 'u0', password: 'bench-password-0' }),
  });
  const authenticated = probe.status !== 404;
  const tokens: string[] = [];
  if (authenticated) {
    const authUsers = Math.min(USERS, flag('auth-users', 500));
    log(`› creating ${authUsers} accounts and sessions…`);
    for (let u = 0; u < authUsers; u++) {
      const body = JSON.stringify({ handle: `u${u}`, password: `bench-password-${u}` });
      const headers = { 'content-type': 'application/json' };
      if (u > 0) await fetch(`${base}/api/accounts`, { method: 'POST', headers, body });
      const s = await fetch(`${base}/api/sessions`, { method: 'POST', headers, body });
      if (s.status !== 201) throw new Error(`POST /api/sessions answered ${s.status} for u${u}`);
      tokens.push(((await s.json()) as { token: string }).token);
      if (u % 100 === 99) log(`  ${u + 1}/${authUsers}`);
    }
  } else {
    await probe.arrayBuffer();
  }
  await fetch(`${base}/api/tweets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: 'u0', text: 'warm-up' }),
  });

  const scenarios: Scenario[] = ['healthz', 'post', 'home', 'healthz'];
  const runs: WrkRun[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    log(`› wrk ${scenario} (${i + 1}/${scenarios.length}, ${SECONDS} s, ${CONNECTIONS} connections)…`);
    runs.push(
      await httpWrk({
        base,
        scenario,
        seconds: SECONDS,
        connections: CONNECTIONS,
        users: USERS,
        tokens,
        scriptPath: join(ROOT, '.stack', `bench-http-${scenario}.lua`),
      }),
    );
  }
  const health = (runs[0]!.rps + runs[3]!.rps) / 2;
  const rows = runs
    .slice(0, 3)
    .map((r, i) => [
      ['GET /healthz', 'POST /api/tweets', 'GET /api/timelines/:user?limit=20'][i]!,
      fmt(r.rps),
      i === 0 ? '100%' : `${fmt((100 * r.rps) / health, 1)}%`,
      fmt(r.p50Ms, 1),
      fmt(r.p99Ms, 1),
      fmt(r.non2xx),
      fmt(r.socketErrors),
    ]);
  const title = `HTTP benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, wrk -t1 -c${CONNECTIONS} ${SECONDS} s each, ${fmt(USERS)} users, ${authenticated ? `authenticated (${tokens.length} real tokens)` : 'WITHOUT authentication (the API has no /api/accounts yet)'}`;
  log(`\n${title}\n/healthz is the mean of a run before and after (${fmt(runs[0]!.rps)} and ${fmt(runs[3]!.rps)}/s)\n`);
  log(markdownTable(['route', 'requests/s', 'of /healthz', 'p50 ms', 'p99 ms', 'non-2xx', 'socket errors'], rows));
  const targets = [
    ['POST /api/tweets ≥ 40% of /healthz, p99 < 50 ms', (100 * runs[1]!.rps) / health >= 40 && runs[1]!.p99Ms < 50],
    ['home page ≥ 50% of /healthz, p99 < 10 ms', (100 * runs[2]!.rps) / health >= 50 && runs[2]!.p99Ms < 10],
  ] as const;
  log('');
  for (const [what, met] of targets) log(`${met ? 'met   ' : 'missed'}  ${what}`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const out = join(ROOT, 'bench', 'results', 'http.json');
  writeFileSync(
    out,
    `${JSON.stringify({ title, at: new Date().toISOString(), authenticated, users: USERS, connections: CONNECTIONS, seconds: SECONDS, healthzMean: health, runs: scenarios.map((s, i) => ({ scenario: s, ...runs[i] })), targets: targets.map(([what, met]) => ({ what, met })) }, null, 2)}\n`,
  );
  log(`\n› wrote ${out}`);
} finally {
  await stopApi();
  await closeRedis(redis);
}
