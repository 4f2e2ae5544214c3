import { loadConfig, timelineEnv } from '@chirp/core';
import { runMain } from '@chirp/telemetry';
import { createWorkerRuntime, startWorker } from '@chirp/streams';
import { createFanout } from './fanout.ts';

const rt = createWorkerRuntime('fanout');
const { TIMELINE_CAP, FANOUT_CHUNK_SIZE } = loadConfig(timelineEnv);
await runMain(rt.logger, () =>
  startWorker(rt, createFanout(rt, { timelineCap: TIMELINE_CAP, chunkSize: FANOUT_CHUNK_SIZE }), rt.config.METRICS_PORT ?? 9102),
);
