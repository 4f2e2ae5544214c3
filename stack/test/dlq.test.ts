import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChirpError, retryTopic, tweetSchema } from '@chirp/core';
import { Emitter, highWatermarks, input, jsonCodec, Processor } from '@chirp/streams';
import { createLogger, createRegistry } from '@chirp/telemetry';
import { createTestContext, waitFor } from '@chirp/testkit';
import { listDeadLetters, replayDeadLetters } from '../dlq-tool.ts';
import { ROOT } from '../paths.ts';

const ctx = await createTestContext({ partitions: 2 });
const groupId = `${ctx.prefix}demo`;
const logger = createLogger('dlq-test', 'silent');

const dlqCli = (...args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'stack', 'dlq.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...ctx.env() },
    encoding: 'utf8',
  });

describe('npm run dlq', () => {
  it('lists dead letters, replays them once the cause is fixed, and a second replay moves nothing', async () => {
    let broken = true;
    const handled: string[] = [];
    const processor = new Processor({
      kafka: ctx.kafka,
      groupId,
      registry: createRegistry('dlq-test'),
      logger,
      failure: { retries: 0, retryRounds: 0, retryBaseMs: 1, retryTopicDelayMs: 1 },
      inputs: [
        input(ctx.topics.newTweets, jsonCodec(tweetSchema), async ({ value }) => {
          if (broken) throw new ChirpError('VALIDATION', `tweet ${value.id} hits a bug`);
          handled.push(value.id);
        }),
      ],
    });
    ctx.onCleanup(() => processor.close());
    await processor.start();
    const tweets = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec: jsonCodec(tweetSchema) });
    const ids = ['d1', 'd2', 'd3'];
    await tweets.emitMany(ids.map((id, i) => ({ key: `u${i}`, value: { id, author: `u${i}`, text: 'boom', createdAt: new Date().toISOString() } })));

    const letters = await waitFor(
      async () => {
        const l = await listDeadLetters({ kafka: ctx.kafka, groupId, logger });
        return l.length === 3 ? l : undefined;
      },
      { what: 'three dead letters', timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(letters.every((l) => !l.replayed && l.originalTopic === ctx.topics.newTweets && l.errorCode === 'VALIDATION')).toBe(true);
    expect(dlqCli('list', 'demo')).toContain('3 dead letters in');

    broken = false; // the cause is fixed
    expect(await replayDeadLetters({ kafka: ctx.kafka, groupId, logger })).toEqual({ replayed: 3, skipped: 0 });
    await waitFor(() => ids.every((id) => handled.includes(id)), { what: 'the replayed tweets handled', timeoutMs: 30_000, intervalMs: 100 });
    const retryMark = async (): Promise<bigint> => [...(await highWatermarks(ctx.kafka, retryTopic(groupId))).values()].reduce((s, m) => s + m.high, 0n);
    const afterFirst = await retryMark();

    // Replaying twice changes nothing: no message moved, every letter marked replayed.
    expect(dlqCli('replay', 'demo')).toContain('replayed 0 dead letters');
    expect(await replayDeadLetters({ kafka: ctx.kafka, groupId, logger })).toEqual({ replayed: 0, skipped: 3 });
    expect(await retryMark()).toBe(afterFirst);
    expect((await listDeadLetters({ kafka: ctx.kafka, groupId, logger })).every((l) => l.replayed)).toBe(true);
    expect(dlqCli('list', demoName())).toContain('3 dead letters in');
    expect([...handled].sort()).toEqual(ids);
  }, 90_000);
});

/** The full group id works as well as the worker name. */
function demoName(): string {
  return groupId;
}
