import { describe, expect, it } from 'vitest';
import { formatChaos, runChaos } from '../lib/run-chaos.ts';

// The short form of `npm run chaos`: one of each kind of fault that matters most, a few thousand
// tweets, on a private broker and Redis (the faults kill them), within about five minutes.
describe('chaos (short form)', () => {
  it('loses, duplicates and misplaces nothing the API acknowledged across worker, API, broker and Redis faults', async () => {
    const result = await runChaos({
      tweets: 1500,
      rate: 15,
      faults: ['sigkill:fanout', 'sigterm:graph', 'sigkill:api', 'broker-kill', 'redis-stop', 'sigkill:analytics', 'redis-kill9', 'sigkill:saver'],
      users: 30,
      celebrityFollowers: 120,
      followsPerUser: 5,
      concurrency: 8,
      redisStopMs: 20_000,
      seed: 11,
      basePort: 26092,
      apiPort: 26300,
      chunkSize: 40,
      timelineCap: 800,
      drainTimeoutMs: 180_000,
      log: (line) => console.log(line),
    });
    console.log(formatChaos(result));
    expect(result.refused).toBe(0);
    expect(result.tweets.acked).toBeGreaterThan(1000);
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
  }, 420_000);
});
