export * from './logger.ts';
export * from './metrics.ts';
export * from './metrics-server.ts';
export * from './lifecycle.ts';
export * from './prom-text.ts';
export * from './histogram.ts';
