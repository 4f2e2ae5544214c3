import { startMetricsServer, type MetricsServer, type Registry } from '@chirp/telemetry';
import type { LagReport } from './lag-report.ts';
import type { ProcessorsReport } from './processors.ts';

export interface MonitorServerOptions {
  port: number;
  host?: string;
  registry: Registry;
  report: () => LagReport | undefined;
  /** Undefined (503) before the first read. */
  processors?: () => ProcessorsReport | undefined;
  ready: () => boolean;
}

export type MonitorServer = MetricsServer;

/** `/metrics`, `/lag.json`, `/processors.json`, `/healthz` (alive) and `/readyz` (the cluster was read recently). */
export function startMonitorServer(options: MonitorServerOptions): Promise<MonitorServer> {
  return startMetricsServer({
    registry: options.registry,
    port: options.port,
    host: options.host,
    ready: options.ready,
    routes: {
      '/lag.json': () => {
        const report = options.report();
        return report ? { status: 200, body: report } : { status: 503, body: { error: 'the cluster has not been read yet' } };
      },
      '/processors.json': () => {
        const report = options.processors?.();
        return report ? { status: 200, body: report } : { status: 503, body: { error: 'the cluster has not been read yet' } };
      },
    },
  });
}
