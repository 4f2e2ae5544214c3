import { describe, expect, it } from 'vitest';
import { createTestContext } from '@chirp/testkit';
import { GraphStore } from '@chirp/store';
import { fanoutUnderTest } from './fanout-fixture.ts';

const ctx = await createTestContext();
const graph = new GraphStore(ctx.redis, ctx.keys, 800);
const { fanout, emitted } = fanoutUnderTest(ctx, { timelineCap: 800, chunkSize: 3, pullThreshold: 1000 });

describe('a tweet redelivered after its author crossed FANOUT_CHUNK_SIZE (issue 11, defect 6)', () => {
  it('is announced by the chunked fan-out although the inline one ran before', async () => {
    for (const fan of ['m1', 'm2', 'm3']) await graph.follow(fan, 'grow', Date.now() - 60_000);
    const tweet = { id: 'g1', author: 'grow', text: 'g1', createdAt: new Date().toISOString() };
    // First delivery: 3 followers, inline, completed, then the worker died before announcing it.
    expect(await fanout.plan(tweet)).toMatchObject({ mode: 'inline', completed: true });
    for (const fan of ['m4', 'm5']) await graph.follow(fan, 'grow', Date.now() - 30_000);
    // Redelivery: 5 followers now, so chunked; the last chunk applied must announce the delivery.
    expect(await fanout.plan(tweet)).toMatchObject({ mode: 'chunked', completed: false });
    expect(emitted).toHaveLength(2);
    const completed: boolean[] = [];
    for (const chunk of emitted) completed.push(await fanout.deliverChunk(chunk));
    expect(completed.filter(Boolean)).toHaveLength(1);
  });
});
