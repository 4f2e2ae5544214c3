export * from './forward-decay.ts';
export * from './window-counts.ts';
export * from './click-weights.ts';
export * from './user-state.ts';
export * from './for-you.ts';
export * from './analytics-reads.ts';
