import { loadConfig, timelineEnv } from '@chirp/core';
import { runMain } from '@chirp/telemetry';
import { createWorkerRuntime, startWorker } from '@chirp/worker';
import { createGraph } from './graph.ts';

const rt = createWorkerRuntime('graph');
const { TIMELINE_CAP } = loadConfig(timelineEnv);
await runMain(rt.logger, () => startWorker(rt, createGraph(rt, TIMELINE_CAP), rt.config.METRICS_PORT ?? 9105));
