import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI from 'openai';
import { ChirpError, createSemaphore, type Tag } from '@chirp/core';
import type { TaggerEventListener } from './events.ts';
import type { ResolvedTaggerOptions } from './options.ts';
import { buildMessages, parseAnswer, type TweetInput } from './openai-prompt.ts';
import { classifyError, retryDelayMs, type Classified } from './provider-retry-policy.ts';

export type OpenAiTaggerOptions = Pick<
  ResolvedTaggerOptions,
  'apiKey' | 'baseURL' | 'model' | 'timeoutMs' | 'concurrency' | 'maxRetries' | 'retryBaseDelayMs' | 'retryMaxDelayMs' | 'onEvent'
> & { random?: () => number };

export interface OpenAiCallOptions {
  /** Overrides the retry budget (a breaker probe should fail fast). */
  maxRetries?: number;
  /** Asked before each attempt once a slot is free; false ends the call without a request. */
  admit?: () => boolean;
}

/** Expected ways a call ends, as values: only bugs throw. */
export type OpenAiCallResult =
  | { ok: true; tags: Array<Tag[] | null> }
  | { ok: false; reason: 'failed'; error: ChirpError }
  | { ok: false; reason: 'not_admitted' }
  | { ok: false; reason: 'aborted' };

export interface OpenAiTagger {
  /** Tags for each tweet in order; null for a tweet a batch answer left out. */
  tag(tweets: readonly TweetInput[], call?: OpenAiCallOptions): Promise<OpenAiCallResult>;
  /** Aborts calls in flight and waits between retries; they resolve as `aborted`. */
  abort(): void;
}

export function createOpenAiTagger(options: OpenAiTaggerOptions): OpenAiTagger {
  // The SDK's own retries are off: ours honour Retry-After with a cap, report each attempt, and
  // release the concurrency slot while waiting.
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, timeout: options.timeoutMs, maxRetries: 0 });
  const slots = createSemaphore(options.concurrency);
  const closing = new AbortController();
  // Every call queued for a slot listens for close, and a batch can queue hundreds; each listener
  // goes when its call gets a slot, so the default limit of 10 would only warn about a non-leak.
  setMaxListeners(0, closing.signal);
  const random = options.random ?? Math.random;

  const emit: TaggerEventListener = (event) => {
    try {
      options.onEvent(event);
    } catch {
      // A broken metrics callback must not break tagging.
    }
  };

  const upstreamError = (c: Classified, error: unknown, attempts: number): ChirpError => {
    if (error instanceof ChirpError) return error;
    const what = c.status === null ? c.outcome : `${c.outcome} (HTTP ${c.status})`;
    return new ChirpError('UPSTREAM', `tagging provider failed after ${attempts} attempt(s): ${what}`, {
      retriable: c.retryReason !== null,
      cause: error,
    });
  };

  const attempt = async (tweets: readonly TweetInput[], n: number): Promise<{ tags: Array<Tag[] | null> } | { c: Classified; error: unknown }> => {
    // One signal per attempt, aborted by our deadline or by close(); the SDK's own timeout only
    // covers the wait for headers, ours also covers a body that trickles in.
    const abort = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      abort.abort(new Error('tagging provider timeout'));
    }, options.timeoutMs);
    const onClose = (): void => abort.abort(closing.signal.reason);
    closing.signal.addEventListener('abort', onClose, { once: true });
    const started = performance.now();
    try {
      const completion = await client.chat.completions.create(
        { model: options.model, messages: buildMessages(tweets), response_format: { type: 'json_object' } },
        { signal: abort.signal, timeout: options.timeoutMs, maxRetries: 0 },
      );
      const tags = parseAnswer(completion.choices?.[0]?.message?.content, tweets.length);
      emit({ type: 'request', outcome: 'ok', status: 200, durationMs: performance.now() - started, attempt: n, tweets: tweets.length });
      return { tags };
    } catch (error) {
      const c = classifyError(error, timedOut && !closing.signal.aborted);
      emit({ type: 'request', outcome: c.outcome, status: c.status, durationMs: performance.now() - started, attempt: n, tweets: tweets.length });
      return { c, error };
    } finally {
      clearTimeout(timer);
      closing.signal.removeEventListener('abort', onClose);
    }
  };

  return {
    async tag(tweets, call = {}): Promise<OpenAiCallResult> {
      const maxRetries = call.maxRetries ?? options.maxRetries;
      for (let n = 0; ; n++) {
        let release: () => void;
        try {
          release = await slots.acquire(closing.signal);
        } catch {
          return { ok: false, reason: 'aborted' };
        }
        let result: Awaited<ReturnType<typeof attempt>>;
        try {
          if (call.admit && !call.admit()) return { ok: false, reason: 'not_admitted' };
          result = await attempt(tweets, n + 1);
        } finally {
          release();
        }
        if ('tags' in result) return { ok: true, tags: result.tags };
        const { c, error } = result;
        if (c.outcome === 'aborted') return { ok: false, reason: 'aborted' };
        if (c.retryReason === null || n >= maxRetries) return { ok: false, reason: 'failed', error: upstreamError(c, error, n + 1) };
        const delayMs = retryDelayMs(c, n + 1, options.retryBaseDelayMs, options.retryMaxDelayMs, random);
        // A server asking for a longer pause than we hold a tweet for: hand the tweet elsewhere now.
        if (delayMs > options.retryMaxDelayMs) return { ok: false, reason: 'failed', error: upstreamError(c, error, n + 1) };
        emit({ type: 'retry', reason: c.retryReason, attempt: n + 1, delayMs, fromRetryAfter: c.retryAfterMs !== null });
        try {
          await sleep(delayMs, undefined, { signal: closing.signal });
        } catch {
          return { ok: false, reason: 'aborted' };
        }
      }
    },
    abort(): void {
      closing.abort(new Error('tagger closed'));
    },
  };
}
