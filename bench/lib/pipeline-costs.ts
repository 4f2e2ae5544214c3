import type { MachineWindow } from './pipeline-proc.ts';
import { round } from './pipeline-stats.ts';

/** CPU a process spends per tweet. */
export interface TweetCost {
  /** All threads, ms per tweet. */
  cpuMs: number;
  /** The main thread (a node event loop, Redis' command thread): its ceiling is one core. */
  mainMs: number;
  /** What the process burned before any load, % of one core (subtracted for the shared broker only). */
  idlePct: number;
}

export interface Projection {
  /** Sum over the pipeline's processes (workers, Redis, Kafka, the API). */
  cpuMsPerTweet: number;
  /** Tweets/s the pipeline would sustain with every core to itself: (cores − broker idle) / cost. */
  machinePerSec: number;
  /** Tweets/s at which each single-threaded part would fill its one core. */
  perProcessPerSec: Record<string, number>;
  /** The lower of the above: what gives out first. */
  limit: string;
  limitPerSec: number;
}

/** Processes whose work grows with the tweet rate; the benchmark's own and wrk are harness. */
const PIPELINE = ['saver', 'fanout', 'tagger', 'redis', 'kafka (shared)', 'api'];
/** Multi-threaded: their limit is the machine, not one core. */
const MULTI_THREADED = new Set(['kafka (shared)']);
const SHARED = new Set(['kafka (shared)']);

/**
 * Contention-proof throughput estimate. CPU seconds per tweet barely depend on how much CPU other
 * jobs take, while rates do: on a shared machine this is the number to trust. Workers are charged
 * per message they handled; Redis and Kafka per tweet that went through (the mean of the groups);
 * the API per tweet produced, on both paths: on the Kafka path it posts none but still reads every
 * tweet into its search index (services/api/src/search-index.ts), CPU the pipeline's cores pay.
 * The shared broker also serves other people's clients: its CPU before the load is subtracted.
 * Our own processes keep their small fixed cost (polling, metrics) in the figure, which errs on
 * the safe side.
 */
export function tweetCosts(
  load: MachineWindow,
  idle: MachineWindow,
  handled: Record<string, number>,
  produced: number,
  seconds: number,
): { costs: Record<string, TweetCost>; projection: Projection } {
  const groups = ['saver', 'fanout', 'tagger'];
  const through = groups.reduce((s, g) => s + (handled[g] ?? 0), 0) / groups.length;
  const costs: Record<string, TweetCost> = {};
  for (const name of PIPELINE) {
    const w = load.processes[name];
    if (!w) continue;
    const tweets = groups.includes(name) ? (handled[name] ?? 0) : name === 'api' ? produced : through;
    if (tweets <= 0) continue;
    const idlePct = idle.processes[name]?.cpuPct ?? 0;
    const fixed = SHARED.has(name) ? (idlePct / 100) * seconds : 0;
    const marginal = (cpu: number): number => Math.max(0, ((cpu - fixed) * 1000) / tweets);
    costs[name] = { cpuMs: round(marginal(w.cpuSeconds), 3), mainMs: round(marginal(w.mainCpuSeconds), 3), idlePct: round(idlePct, 1) };
  }
  const entries = Object.entries(costs);
  const cpuMsPerTweet = entries.reduce((s, [, c]) => s + c.cpuMs, 0);
  const idleCores = entries.reduce((s, [name, c]) => s + (SHARED.has(name) ? c.idlePct / 100 : 0), 0);
  const machinePerSec = cpuMsPerTweet > 0 ? (1000 * (load.cores - idleCores)) / cpuMsPerTweet : Infinity;
  const perProcessPerSec: Record<string, number> = {};
  for (const [name, c] of entries) {
    if (!MULTI_THREADED.has(name) && c.mainMs > 0) perProcessPerSec[name] = Math.round(1000 / c.mainMs);
  }
  let limit = 'machine (all cores)';
  let limitPerSec = machinePerSec;
  for (const [name, rate] of Object.entries(perProcessPerSec)) {
    if (rate < limitPerSec) {
      limit = `${name} (one core)`;
      limitPerSec = rate;
    }
  }
  return {
    costs,
    projection: {
      cpuMsPerTweet: round(cpuMsPerTweet, 3),
      machinePerSec: Math.round(machinePerSec),
      perProcessPerSec,
      limit,
      limitPerSec: Math.round(limitPerSec),
    },
  };
}
