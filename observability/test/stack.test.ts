import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext, signUpAll, waitFor, type ServiceProcess } from '@chirp/testkit';
import { Emitter, jsonCodec } from '@chirp/streams';
import { tweetSchema } from '@chirp/core';

const ROOT = new URL('../../', import.meta.url).pathname;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Sum of a metric's samples whose labels contain every given pair, or null when there is none. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const lines = text.split('\n').filter((l) => l.startsWith(`${name}{`) && Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)));
  return lines.length === 0 ? null : lines.reduce((s, l) => s + Number(l.split(' ').pop()), 0);
}

// Contexts at module level: their cleanup (processes, topics, keys) is registered with afterAll,
// which vitest only honours outside a running test.
const dashboardCtx = await createTestContext();
const lagCtx = await createTestContext();

describe('observability on a running stack', () => {
  it('every panel query of every provisioned dashboard returns data from a real Prometheus', async () => {
    const ctx = dashboardCtx;
    const workers = ['saver', 'fanout', 'tagger', 'graph'] as const;
    const procs: Record<string, ServiceProcess> = {};
    await Promise.all(workers.map(async (w) => (procs[w] = await ctx.startService(w))));
    procs.monitor = await ctx.startService('monitor', {
      MONITOR_INTERVAL_MS: '500',
      MONITOR_SCRAPE_TARGETS: workers.map((w) => `http://127.0.0.1:${procs[w]!.port}/metrics`).join(','),
    });
    procs.api = await ctx.startService('api', { MONITOR_URL: `http://127.0.0.1:${procs.monitor.port}` });

    const dir = mkdtempSync(join(tmpdir(), 'chirp-prom-'));
    ctx.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
    const jobs = Object.entries(procs)
      .map(([job, p]) => `  - job_name: ${job}\n    static_configs:\n      - targets: ['127.0.0.1:${p.port}']`)
      .join('\n');
    writeFileSync(
      join(dir, 'prometheus.yml'),
      `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nrule_files:\n  - ${ROOT}observability/prometheus/rules/*.yml\nscrape_configs:\n${jobs}\n`,
    );
    const port = await freePort();
    const prom = spawn(
      'prometheus',
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
      { stdio: 'ignore' },
    );
    ctx.onCleanup(
      () =>
        new Promise<void>((r) => {
          prom.once('exit', () => r());
          prom.kill('SIGTERM');
        }),
    );

    // Traffic: follows and tweets through the API, kept up while we query.
    const api = `http://127.0.0.1:${procs.api.port}`;
    const users = await signUpAll(api, ['ann', 'bob', 'cid', 'star']);
    for (const u of ['ann', 'bob', 'cid'] as const) await users[u].fetch(`${api}/api/users/${u}/following/star`, { method: 'PUT' });
    let posting = true;
    const traffic = (async () => {
      for (let i = 0; posting; i++) {
        await users[i % 2 ? 'star' : 'ann'].fetch(`${api}/api/tweets`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text: `match day ⚽ goal number ${i}` }),
        });
        await users.ann.fetch(`${api}/api/timelines/ann`);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    ctx.onCleanup(async () => {
      posting = false;
      await traffic;
    });

    const dashboards = ['observability/grafana/dashboards/chirp-overview.json'].map(
      (f) => JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as { panels: { title: string; targets?: { expr: string }[] }[] },
    );
    const queries = dashboards.flatMap((d) => d.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr }))));
    expect(queries.length).toBeGreaterThan(10);
    const empty = async (): Promise<string[]> => {
      const out: string[] = [];
      for (const q of queries) {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(q.expr)}`).catch(() => undefined);
        const body = res?.ok ? ((await res.json()) as { data: { result: unknown[] } }) : undefined;
        if (!body || body.data.result.length === 0) out.push(`${q.panel}: ${q.expr}`);
      }
      return out;
    };
    let last: string[] = [];
    await waitFor(async () => (last = await empty()).length === 0, { what: 'every panel query to return data', timeoutMs: 90_000, intervalMs: 2000 }).catch(
      () => undefined,
    );
    expect(last, `panel queries without data:\n${last.join('\n')}`).toEqual([]);
  }, 180_000);

  it('kafka_consumergroup_lag of the fanout group grows while fanout is stopped and falls after restart', async () => {
    const ctx = lagCtx;
    const group = `${ctx.prefix}fanout`;
    const fanout = await ctx.startService('fanout');
    const monitor = await ctx.startService('monitor', { MONITOR_INTERVAL_MS: '300', MONITOR_SCRAPE_TARGETS: 'none' });
    const lag = async (): Promise<number | null> =>
      sample(await (await fetch(`http://127.0.0.1:${monitor.port}/metrics`)).text(), 'kafka_consumergroup_lag', {
        consumergroup: group,
        topic: ctx.topics.newTweets,
      });
    const emitter = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
    let n = 0;
    const post = (count: number): Promise<void> =>
      emitter.emitMany(
        Array.from({ length: count }, () => ({
          key: `u${n % 7}`,
          value: { id: `lag${n++}`, author: `u${n % 7}`, text: 'tick', createdAt: new Date().toISOString() },
        })),
      );

    await post(20);
    // Caught up means the 20 committed: a snapshot from before the post also says lag 0, and a
    // fanout stopped before it committed leaves the group no offsets to lag behind (seen once).
    const committed = async (): Promise<number> => {
      const admin = ctx.kafka.admin();
      await admin.connect();
      try {
        const [offsets] = await admin.fetchOffsets({ groupId: group, topics: [ctx.topics.newTweets] });
        return (offsets?.partitions ?? []).reduce((s, p) => s + Math.max(0, Number(p.offset)), 0);
      } finally {
        await admin.disconnect();
      }
    };
    await waitFor(async () => (await committed()) === 20 && (await lag()) === 0 && (await fetch(`http://127.0.0.1:${monitor.port}/lag.json`)).ok, {
      what: 'a caught-up group',
      timeoutMs: 30_000,
    });
    await fanout.stop();
    await post(50);
    const explain = async (e: unknown): Promise<never> => {
      const text = await (await fetch(`http://127.0.0.1:${monitor.port}/metrics`)).text();
      throw new Error(
        `${String(e)}\nmonitor says:\n${text
          .split('\n')
          .filter((l) => l.includes(group) || l.startsWith('chirp_monitor'))
          .join('\n')}`,
      );
    };
    const first = await waitFor(
      async () => {
        const l = (await lag()) ?? 0;
        return l >= 50 ? l : 0;
      },
      { what: 'lag to reach 50', timeoutMs: 30_000 },
    ).catch(explain);
    await post(50);
    const second = await waitFor(
      async () => {
        const l = (await lag()) ?? 0;
        return l >= first + 50 ? l : 0;
      },
      { what: 'lag to grow further', timeoutMs: 30_000 },
    ).catch(explain);
    expect(second).toBeGreaterThan(first);

    await ctx.startService('fanout');
    await waitFor(async () => (await lag()) === 0, { what: 'lag back to 0 after restart', timeoutMs: 60_000, intervalMs: 300 });
    expect(await lag()).toBe(0);
  }, 120_000);
});
