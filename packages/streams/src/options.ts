import { ChirpError } from '@chirp/core';

export interface FailureOptions {
  /** Attempts in place after the first failure, with backoff, before leaving the partition. */
  retries: number;
  /** Base delay of the in-place backoff. */
  retryBaseMs: number;
  /** Rounds through the group's retry topic before the dead-letter topic. 0 = straight to DLQ. */
  retryRounds: number;
  /** Delay before a message from the retry topic is tried again (grows per round). */
  retryTopicDelayMs: number;
}

export const DEFAULT_FAILURE: FailureOptions = {
  retries: 3,
  retryBaseMs: 100,
  retryRounds: 2,
  retryTopicDelayMs: 1000,
};

export function checkInt(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new ChirpError('CONFIG', `${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}
