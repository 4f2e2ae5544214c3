export * from './access.ts';
export * from './protocol.ts';
export * from './server.ts';
export * from './positions.ts';
export * from './events.ts';
