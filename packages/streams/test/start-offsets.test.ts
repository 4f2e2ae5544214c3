import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestContext, waitFor } from '@chirp/testkit';
import { createLogger, createRegistry } from '@chirp/telemetry';
import { Emitter, input, jsonCodec, Processor } from '@chirp/streams';

// Defect 11 of issue 11: a group with no committed offset (new, or idle past offset retention)
// starts at the idempotency window, not at the beginning of a topic kept forever.
const ctx = await createTestContext({ partitions: 3 });
const codec = jsonCodec(z.object({ n: z.number().int() }));
const DAY = 24 * 3600 * 1000;

function processor(group: string, handled: number[], fromBeginning?: boolean): Processor {
  const p = new Processor({
    kafka: ctx.kafka,
    groupId: `${ctx.prefix}${group}`,
    inputs: [input(ctx.topics.newTweets, codec, async (m) => void handled.push(m.value.n))],
    registry: createRegistry(group),
    logger: createLogger('test', 'silent'),
    ...(fromBeginning === undefined ? {} : { fromBeginning }),
  });
  ctx.onCleanup(() => p.close());
  return p;
}

describe('a group with no committed offsets', () => {
  it('starts at the idempotency window (7 days), or at the beginning when told to (a rebuild)', async () => {
    const emitter = new Emitter({ producer: await ctx.producer(), topic: ctx.topics.newTweets, codec });
    const old = Date.now() - 10 * DAY;
    await emitter.emitMany(Array.from({ length: 6 }, (_, n) => ({ key: `k${n}`, value: { n }, timestamp: old + n })));
    await emitter.emitMany(Array.from({ length: 6 }, (_, i) => ({ key: `k${i}`, value: { n: 100 + i } })));

    const windowed: number[] = [];
    await processor('expired', windowed).start();
    await waitFor(() => windowed.length >= 6, { what: 'the six recent messages' });
    const rebuilt: number[] = [];
    await processor('rebuild', rebuilt, true).start();
    await waitFor(() => rebuilt.length >= 12, { what: 'all twelve from the beginning' });
    // The windowed group may not have handled more by now either: give it the same time the rebuild took.
    expect(windowed.sort((a, b) => a - b)).toEqual([100, 101, 102, 103, 104, 105]);
    expect(rebuilt.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 100, 101, 102, 103, 104, 105]);
  });
});
