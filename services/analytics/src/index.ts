export * from './click-weights.ts';
export * from './user-state.ts';
export * from './analytics-group.ts';
