export * from './keys.ts';
export * from './redis.ts';
export * from './scripts.ts';
export * from './paging.ts';
export * from './tweet-store.ts';
export * from './timeline-store.ts';
export * from './graph-store.ts';
