import { describe, expect, it } from 'vitest';
import type { Kafka } from 'kafkajs';
import { ChirpError, SEARCH_MAX_TWEETS_DEFAULT } from '@chirp/core';
import { createLogger } from '@chirp/telemetry';
import { LogSearchIndex } from '../src/search-index.ts';

describe('LogSearchIndex before it caught up', () => {
  it('answers NOT_READY (a 503) with its progress, never an empty result', () => {
    // Never started: no Kafka is touched.
    const index = new LogSearchIndex({ kafka: {} as Kafka, topic: 'unused', logger: createLogger('search-unit', 'silent') });
    expect(index.progress()).toEqual({ ready: false, indexed: 0, total: 0, held: 0, max: SEARCH_MAX_TWEETS_DEFAULT });
    let error: unknown;
    try {
      index.search('kafka', 10);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChirpError);
    expect((error as ChirpError).code).toBe('NOT_READY');
    expect((error as ChirpError).message).toMatch(/0 of 0 tweets/);
  });

  it('refuses a bound that is not an integer of at least 2 (two generations of at least one)', () => {
    for (const maxTweets of [1, 0, -1, 2.5, Number.NaN])
      expect(() => new LogSearchIndex({ kafka: {} as Kafka, topic: 'unused', logger: createLogger('search-unit', 'silent'), maxTweets })).toThrow(
        /maxTweets must be an integer of at least 2/,
      );
  });
});
