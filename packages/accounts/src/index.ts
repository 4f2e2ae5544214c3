export * from './password.ts';
export * from './tokens.ts';
export * from './applier.ts';
