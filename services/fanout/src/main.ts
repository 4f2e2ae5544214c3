import { loadConfig, timelineEnv } from '@chirp/core';
import { closeAll, runMain } from '@chirp/telemetry';
import { createWorkerRuntime, startWorker } from '@chirp/worker';
import { createFanout } from './fanout-processor.ts';

const rt = createWorkerRuntime('fanout');
const config = loadConfig(timelineEnv);
await runMain(rt.logger, async () => {
  const { processor, producer } = createFanout(rt, {
    timelineCap: config.TIMELINE_CAP,
    chunkSize: config.FANOUT_CHUNK_SIZE,
    pullThreshold: config.FANOUT_PULL_THRESHOLD,
    walkPageSize: config.SOCIAL_WALK_PAGE_SIZE,
  });
  await producer.connect();
  const worker = await startWorker(rt, processor, rt.config.METRICS_PORT ?? 9102);
  return {
    close: () =>
      closeAll(rt.logger, [
        ['worker', () => worker.close()],
        ['producer', () => producer.disconnect()],
      ]),
  };
});
