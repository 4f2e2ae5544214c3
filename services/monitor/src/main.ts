import { loadConfig } from '@chirp/core';
import { closeAll, createLogger, createRegistry, runMain } from '@chirp/telemetry';
import { DEFAULT_METRICS_PORT, groupOutputs, MONITOR_ENV } from './config.ts';
import { startMonitorServer } from './http-server.ts';
import { createMonitorKafka } from './kafka-client.ts';
import { LagMonitor } from './lag-monitor.ts';

const config = loadConfig(MONITOR_ENV);
const logger = createLogger('monitor', config.LOG_LEVEL);

await runMain(logger, async () => {
  const registry = createRegistry('monitor');
  const kafka = createMonitorKafka({ brokers: config.KAFKA_BROKERS, clientId: config.KAFKA_CLIENT_ID ?? 'chirp-monitor', logger });
  const monitor = new LagMonitor({
    kafka,
    prefix: config.TOPIC_PREFIX,
    intervalMs: config.MONITOR_INTERVAL_MS,
    scrapeTargets: config.MONITOR_SCRAPE_TARGETS,
    registry,
    logger,
    groupOutputs: groupOutputs(config.TOPIC_PREFIX),
  });
  const server = await startMonitorServer({
    port: config.METRICS_PORT ?? DEFAULT_METRICS_PORT,
    registry,
    report: () => monitor.report(),
    processors: () => monitor.processors(),
    ready: () => monitor.ready(),
  });
  monitor.start();
  logger.info(
    { metricsPort: server.port, prefix: config.TOPIC_PREFIX, intervalMs: config.MONITOR_INTERVAL_MS, scrapeTargets: config.MONITOR_SCRAPE_TARGETS },
    'monitor started',
  );
  let closing: Promise<void> | undefined;
  return {
    close() {
      closing ??= closeAll(logger, [
        ['monitor', () => monitor.close()],
        ['http', () => server.close()],
      ]);
      return closing;
    },
  };
});
