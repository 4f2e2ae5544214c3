import { describe, expect, it } from 'vitest';
import { formatChaos, runChaos } from '../lib/run-chaos.ts';

// `npm run test:cluster -- --project cluster chaos`: the cluster topology (3 KRaft brokers with RF 3
// and min.insync.replicas 2, a Redis Cluster of 3 masters with a replica each, two instances of
// every worker, two APIs behind a round-robin front) under a steady load of posts while a broker
// and a Redis master are killed -9 and one instance of each worker is killed or stopped. Every
// acknowledged tweet must end up in every follower's timeline exactly once.
describe('cluster topology under faults', () => {
  it('a broker and a Redis master killed -9, one instance of each worker stopped: posting keeps answering, nothing lost or doubled', async () => {
    const result = await runChaos({
      topology: 'cluster',
      // Long enough that the load goes on through every fault (each worker fault waits for the group
      // to move the partitions: ~15 s).
      tweets: 1100,
      rate: 5,
      faults: ['broker-kill', 'sigkill:fanout', 'redis-master-kill', 'sigterm:saver', 'sigkill:tagger', 'sigterm:graph', 'sigkill:analytics', 'sigterm:notify'],
      users: 30,
      celebrityFollowers: 120,
      followsPerUser: 5,
      concurrency: 8,
      redisStopMs: 0,
      seed: 16,
      // Below the kernel's ephemeral range (32768-60999), buses (Redis +10000) included: a broker
      // restarted on its port must not find it taken by some client's outgoing connection.
      basePort: 21092,
      apiPort: 21300,
      chunkSize: 40,
      timelineCap: 800,
      drainTimeoutMs: 240_000,
      log: (line) => console.log(line),
    });
    console.log(formatChaos(result));
    expect(result.refused).toBe(0);
    expect(result.tweets.acked).toBeGreaterThan(1000);
    expect(result.faults.map((f) => f.fault)).toContain('redis-master-kill');
    // A broker or Redis failover costs a few seconds of 503 at most; with one broker gone the other two stay in sync.
    expect(result.longestAckGapSeconds).toBeLessThan(15);
    for (const c of result.checks) {
      expect({ check: c.check, lost: c.lost, duplicated: c.duplicated, misplaced: c.misplaced, examples: c.examples }).toEqual({
        check: c.check,
        lost: 0,
        duplicated: 0,
        misplaced: 0,
        examples: [],
      });
      expect(c.checked).toBeGreaterThan(0);
    }
  }, 900_000);
});
