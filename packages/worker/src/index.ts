export * from './worker-runtime.ts';
export * from './health.ts';
export * from './e2e-latency.ts';
