// npm run bench:http — wrk against POST /api/tweets and a 20-tweet home page, beside /healthz of the
// same API process in the same run. Starts the compiled API on its own port, topics and Redis prefix.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { groupTopics, systemTopics } from '@chirp/core';
import { AccountStore, closeRedis, createKeys, createRedis, timelineEntry, TweetStore } from '@chirp/store';
import { createKafka, ensureTopics } from '@chirp/streams';
import { buildWorkers } from '@chirp/stack/build-workers';
import { ROOT } from '@chirp/stack/paths';
import { compiledEntryPath, SERVICES } from '@chirp/stack/services';
import { freePort } from '@chirp/testkit';
import { fmt, markdownTable } from './lib/table.ts';
import { hasWrk } from './lib/pipeline-wrk-load.ts';
import { httpWrk, type Scenario, type WrkRun } from './lib/http-wrk.ts';
import { openSessions } from './lib/sessions.ts';
import { drawHttp } from './lib/draw.ts';
import { cpuSecondsOf } from './lib/pipeline-proc.ts';
import { formatProfile, summarizeProfile, type ProfileSummary } from './lib/cpu-profile.ts';

// Options as flags (npm run bench:http -- --seconds 10): --users, --seconds, --connections, --latency-connections,
// --port, --signed-up, --profile.
const flag = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive integer`);
  return v;
};
const USERS = flag('users', 2000);
const SECONDS = flag('seconds', 15);
const CONNECTIONS = flag('connections', 64);
/**
 * A second pass per route at this many connections: at -c64 a saturated server queues every request
 * behind ~63 others (Little's law: mean latency = connections ÷ requests/s), so its p99 says how deep
 * the queue is, not how long a request takes. The latency targets are read at both.
 */
const LATENCY_CONNECTIONS = flag('latency-connections', 4);
const PORT = process.argv.includes('--port') ? flag('port', 0) : await freePort();
const SIGNED_UP = Math.min(USERS, flag('signed-up', 8));
/** --profile: the API runs under `node --cpu-prof`; its top self-time frames are printed and kept in the JSON. */
const PROFILE = process.argv.includes('--profile');
const profileDir = join(ROOT, '.stack', `bench-http-profile-${Date.now().toString(36)}`);
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
// Newest first, as fan-out keeps them: LPUSH the oldest first.
for (let u = 0; u < USERS; u += 500) {
  const pipe = redis.pipeline();
  for (let v = u; v < Math.min(USERS, u + 500); v++) {
    const picks = [...new Set(Array.from({ length: 30 }, (_, j) => (v * 7 + j * 13) % 500))].sort((a, b) => a - b);
    pipe.lpush(keys.timeline(`u${v}`), ...picks.map((i) => timelineEntry(Date.parse(tweets[i]!.createdAt), tweets[i]!.id)));
  }
  await pipe.exec();
}

const api = SERVICES.find((s) => s.name === 'api')!;
const child = spawn(process.execPath, [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), '--enable-source-maps', compiledEntryPath(api)], {
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

  // Every user gets a real bearer token. The first SIGNED_UP sign up and sign in over HTTP (the
  // whole path, scrypt included); the others' sessions are written by the store method sign-in uses.
  const headers = { 'content-type': 'application/json' };
  const signUpAndIn = async (u: number): Promise<string> => {
    const body = JSON.stringify({ handle: `u${u}`, password: `bench-password-${u}` });
    // A sign-up not confirmed in time (503) is asked again; 409 then means the first one landed.
    for (let status = 0; status !== 201 && status !== 409;) {
      const r = await fetch(`${base}/api/accounts`, { method: 'POST', headers, body });
      await r.arrayBuffer();
      status = r.status;
      if (status !== 201 && status !== 409 && status !== 503) throw new Error(`POST /api/accounts answered ${status} for u${u}`);
    }
    const s = await fetch(`${base}/api/sessions`, { method: 'POST', headers, body });
    if (s.status !== 201) throw new Error(`POST /api/sessions answered ${s.status} for u${u}`);
    return ((await s.json()) as { token: string }).token;
  };
  log(`› ${SIGNED_UP} users sign up and in over HTTP; sessions for the other ${fmt(USERS - SIGNED_UP)} through AccountStore.createSession…`);
  const tokens: string[] = [];
  // 4 at a time: sign-in counts requests in flight toward its failure limit (10 per client address).
  for (let u = 0; u < SIGNED_UP; u += 4) tokens.push(...(await Promise.all(Array.from({ length: Math.min(4, SIGNED_UP - u) }, (_, j) => signUpAndIn(u + j)))));
  const handles = Array.from({ length: USERS - SIGNED_UP }, (_, i) => `u${SIGNED_UP + i}`);
  tokens.push(...(await openSessions(new AccountStore(redis, keys), handles)));
  const check = await fetch(`${base}/api/sessions/current`, { headers: { authorization: `Bearer ${tokens[USERS - 1]}` } });
  if (check.status !== 200) throw new Error(`GET /api/sessions/current answered ${check.status} for a written session`);
  await fetch(`${base}/api/tweets`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${tokens[0]}` },
    body: JSON.stringify({ author: 'u0', text: 'warm-up' }),
  });

  mkdirSync(join(ROOT, '.stack'), { recursive: true });
  const scenarios: Scenario[] = ['healthz', 'post', 'home', 'healthz'];
  const runs: (WrkRun & { apiCpuUsPerRequest: number })[] = [];
  for (const [i, scenario] of scenarios.entries()) {
    log(`› wrk ${scenario} (${i + 1}/${scenarios.length}, ${SECONDS} s, ${CONNECTIONS} connections)…`);
    const cpuBefore = cpuSecondsOf(child.pid!) ?? 0;
    const run = await httpWrk({
      base,
      scenario,
      seconds: SECONDS,
      connections: CONNECTIONS,
      users: USERS,
      tokens,
      scriptPath: join(ROOT, '.stack', `bench-http-${scenario}.lua`),
    });
    // The API's own CPU per request: unlike requests/s, it holds on a shared machine.
    runs.push({ ...run, apiCpuUsPerRequest: (((cpuSecondsOf(child.pid!) ?? 0) - cpuBefore) * 1e6) / Math.max(1, run.requests) });
  }
  const latency: (WrkRun & { scenario: Scenario })[] = [];
  for (const scenario of ['healthz', 'post', 'home'] as const) {
    log(`› wrk ${scenario} at ${LATENCY_CONNECTIONS} connections (latency pass, ${SECONDS} s)…`);
    const r = await httpWrk({
      base,
      scenario,
      seconds: SECONDS,
      connections: LATENCY_CONNECTIONS,
      users: USERS,
      tokens,
      scriptPath: join(ROOT, '.stack', `bench-http-${scenario}-latency.lua`),
    });
    latency.push({ ...r, scenario });
  }
  await stopApi(); // the profile is written as the API exits
  let profile: ProfileSummary | undefined;
  if (PROFILE) {
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`no .cpuprofile in ${profileDir}`);
    profile = summarizeProfile(join(profileDir, file), ROOT, 15);
    log(`\nAPI CPU profile (all four wrk runs):\n${formatProfile(profile)}`);
  }
  const health = (runs[0]!.rps + runs[3]!.rps) / 2;
  const healthCpu = (runs[0]!.apiCpuUsPerRequest + runs[3]!.apiCpuUsPerRequest) / 2;
  const rows = runs
    .slice(0, 3)
    .map((r, i) => [
      ['GET /healthz', 'POST /api/tweets', 'GET /api/timelines/:user?limit=20'][i]!,
      fmt(i === 0 ? health : r.rps),
      i === 0 ? '100%' : `${fmt((100 * r.rps) / health, 1)}%`,
      fmt(r.p50Ms, 1),
      fmt(r.p99Ms, 1),
      fmt(i === 0 ? healthCpu : r.apiCpuUsPerRequest),
      i === 0 ? '100%' : `${fmt((100 * healthCpu) / r.apiCpuUsPerRequest, 1)}%`,
      fmt(r.non2xx),
      fmt(r.socketErrors),
    ]);
  const title = `HTTP benchmark, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}, wrk -t1 -c${CONNECTIONS} ${SECONDS} s each, ${fmt(USERS)} users, authenticated (${fmt(tokens.length)} real bearer tokens, ${SIGNED_UP} of them from HTTP sign-in)`;
  log(`\n${title}\n/healthz is the mean of a run before and after (${fmt(runs[0]!.rps)} and ${fmt(runs[3]!.rps)}/s)\n`);
  log(
    markdownTable(['route', 'requests/s', 'of /healthz', 'p50 ms', 'p99 ms', 'API CPU µs/req', '/healthz CPU ÷ route CPU', 'non-2xx', 'socket errors'], rows),
  );
  log('(the last ratio is what requests/s would be against /healthz if the API process alone were the limit: it holds on a busy machine)');
  log(`\nLatency pass, wrk -t1 -c${LATENCY_CONNECTIONS} ${SECONDS} s each (below saturation: the time a request takes, not the queue ahead of it)\n`);
  const routeName = { healthz: 'GET /healthz', post: 'POST /api/tweets', home: 'GET /api/timelines/:user?limit=20' } as const;
  log(
    markdownTable(
      ['route', 'requests/s', 'p50 ms', 'p99 ms', 'non-2xx'],
      latency.map((r) => [routeName[r.scenario], fmt(r.rps), fmt(r.p50Ms, 2), fmt(r.p99Ms, 2), fmt(r.non2xx)]),
    ),
  );
  const [, postLat, homeLat] = latency;
  const targets = [
    ['POST /api/tweets ≥ 40% of /healthz', (100 * runs[1]!.rps) / health >= 40],
    [`POST /api/tweets p99 < 50 ms at -c${CONNECTIONS}`, runs[1]!.p99Ms < 50],
    [`POST /api/tweets p99 < 50 ms at -c${LATENCY_CONNECTIONS}`, postLat!.p99Ms < 50],
    ['home page ≥ 50% of /healthz', (100 * runs[2]!.rps) / health >= 50],
    [`home page p99 < 10 ms at -c${CONNECTIONS}`, runs[2]!.p99Ms < 10],
    [`home page p99 < 10 ms at -c${LATENCY_CONNECTIONS}`, homeLat!.p99Ms < 10],
  ] as const;
  log('');
  for (const [what, met] of targets) log(`${met ? 'met   ' : 'missed'}  ${what}`);
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  const out = join(ROOT, 'bench', 'results', 'http.json');
  const result = {
    title,
    at: new Date().toISOString(),
    authenticated: true,
    signedUpOverHttp: SIGNED_UP,
    users: USERS,
    connections: CONNECTIONS,
    seconds: SECONDS,
    healthzMean: health,
    healthzCpuUsPerRequest: healthCpu,
    runs: scenarios.map((s, i) => ({ scenario: s, ...runs[i]! })),
    latencyConnections: LATENCY_CONNECTIONS,
    latency,
    targets: targets.map(([what, met]) => ({ what, met })),
    profile,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(`› wrote ${await drawHttp(result)}`);
  log(`\n› wrote ${out}`);
} finally {
  await stopApi();
  await closeRedis(redis);
}
