import type { Redis } from 'ioredis';

export interface CommandCounter {
  /** Commands sent since the last reset: each is one write to the socket. */
  readonly count: number;
  reset(): void;
  restore(): void;
}

/** Counts the commands a client sends, to assert how many Redis round trips a read costs. */
export function countRedisCommands(redis: Redis): CommandCounter {
  const original = redis.sendCommand.bind(redis);
  let count = 0;
  redis.sendCommand = (...args: Parameters<typeof original>) => {
    count++;
    return original(...args);
  };
  return {
    get count() {
      return count;
    },
    reset: () => void (count = 0),
    restore: () => void (redis.sendCommand = original),
  };
}
