export * from './context.ts';
export * from './service-process.ts';
export * from './wait.ts';
export * from './redis-counter.ts';
export * from './accounts.ts';
export * from './produce-counter.ts';
export * from './free-port.ts';
export * from './timelines.ts';
