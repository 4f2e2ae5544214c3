// docker-compose.yml on a real Docker engine (`npm run compose:test`, also run last by `npm test`):
// build, up, use through the published ports only, restart a worker, down/up, down -v. Deadlines
// are generous: on a shared 2-core CI machine (load 20-50 seen) one `up` took 6 minutes to its first 201.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeCommand, ensureBaseImages, ensureEngine, imageExists, run, runAsync, type Engine } from '../../stack/compose.ts';
import { ROOT } from '../../stack/paths.ts';
import { waitFor } from '../../stack/wait.ts';
import { freePort } from '@chirp/testkit';

/** A project name of its own: a user's `docker compose up` (project `chirp`) is never touched. */
const PROJECT = 'chirpcomposetest';
const GRAFANA_IMAGE = 'grafana/grafana:11.6.0';
const WORKERS = ['saver', 'fanout', 'tagger', 'analytics', 'graph'];
const PROMETHEUS_JOBS = ['api', ...WORKERS, 'gateway', 'notify', 'monitor'];
const log = (line: string): void => console.log(`[compose] ${line}`);

/** fetch with a deadline, so a connection the engine's proxy accepts but nobody answers cannot hang the test. */
const http = (url: string, init: RequestInit = {}): Promise<Response> => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });

describe.sequential('docker compose on a real engine', () => {
  let engine: Engine | undefined;
  let env: NodeJS.ProcessEnv = {};
  let api = '';
  let prometheus = '';
  let services: string[] = [];
  const auth: Record<string, Record<string, string>> = {};
  const compose = (...args: string[]): ReturnType<typeof runAsync> => {
    const [cmd, ...pre] = composeCommand();
    return runAsync(cmd!, [...pre, '-p', PROJECT, '-f', 'docker-compose.yml', ...args], env);
  };
  const composeOk = async (...args: string[]): Promise<string> => {
    const res = await compose(...args);
    expect(res.status, `compose ${args.join(' ')}:\n${res.out}`).toBe(0);
    return res.out;
  };
  const byProject = (kind: 'ps' | 'network' | 'volume'): string[] => {
    const args = kind === 'ps' ? ['ps', '-a'] : [kind, 'ls'];
    return run('docker', [...args, '-q', '--filter', `label=com.docker.compose.project=${PROJECT}`])
      .out.split('\n')
      .filter(Boolean);
  };
  /** Service → health ("healthy", "starting", "exited 0", …) of this project's containers. */
  const states = (): Record<string, string> => {
    const ids = byProject('ps');
    if (ids.length === 0) return {};
    const format =
      '{{index .Config.Labels "com.docker.compose.service"}} {{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}} {{.State.ExitCode}}{{end}}';
    return Object.fromEntries(
      run('docker', ['inspect', '--format', format, ...ids])
        .out.split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)]),
    );
  };
  const allHealthy = (): boolean => {
    const s = states();
    return services.every((name) =>
      name === 'topics-init' ? s[name] === 'exited 0' : s[name] === 'healthy' || (name === 'grafana' && s[name] === 'running 0'),
    );
  };
  const waitHealthy = (what: string): Promise<void> =>
    waitFor(async () => allHealthy(), `${what}: every service healthy (last: ${JSON.stringify(states())})`, 600_000, 1000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\n${JSON.stringify(states())}\n${(await compose('logs', '--tail', '30')).out.slice(-6000)}`);
    });

  async function post(user: string, text: string): Promise<Response> {
    return http(`${api}/api/tweets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth[user] },
      body: JSON.stringify({ author: user, text }),
    });
  }
  async function tweet(user: string, text: string): Promise<string> {
    const res = await post(user, text);
    const body = await res.text();
    expect(res.status, body).toBe(201);
    return (JSON.parse(body) as { id: string }).id;
  }
  async function timelineIds(user: string): Promise<string[]> {
    const res = await http(`${api}/api/timelines/${user}?limit=100`, { headers: auth[user] });
    return res.ok ? ((await res.json()) as { tweets: { id: string }[] }).tweets.map((t) => t.id) : [];
  }
  /** Signs up when the API has accounts (`POST /api/accounts`); before that, writes name their author. */
  async function signUp(handle: string): Promise<void> {
    const password = `pw-${handle}-correct-horse`;
    const body = JSON.stringify({ handle, password });
    const headers = { 'content-type': 'application/json' };
    const created = await http(`${api}/api/accounts`, { method: 'POST', headers, body });
    if (created.status === 404) {
      auth[handle] = {};
      return;
    }
    expect(created.status, await created.text()).toBe(201);
    const session = await http(`${api}/api/sessions`, { method: 'POST', headers, body });
    const token = await session.text();
    expect(session.ok, token).toBe(true);
    auth[handle] = { authorization: `Bearer ${(JSON.parse(token) as { token: string }).token}` };
  }
  /** From `up -d` to the first 201 of POST /api/tweets: printed, as users feel it. */
  async function upUntilFirst201(what: string, user: string): Promise<string> {
    const t0 = Date.now();
    await composeOk('up', '-d', '--no-build', ...services);
    log(`${what}: up -d returned after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    let id = '';
    await waitFor(
      async () => {
        if (!auth[user]) await signUp(user); // throws until the API answers; retried
        const res = await post(user, `${what}: the first tweet`).catch(() => undefined);
        if (res?.status === 201) id = ((await res.json()) as { id: string }).id;
        return res?.status === 201;
      },
      `${what}: a 201 from POST /api/tweets on ${api}`,
      600_000,
      500,
    );
    log(`${what}: time to the first 201: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return id;
  }

  beforeAll(async () => {
    engine = await ensureEngine(log);
    log(`engine: Docker ${engine.version}, compose: ${composeCommand().join(' ')}`);
    const standIns = ensureBaseImages(log);
    log(`stand-in base images (built from Debian packages, not the official ones): ${standIns.join(', ') || 'none'}`);
    const grafana = imageExists(GRAFANA_IMAGE) || run('docker', ['pull', '-q', GRAFANA_IMAGE], { timeout: 300_000 }).status === 0;
    const all = Object.keys((parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: object }).services);
    services = all.filter((s) => s !== 'grafana' || grafana);
    log(
      grafana
        ? 'running every service, Grafana included'
        : `${GRAFANA_IMAGE} cannot be pulled and has no stand-in: running every service but grafana (its provisioning is checked statically)`,
    );
    env = { CHIRP_HTTP_PORT: String(await freePort()), CHIRP_PROMETHEUS_PORT: String(await freePort()), CHIRP_GRAFANA_PORT: String(await freePort()) };
    api = `http://127.0.0.1:${env.CHIRP_HTTP_PORT}`;
    prometheus = `http://127.0.0.1:${env.CHIRP_PROMETHEUS_PORT}`;
    await compose('down', '-v', '--remove-orphans'); // what a crashed earlier run left
  }, 1_800_000);

  afterAll(async () => {
    if (byProject('ps').length + byProject('volume').length > 0) await compose('down', '-v', '--remove-orphans');
    await engine?.stop();
  }, 300_000);

  it('builds the app image and the Kafka image', async () => {
    const t0 = Date.now();
    await composeOk('build', '--force-rm', 'kafka', 'api');
    log(`images built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    expect(imageExists('chirp-app:latest') && imageExists('chirp-kafka:3.9.1')).toBe(true);
  }, 1_800_000);

  it('comes up healthy and accepts a tweet on the published port; Kafka and Redis are not published', async () => {
    await upUntilFirst201('up', `composer_${Date.now().toString(36)}`);
    await waitHealthy('up');
    const format = '{{index .Config.Labels "com.docker.compose.service"}}{{range $p, $b := .NetworkSettings.Ports}}{{if $b}} {{$p}}{{end}}{{end}}';
    const published = run('docker', ['inspect', '--format', format, ...byProject('ps')])
      .out.split('\n')
      .filter((l) => l.includes(' '));
    expect(published.sort()).toEqual(['api 3000/tcp', ...(services.includes('grafana') ? ['grafana 3000/tcp'] : []), 'prometheus 9090/tcp']);
  }, 1_500_000);

  let alice = '';
  let bob = '';
  const ids: string[] = [];

  it('signs up, follows, posts and reads the follower timeline; the tweet gets tagged', async () => {
    const suffix = Date.now().toString(36);
    alice = `alice_${suffix}`;
    bob = `bob_${suffix}`;
    await signUp(alice);
    await signUp(bob);
    const follow = await http(`${api}/api/users/${bob}/following/${alice}`, { method: 'PUT', headers: auth[bob] });
    expect(follow.status).toBe(204);
    await waitFor(
      async () => {
        const res = await http(`${api}/api/users/${bob}`, { headers: auth[bob] });
        return res.ok && ((await res.json()) as { following: number }).following === 1;
      },
      'the graph worker to apply the follow',
      60_000,
      250,
    );
    const id = await tweet(alice, 'Just finished a new novel, can not wait for book club on Friday');
    ids.push(id);
    await waitFor(async () => (await timelineIds(bob)).includes(id), `${id} in ${bob}'s timeline`, 60_000, 250);
    let tags: string[] = [];
    await waitFor(
      async () => {
        const res = await http(`${api}/api/tweets/${id}`, { headers: auth[alice] });
        tags = res.ok ? (((await res.json()) as { tags?: string[] }).tags ?? []) : [];
        return tags.length > 0;
      },
      'tags on the tweet',
      60_000,
      250,
    );
    expect(tags).toContain('bookworms');
  }, 300_000);

  it('the monitor reports consumer lag for every group, through the API', async () => {
    let groups: { group: string; lag: number }[] = [];
    await waitFor(
      async () => {
        const res = await http(`${api}/api/pipeline`);
        groups = res.ok ? ((await res.json()) as { groups: { group: string; lag: number }[] }).groups : [];
        return WORKERS.every((w) => groups.some((g) => g.group === `twitter.${w}` && g.lag === 0));
      },
      'lag 0 reported for every worker group',
      120_000,
      1000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; groups: ${JSON.stringify(groups)}`);
    });
    expect(groups.map((g) => g.group)).toEqual(expect.arrayContaining(WORKERS.map((w) => `twitter.${w}`)));
  }, 180_000);

  it('Prometheus has every scrape target up', async () => {
    let targets: { labels: { job: string }; health: string; lastError: string }[] = [];
    await waitFor(
      async () => {
        const res = await http(`${prometheus}/api/v1/targets?state=active`);
        targets = res.ok ? ((await res.json()) as { data: { activeTargets: typeof targets } }).data.activeTargets : [];
        return targets.length === PROMETHEUS_JOBS.length && targets.every((t) => t.health === 'up');
      },
      'every Prometheus target up',
      120_000,
      1000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; targets: ${JSON.stringify(targets.map((t) => [t.labels.job, t.health, t.lastError]))}`);
    });
    expect(targets.map((t) => t.labels.job).sort()).toEqual([...PROMETHEUS_JOBS].sort());
  }, 180_000);

  it('a worker restarted with docker-compose restart loses no tweet', async () => {
    for (let i = 0; i < 5; i++) ids.push(await tweet(alice, `before the restart #${i}`));
    const restart = compose('restart', 'fanout');
    // Tweets posted while fanout stops and starts again: Kafka keeps them until it is back.
    for (let i = 0; i < 10; i++) ids.push(await tweet(alice, `during the restart #${i}`));
    const restarted = await restart;
    expect(restarted.status, restarted.out).toBe(0);
    for (let i = 0; i < 5; i++) ids.push(await tweet(alice, `after the restart #${i}`));
    await waitFor(
      async () => {
        const timeline = await timelineIds(bob);
        return ids.every((id) => timeline.includes(id));
      },
      `all ${ids.length} tweets in ${bob}'s timeline after the restart`,
      120_000,
      500,
    );
    expect(new Set(await timelineIds(bob)).size).toBe((await timelineIds(bob)).length); // none doubled
    await waitHealthy('after restart');
  }, 300_000);

  it('down and up again keep the data (volumes)', async () => {
    await composeOk('down');
    expect(byProject('ps')).toEqual([]);
    expect(byProject('volume').length).toBeGreaterThanOrEqual(3);
    await upUntilFirst201('up after down', alice);
    await waitHealthy('up after down');
    const timeline = await timelineIds(bob);
    expect(
      ids.filter((id) => !timeline.includes(id)),
      'tweets missing after down/up',
    ).toEqual([]);
    const id = await tweet(alice, 'after down and up');
    await waitFor(async () => (await timelineIds(bob)).includes(id), 'a new tweet fanned out after down/up', 60_000, 250);
  }, 1_500_000);

  it('down -v leaves no container, network or volume behind', async () => {
    await composeOk('down', '-v', '--remove-orphans');
    expect({ containers: byProject('ps'), networks: byProject('network'), volumes: byProject('volume') }).toEqual({
      containers: [],
      networks: [],
      volumes: [],
    });
  }, 300_000);
});
