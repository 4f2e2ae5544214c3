import { loadConfig, taggerEnv } from '@chirp/core';
import { closeAll, runMain } from '@chirp/telemetry';
import { createWorkerRuntime, startWorker } from '@chirp/worker';
import { createTagger, taggerOptionsFromEnv } from '@chirp/tagging';
import { createTaggerProcessor } from './tagger.ts';
import { taggerMetrics } from './tagger-metrics.ts';

const rt = createWorkerRuntime('tagger');
const config = loadConfig(taggerEnv);
await runMain(rt.logger, async () => {
  const tagger = createTagger({ ...taggerOptionsFromEnv(config), onEvent: taggerMetrics(rt.registry) });
  rt.logger.info({ provider: tagger.provider, model: tagger.provider === 'local' ? null : config.TAGGER_MODEL }, 'tagger provider');
  const { processor, producer } = createTaggerProcessor(rt, tagger);
  await producer.connect();
  const worker = await startWorker(rt, processor, rt.config.METRICS_PORT ?? 9103);
  return {
    close: () =>
      closeAll(rt.logger, [
        ['worker', () => worker.close()],
        ['tagger', () => tagger.close()],
        ['producer', () => producer.disconnect()],
      ]),
  };
});
