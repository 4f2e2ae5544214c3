import { runMain } from '@chirp/telemetry';
import { createWorkerRuntime, startWorker } from '@chirp/worker';
import { createSaver } from './saver.ts';

const rt = createWorkerRuntime('saver');
await runMain(rt.logger, () => startWorker(rt, createSaver(rt), rt.config.METRICS_PORT ?? 9101));
