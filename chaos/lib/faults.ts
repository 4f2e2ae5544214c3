import { seededRandom } from '@chirp/core';
import type { ChaosService, ChaosStack } from './chaos-stack.ts';

export type FaultKind = `sigkill:${ChaosService}` | `sigterm:${ChaosService}` | 'broker-kill' | 'redis-stop' | 'redis-kill9' | 'redis-master-kill';

export interface FaultRecord {
  fault: FaultKind;
  /** Seconds after the workload started. */
  at: number;
  /** How long the fault lasted until everything was back, in seconds. */
  lasted: number;
}

export interface FaultPlanOptions {
  /** How many faults in all; every kind comes once before any comes twice. */
  count: number;
  /** How long Redis stays stopped in a `redis-stop` fault. */
  redisStopMs: number;
  seed: number;
}

const WORKERS: ChaosService[] = ['saver', 'fanout', 'tagger', 'graph', 'analytics'];

export function allFaultKinds(): FaultKind[] {
  return [
    ...WORKERS.map((w) => `sigkill:${w}` as const),
    'sigkill:api',
    'broker-kill',
    'redis-stop',
    ...WORKERS.map((w) => `sigterm:${w}` as const),
    'sigterm:api',
    'redis-kill9',
  ];
}

/** The faults of a run in a seeded order: each kind once (shuffled), then again, until `count`. */
export function planFaults(o: FaultPlanOptions): FaultKind[] {
  const rand = seededRandom(o.seed);
  const out: FaultKind[] = [];
  while (out.length < o.count) {
    const round = allFaultKinds();
    for (let i = round.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [round[i], round[j]] = [round[j]!, round[i]!];
    }
    out.push(...round.slice(0, o.count - out.length));
  }
  return out;
}

/** Injects one fault and brings the stack back; resolves once the API answers again. */
export async function inject(stack: ChaosStack, fault: FaultKind, o: Pick<FaultPlanOptions, 'redisStopMs'>, rand: () => number): Promise<void> {
  const [kind, target] = fault.split(':') as [string, ChaosService | undefined];
  const downMs = 500 + Math.floor(rand() * 2500);
  if (kind === 'sigkill' || kind === 'sigterm') {
    await stack.stopService(target!, kind === 'sigkill' ? 'SIGKILL' : 'SIGTERM');
    // On the cluster topology the other instance keeps running: stay down long enough for the
    // group to move this instance's partitions to it (a SIGKILL waits out the session timeout).
    await pause(stack.isCluster ? downMs + 10_000 : downMs);
    await stack.startService(target!);
  } else if (fault === 'broker-kill') {
    const node = stack.isCluster ? Math.floor(rand() * 3) : 0;
    await stack.killBroker(node);
    await pause(downMs + 3000);
    await stack.restartBroker(node);
  } else if ((fault === 'redis-stop' || fault === 'redis-kill9') && stack.isCluster) {
    throw new Error(`${fault} stops the single Redis; on the cluster topology use redis-master-kill`);
  } else if (fault === 'redis-stop') {
    await stack.stopRedis(true);
    await pause(o.redisStopMs);
    await stack.startRedis();
  } else if (fault === 'redis-master-kill') {
    // Redis Cluster: the replica is promoted while the old master is down; it comes back as a replica.
    const address = await stack.killRedisMaster();
    await pause(downMs + 6000);
    await stack.restartRedisNode(address);
  } else if (fault === 'redis-kill9') {
    await stack.stopRedis(false);
    await pause(downMs);
    await stack.startRedis();
  }
  await stack.waitApiReady();
}

function pause(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
