import { loadConfig, notifyEnv } from '@chirp/core';
import { runMain } from '@chirp/telemetry';
import { createWorkerRuntime, startWorker } from '@chirp/worker';
import { createNotify } from './notify.ts';

const rt = createWorkerRuntime('notify');
const { NOTIFICATIONS_CAP } = loadConfig(notifyEnv);
await runMain(rt.logger, () => startWorker(rt, createNotify(rt, { cap: NOTIFICATIONS_CAP }), rt.config.METRICS_PORT ?? 9110));
