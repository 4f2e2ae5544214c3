import type { Redis } from 'ioredis';

export interface CommandCounter {
  /** Commands sent since the last reset: each is one write to the socket. */
  readonly count: number;
  /**
   * Round trips: commands issued in the same tick count once, as ioredis's auto-pipelining sends
   * them in one write (it flushes on the next tick).
   */
  readonly roundTrips: number;
  reset(): void;
  restore(): void;
}

/** Counts the commands a client sends, to assert how many Redis round trips a read costs. */
export function countRedisCommands(redis: Redis): CommandCounter {
  const original = redis.sendCommand.bind(redis);
  let count = 0;
  let roundTrips = 0;
  let inTick = false;
  redis.sendCommand = (...args: Parameters<typeof original>) => {
    count++;
    if (!inTick) {
      roundTrips++;
      inTick = true;
      process.nextTick(() => (inTick = false));
    }
    return original(...args);
  };
  return {
    get count() {
      return count;
    },
    get roundTrips() {
      return roundTrips;
    },
    reset: () => void ((count = 0), (roundTrips = 0)),
    restore: () => void (redis.sendCommand = original),
  };
}
