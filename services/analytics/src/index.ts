export * from './analytics-group.ts';
