import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { startRedis } from '@chirp/stack/redis-server';
import { createTestContext, freePort, waitFor } from '@chirp/testkit';
import { createLogger, createRegistry } from '@chirp/telemetry';
import { Emitter, input, jsonCodec, Processor } from '@chirp/streams';

// Defect 1 of issue 11: an unavailable dependency must never count against a message. `npm test`
// runs a short outage; `npm run test:outage` the long one (CHIRP_OUTAGE_SECONDS=600).
const OUTAGE_SECONDS = Number(process.env.CHIRP_OUTAGE_SECONDS ?? 20);
const ctx = await createTestContext({ partitions: 3 });
const codec = jsonCodec(z.object({ n: z.number().int() }));

describe('a dependency outage while messages flow', () => {
  it(
    `pauses instead of retrying: a ${OUTAGE_SECONDS} s Redis outage sends nothing to retry or DLQ, and every message is handled once it is back`,
    async () => {
      // A redis-server of the test's own, so it can be stopped (the shared one never is).
      const dir = mkdtempSync(join(tmpdir(), 'chirp-outage-redis-'));
      ctx.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
      const redisOptions = { dataDir: dir, logFile: join(dir, 'redis.log'), port: await freePort() };
      let redisServer = await startRedis(redisOptions);
      ctx.onCleanup(() => redisServer.stop());
      // The worker's own client settings (packages/store createRedis): fail commands fast while Redis is away.
      const redis = new Redis(`redis://127.0.0.1:${redisOptions.port}`, { maxRetriesPerRequest: 2, retryStrategy: (times) => Math.min(50 * 2 ** times, 2000) });
      redis.on('error', () => undefined);
      ctx.onCleanup(() => redis.disconnect());
      const topic = ctx.topics.newTweets;
      const handled = new Map<number, Set<string>>(); // partition → offsets handled
      const p = new Processor({
        kafka: ctx.kafka,
        groupId: `${ctx.prefix}outage`,
        inputs: [
          input(topic, codec, async (m) => {
            await redis.set(`${ctx.redisPrefix}n:${m.value.n}`, m.offset);
            const set = handled.get(m.partition) ?? new Set<string>();
            set.add(m.offset);
            handled.set(m.partition, set);
          }),
        ],
        registry: createRegistry('outage'),
        logger: createLogger('test', 'silent'),
        concurrency: 4,
        // Tight: with attempts counted, these dead-letter a message within seconds of the outage.
        failure: { retries: 1, retryBaseMs: 10, retryRounds: 1, retryTopicDelayMs: 100 },
      });
      ctx.onCleanup(() => p.close());
      await p.start();
      const emitter = new Emitter({ producer: await ctx.producer(), topic, codec });
      let sent = 0;
      const send = async (count: number): Promise<void> => {
        await emitter.emitMany(Array.from({ length: count }, () => ({ key: `k${sent % 9}`, value: { n: sent++ } })));
      };
      const handledCount = (): number => [...handled.values()].reduce((s, set) => s + set.size, 0);
      await send(30);
      await waitFor(() => handledCount() === 30, { what: '30 handled before the outage' });

      await redisServer.stop();
      const outageEnd = Date.now() + OUTAGE_SECONDS * 1000;
      await send(5);
      await waitFor(() => p.waitingOnDependency(), { what: 'a partition paused on the dependency' });
      expect(p.paused().every((x) => x.reason === 'dependency')).toBe(true);
      while (Date.now() < outageEnd) {
        await send(5);
        await new Promise((r) => setTimeout(r, Math.min(1000, outageEnd - Date.now()))); // the fault's duration, not a wait for a condition
      }
      // Offsets are never committed past a message that was not handled.
      const admin = ctx.kafka.admin();
      await admin.connect();
      ctx.onCleanup(() => admin.disconnect());
      const [during] = await admin.fetchOffsets({ groupId: p.groupId, topics: [topic] });
      for (const { partition, offset } of during!.partitions) {
        const committed = Number(offset);
        for (let o = 0; o < committed; o++)
          expect(handled.get(partition)?.has(String(o)), `partition ${partition} offset ${o} committed but not handled`).toBe(true);
      }
      const failuresDuring = await highSum(admin, [p.retryTopic, p.deadLetterTopic]);

      redisServer = await startRedis(redisOptions);
      await waitFor(() => handledCount() === sent, { what: `all ${sent} messages handled after the outage`, timeoutMs: 60_000 });
      expect(failuresDuring).toBe(0);
      expect(await highSum(admin, [p.retryTopic, p.deadLetterTopic])).toBe(0);
      const after = await waitFor(
        async () => {
          const [o] = await admin.fetchOffsets({ groupId: p.groupId, topics: [topic] });
          const sum = o!.partitions.reduce((s, x) => s + Math.max(0, Number(x.offset)), 0);
          return sum === sent ? sum : 0;
        },
        { what: 'committed offsets to cover every message' },
      );
      expect(after).toBe(sent);
    },
    120_000 + OUTAGE_SECONDS * 1000,
  );
});

async function highSum(admin: ReturnType<typeof ctx.kafka.admin>, topics: string[]): Promise<number> {
  let sum = 0;
  for (const t of topics) for (const o of await admin.fetchTopicOffsets(t)) sum += Number(o.high);
  return sum;
}
