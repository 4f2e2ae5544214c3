import { ChirpError, type Tag } from '@chirp/core';
import { createCircuitBreaker, type BreakerPermit } from './circuit-breaker.ts';
import type { BreakerState, FallbackReason, Provider, TaggerEvent, TaggerEventListener } from './events.ts';
import { createLocalTagger } from './local-tagger.ts';
import { createOpenAiTagger } from './openai-tagger.ts';
import { resolveTaggerOptions, type TaggerOptions } from './options.ts';

export interface TweetToTag {
  id: string;
  text: string;
}

export interface TagResult {
  tags: Tag[];
  /** Who actually tagged this tweet: 'local' also when the configured provider was bypassed. */
  provider: Provider;
  model: string | null;
}

export interface Tagger {
  /** The provider configured; a result's `provider` says who answered. */
  readonly provider: Provider;
  tag(tweet: TweetToTag): Promise<TagResult>;
  /** Same as `tag` for each tweet, sending up to `batchSize` tweets per provider call. */
  tagMany(tweets: readonly TweetToTag[]): Promise<TagResult[]>;
  /** For a gauge; null when no provider is configured. */
  breakerState(): BreakerState | null;
  /** Stops intake, ends provider calls in flight (their tweets are tagged locally) and waits for them. */
  close(): Promise<void>;
}

function checkTweet(tweet: unknown): asserts tweet is TweetToTag {
  const t = tweet as Partial<TweetToTag> | null;
  if (t === null || typeof t !== 'object' || typeof t.id !== 'string' || typeof t.text !== 'string') {
    throw new ChirpError('VALIDATION', 'a tweet to tag needs a string id and a string text', { field: 'tweet' });
  }
}

/**
 * The tagger the worker uses. Without a provider it tags locally. With one, calls go through a
 * circuit breaker; a call that fails after its retries, or a breaker that is open, hands the tweet
 * to the local tagger, so every tweet gets an answer. A successful half-open probe sends traffic back.
 */
export function createTagger(options: TaggerOptions = {}): Tagger {
  const opts = resolveTaggerOptions(options);
  const emit: TaggerEventListener = (event: TaggerEvent) => {
    try {
      opts.onEvent(event);
    } catch {
      // Metrics must never decide whether a tweet gets tagged.
    }
  };
  const local = createLocalTagger(opts.local);
  const localResult = (tweet: TweetToTag): TagResult => ({ tags: local.tag(tweet.text), provider: 'local', model: null });
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;

  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => {});
    return work;
  };

  const tagLocally = (tweets: readonly TweetToTag[], reason: FallbackReason | null): TagResult[] => {
    const started = performance.now();
    if (reason !== null) emit({ type: 'fallback', reason, tweets: tweets.length });
    const results = tweets.map(localResult);
    emit({ type: 'tagged', provider: 'local', tweets: tweets.length, durationMs: performance.now() - started });
    return results;
  };

  if (opts.provider === 'local') {
    const tagManyLocally = async (tweets: readonly TweetToTag[]): Promise<TagResult[]> => {
      if (closing) throw new ChirpError('INTERNAL', 'tagger is closed');
      tweets.forEach(checkTweet);
      return tagLocally(tweets, null);
    };
    return {
      provider: 'local',
      tag: async (tweet) => (await tagManyLocally([tweet]))[0]!,
      tagMany: tagManyLocally,
      breakerState: () => null,
      close: () => (closing ??= Promise.resolve()),
    };
  }

  const breaker = createCircuitBreaker({
    ...opts.breaker,
    onStateChange: (from, to) => {
      emit({ type: 'breaker', from, to });
      try {
        opts.breaker.onStateChange?.(from, to);
      } catch {
        // Same rule as onEvent: an observer cannot break tagging.
      }
    },
  });
  const provider = createOpenAiTagger({ ...opts, onEvent: emit });

  const viaProvider = async (chunk: readonly TweetToTag[]): Promise<TagResult[]> => {
    const permit: BreakerPermit | null = breaker.tryAcquire();
    if (permit === null) return tagLocally(chunk, 'breaker_open');
    const started = performance.now();
    const result = await provider.tag(chunk, {
      // A probe gets one attempt: it is asking "are you back?", not trying hard to tag.
      maxRetries: permit === 'probe' ? 0 : opts.maxRetries,
      // Calls queued behind the concurrency bound when the breaker opened do not go out after all.
      admit: permit === 'probe' ? undefined : () => breaker.state() === 'closed',
    });
    if (!result.ok) {
      if (result.reason === 'failed') breaker.onFailure(permit);
      const reason: FallbackReason = result.reason === 'failed' ? 'upstream_error' : result.reason === 'not_admitted' ? 'breaker_open' : 'closed';
      return tagLocally(chunk, reason);
    }
    breaker.onSuccess(permit);
    const answered = result.tags.filter((t) => t !== null).length;
    emit({ type: 'tagged', provider: 'openai', tweets: answered, durationMs: performance.now() - started });
    const missing = chunk.filter((_, i) => result.tags[i] === null);
    const fallback = missing.length ? tagLocally(missing, 'incomplete') : [];
    return chunk.map((tweet, i) => {
      const tags = result.tags[i];
      return tags ? { tags, provider: 'openai', model: opts.model } : fallback[missing.indexOf(tweet)]!;
    });
  };

  const tagMany = async (tweets: readonly TweetToTag[]): Promise<TagResult[]> => {
    if (closing) throw new ChirpError('INTERNAL', 'tagger is closed');
    tweets.forEach(checkTweet);
    const chunks: Array<readonly TweetToTag[]> = [];
    for (let i = 0; i < tweets.length; i += opts.batchSize) chunks.push(tweets.slice(i, i + opts.batchSize));
    const results = await Promise.all(chunks.map((chunk) => track(viaProvider(chunk))));
    return results.flat();
  };

  return {
    provider: 'openai',
    tag: async (tweet) => (await tagMany([tweet]))[0]!,
    tagMany,
    breakerState: () => breaker.state(),
    close(): Promise<void> {
      closing ??= (async () => {
        provider.abort();
        await Promise.allSettled([...inFlight]);
      })();
      return closing;
    },
  };
}
