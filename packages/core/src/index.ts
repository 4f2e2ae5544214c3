export * from './errors.ts';
export * from './text.ts';
export * from './tags.ts';
export * from './schemas.ts';
export * from './topics.ts';
export * from './config.ts';
export * from './ids.ts';
export * from './prng.ts';
