import { analyticsEnv, groupId, loadConfig } from '@chirp/core';
import { PreferencesStore } from '@chirp/store';
import { CLICK_WEIGHTS, ForwardDecay } from '@chirp/analytics';
import { StatefulProcessor } from '@chirp/streams';
import { createWorkerRuntime, e2eObserver, startWorker } from '@chirp/worker';
import { runMain } from '@chirp/telemetry';
import { analyticsGroup } from './analytics-group.ts';
import { TaggerProgress } from './tagger-progress.ts';

const rt = createWorkerRuntime('analytics');
const config = loadConfig(analyticsEnv);
await runMain(rt.logger, async () => {
  const prefs = new PreferencesStore(rt.redis, rt.keys);
  const { graph, tags } = analyticsGroup({
    group: rt.groupId,
    clicksTopic: rt.topics.clicks,
    tweetTagsTopic: rt.topics.tweetTags,
    model: {
      decay: new ForwardDecay({ halfLifeMs: config.ANALYTICS_HALF_LIFE_HOURS * 3600_000, landmarkMs: Date.parse(config.ANALYTICS_DECAY_LANDMARK) }),
      weights: CLICK_WEIGHTS,
      trendWindowMinutes: config.ANALYTICS_TREND_WINDOW_MINUTES,
    },
    mirror: (entries) => prefs.write(entries.map(({ key, value }) => ({ user: key, scores: value.affinity }))),
    observeLatency: e2eObserver(rt.registry, 'analysed'),
    verdictPending: (tweetId, clickAt) => tagger.check(tweetId, clickAt),
  });
  const processor = new StatefulProcessor({
    kafka: rt.kafka,
    graph,
    registry: rt.registry,
    logger: rt.logger,
    concurrency: rt.concurrency,
    failure: rt.failure,
  });
  // Asked only when a click finds no verdict (handlers run after start, when both exist).
  const tagger = new TaggerProgress({
    kafka: rt.kafka,
    newTweetsTopic: rt.topics.newTweets,
    taggerGroup: groupId(rt.config.TOPIC_PREFIX, 'tagger'),
    view: () => processor.lookupView(tags),
  });
  const worker = await startWorker(rt, processor, rt.config.METRICS_PORT ?? 9104);
  return { ...worker, close: () => worker.close().finally(() => tagger.close()) };
});
