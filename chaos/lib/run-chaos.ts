import { seededRandom } from '@chirp/core';
import { createKafka } from '@chirp/streams';
import { waitFor } from '@chirp/testkit';
import { ApiClient } from './api-client.ts';
import { ChaosStack } from './chaos-stack.ts';
import { inject, planFaults, type FaultKind, type FaultRecord } from './faults.ts';
import { checkInvariants, totalLag, type CheckRow } from './invariants.ts';
import { Model } from './model.ts';
import { Workload, type WorkloadOptions } from './workload.ts';

export interface ChaosOptions extends Omit<WorkloadOptions, 'log' | 'seed'> {
  /** How many faults, in a seeded order that takes every kind once before any twice; or the faults themselves. */
  faults: number | FaultKind[];
  redisStopMs: number;
  seed: number;
  basePort: number;
  apiPort: number;
  /** Followers per fan-out chunk: small, so the celebrity's tweets are chunked. */
  chunkSize: number;
  timelineCap: number;
  /** How long the pipeline may take to drain once the faults are over. */
  drainTimeoutMs: number;
  /** `cluster`: 3 brokers, two instances of every worker and of the API (chaos/lib/chaos-stack.ts). */
  topology?: 'single' | 'cluster';
  log?: (line: string) => void;
}

export interface FaultResult extends FaultRecord {
  tweetsAcked: number;
  lost: number;
  duplicated: number;
  misplaced: number;
}

export interface ChaosResult {
  faults: FaultResult[];
  checks: CheckRow[];
  tweets: { posted: number; acked: number; unknown: number };
  /** Longest stretch without an acknowledged tweet during the workload, in seconds. */
  longestAckGapSeconds: number;
  refused: number;
  seconds: number;
}

/**
 * One chaos run: a private stack, the workload through the API while the planned faults strike one
 * after another at seeded moments, then a drain and every invariant against the model.
 */
