import { followEventSchema } from '@chirp/core';
import { GraphStore } from '@chirp/store';
import { input, jsonCodec, type Processor } from '@chirp/streams';
import { e2eObserver, workerProcessor, type WorkerRuntime } from '@chirp/worker';

/**
 * The graph group applies follow/unfollow events to followers:/following: and merges (or removes)
 * the target's recent tweets in the follower's timeline. Kafka keeps the graph as a compacted log,
 * so Redis can be rebuilt from it; the API never writes Redis.
 */
export function createGraph(rt: WorkerRuntime, timelineCap: number): Processor {
  const graph = new GraphStore(rt.redis, rt.keys, timelineCap);
  const observeLatency = e2eObserver(rt.registry, 'graph_applied');
  return workerProcessor(rt, [
    input(rt.topics.follows, jsonCodec(followEventSchema), async ({ value: e }) => {
      // Last writer wins per edge by event time: a follow retried after a later unfollow changes nothing.
      if (e.action === 'follow') await graph.follow(e.user, e.target, Date.parse(e.at));
      else await graph.unfollow(e.user, e.target, Date.parse(e.at));
      observeLatency(e.at);
    }),
  ]);
}
