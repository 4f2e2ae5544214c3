import type { FanoutChunkMessage } from '@chirp/core';
import type { Emitter } from '@chirp/streams';
import { createRegistry } from '@chirp/telemetry';
import type { TestContext } from '@chirp/testkit';
import type { WorkerRuntime } from '@chirp/worker';
import { Fanout, type FanoutOptions } from '../src/fanout.ts';

/**
 * A Fanout on the suite's Redis whose chunk messages are collected in `emitted` instead of produced
 * (the tests apply them by hand, in the order they choose).
 */
export function fanoutUnderTest(ctx: TestContext, options: FanoutOptions): { fanout: Fanout; emitted: FanoutChunkMessage[] } {
  const rt = { redis: ctx.redis, keys: ctx.keys, registry: createRegistry('fanout-test') } as unknown as WorkerRuntime;
  const emitted: FanoutChunkMessage[] = [];
  const chunks = {
    emitMany: async (messages: { value: FanoutChunkMessage }[]) => void emitted.push(...messages.map((m) => m.value)),
  } as unknown as Emitter<FanoutChunkMessage>;
  return { fanout: new Fanout(rt, options, chunks), emitted };
}