export async function runChaos(o: ChaosOptions): Promise<ChaosResult> {
  const log = o.log ?? (() => undefined);
  const t0 = Date.now();
  const prefix = 'twitter.';
  const stack = new ChaosStack({
    basePort: o.basePort,
    apiPort: o.apiPort,
    topology: o.topology,
    prefix,
    partitions: 6,
    log,
    env: { FANOUT_CHUNK_SIZE: String(o.chunkSize), TIMELINE_CAP: String(o.timelineCap), PROCESSOR_RETRY_DELAY_MS: '500' },
  });
  // Ctrl-C or a SIGTERM must not leave the private broker, Redis and services running: a signal
  // death skips the `exit` handlers that reap children, so stop the stack first, then exit.
  const onSignal = (signal: NodeJS.Signals): void => {
    log(`› chaos: ${signal}, stopping the private stack…`);
    void stack.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failed = false; // a failed run keeps its logs
  try {
    log('› chaos: starting a private broker, Redis and every service…');
    await stack.start();
    await stack.waitApiReady();
    const api = new ApiClient({ baseUrl: stack.apiUrl });
    const model = new Model();
    const workload = new Workload(api, model, { ...o, seed: o.seed, log });
    log('› chaos: accounts and follows…');
    await workload.setup();
    const plan = typeof o.faults === 'number' ? planFaults({ count: o.faults, redisStopMs: o.redisStopMs, seed: o.seed }) : o.faults;
    const duration = (o.tweets / o.rate) * 1000;
    const rand = seededRandom(o.seed + 1);
    const started = Date.now();
    log(`› chaos: ${o.tweets} tweets at ${o.rate}/s with ${plan.length} faults…`);
    const running = workload.run();
    // Progress every 30 s: how far the workload got and the rate it reaches on this machine.
    const progress = setInterval(() => {
      const s = (Date.now() - started) / 1000;
      log(`  … ${s.toFixed(0)} s: ${workload.posted} posted, ${model.tweets.size} acked (${(workload.posted / s).toFixed(1)}/s)`);
    }, 30_000).unref();
    const records: FaultRecord[] = [];
    for (let i = 0; i < plan.length; i++) {
      const due = started + duration * (0.05 + (0.85 * i) / plan.length) + rand() * (duration / plan.length) * 0.3;
      if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
      const at = (Date.now() - started) / 1000;
      await inject(stack, plan[i]!, o, rand);
      const lasted = (Date.now() - started) / 1000 - at;
      records.push({ fault: plan[i]!, at, lasted });
      log(`  ${String(i + 1).padStart(2)} ${plan[i]!.padEnd(18)} at ${at.toFixed(1)} s, back after ${lasted.toFixed(1)} s (acked ${model.tweets.size} tweets)`);
    }
    await running.finally(() => clearInterval(progress));
    log(`› chaos: workload done (${model.tweets.size} acked, ${workload.unknown} unknown); draining…`);
    const kafka = createKafka({ brokers: stack.brokers, clientId: 'chaos-drain' });
    await waitFor(async () => (await totalLag(kafka, prefix)) === 0, { what: 'every group to catch up', timeoutMs: o.drainTimeoutMs, intervalMs: 1000 });
    log('› chaos: checking invariants…');
    const checks = await checkInvariants(api, model, {
      brokers: stack.brokers,
      redisUrl: stack.redisUrl,
      redisClusterNodes: stack.redisClusterNodes,
      prefix,
      timelineCap: o.timelineCap,
      log,
    });
    failed = checks.some((c) => c.lost + c.duplicated + c.misplaced > 0);
    return {
      faults: attribute(records, checks, model, started),
      checks,
      tweets: { posted: workload.posted, acked: model.tweets.size, unknown: workload.unknown },
      longestAckGapSeconds: workload.longestAckGapMs / 1000,
      refused: model.refused,
      seconds: (Date.now() - t0) / 1000,
    };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stack.stop(failed);
  }
}

/** Lays each failing tweet against the fault whose window (start to 10 s after recovery) holds its creation. */
function attribute(records: FaultRecord[], checks: CheckRow[], model: Model, started: number): FaultResult[] {
  const out = records.map((r) => ({ ...r, tweetsAcked: 0, lost: 0, duplicated: 0, misplaced: 0 }));
  const windowOf = (ms: number): FaultResult | undefined => {
    const s = (ms - started) / 1000;
    return out.find((r) => s >= r.at - 1 && s <= r.at + r.lasted + 10);
  };
  for (const t of model.tweets.values()) {
    const w = windowOf(Date.parse(t.createdAt));
    if (w) w.tweetsAcked++;
  }
  for (const c of checks) {
    for (const f of c.tweets) {
      const t = model.tweets.get(f.id);
      const w = t ? windowOf(Date.parse(t.createdAt)) : undefined;
      if (w) w[f.kind]++;
    }
  }
  return out;
}

export function formatChaos(r: ChaosResult): string {
  const lines: string[] = [];
  lines.push('| # | fault | at (s) | back after (s) | tweets acked in window | lost | duplicated | misplaced |');
  lines.push('|---|---|---|---|---|---|---|---|');
  r.faults.forEach((f, i) =>
    lines.push(`| ${i + 1} | ${f.fault} | ${f.at.toFixed(1)} | ${f.lasted.toFixed(1)} | ${f.tweetsAcked} | ${f.lost} | ${f.duplicated} | ${f.misplaced} |`),
  );
  lines.push('');
  lines.push('| what was checked | checked | lost | duplicated | misplaced | examples |');
  lines.push('|---|---|---|---|---|---|');
  for (const c of r.checks) lines.push(`| ${c.check} | ${c.checked} | ${c.lost} | ${c.duplicated} | ${c.misplaced} | ${c.examples.join('; ')} |`);
  const sum = (k: 'lost' | 'duplicated' | 'misplaced'): number => r.checks.reduce((s, c) => s + c[k], 0);
  lines.push('');
  lines.push(
    `tweets: ${r.tweets.posted} posted, ${r.tweets.acked} acknowledged, ${r.tweets.unknown} unknown outcome; refused requests: ${r.refused}; ` +
      `longest gap between acknowledged tweets ${r.longestAckGapSeconds.toFixed(1)} s; ${r.faults.length} faults; total lost ${sum('lost')}, duplicated ${sum('duplicated')}, misplaced ${sum('misplaced')}; ${r.seconds.toFixed(0)} s`,
  );
  return lines.join('\n');
}
