import { analyticsEnv, loadConfig } from '@chirp/core';
import { PreferencesStore } from '@chirp/store';
import { CLICK_WEIGHTS, ForwardDecay } from '@chirp/analytics';
import { StatefulProcessor } from '@chirp/streams';
import { createWorkerRuntime, e2eObserver, startWorker } from '@chirp/worker';
import { runMain } from '@chirp/telemetry';
import { analyticsGroup } from './analytics-group.ts';

const rt = createWorkerRuntime('analytics');
const config = loadConfig(analyticsEnv);
await runMain(rt.logger, async () => {
  const prefs = new PreferencesStore(rt.redis, rt.keys);
  const { graph } = analyticsGroup({
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
  });
  const processor = new StatefulProcessor({
    kafka: rt.kafka,
    graph,
    registry: rt.registry,
    logger: rt.logger,
    concurrency: rt.concurrency,
    failure: rt.failure,
  });
  return startWorker(rt, processor, rt.config.METRICS_PORT ?? 9104);
});
