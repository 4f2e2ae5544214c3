import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
/**
 * The LLM provider client's retry policy (not the processors' failure policy, which is
 * packages/streams/src/failure-policy.ts): which provider errors are worth another call, how long
 * the server asked us to wait, and otherwise the project's one backoff (`backoffMs` in @chirp/core).
 */
import { backoffMs, isChirpError } from '@chirp/core';
import type { RequestOutcome, RetryReason } from './events.ts';

export interface Classified {
  outcome: Exclude<RequestOutcome, 'ok'>;
  status: number | null;
  retryReason: RetryReason | null;
  /** Milliseconds the server asked us to wait, when it said so. */
  retryAfterMs: number | null;
}

/** Parses `retry-after-ms`, then `retry-after` as seconds or an HTTP date; null when absent or unusable. */
export function parseRetryAfter(headers: Headers | undefined, now: number = Date.now()): number | null {
  if (!headers) return null;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Sorts an error from one attempt into an outcome, and says whether another attempt may succeed. */
export function classifyError(error: unknown, timedOut: boolean): Classified {
  const plain = (outcome: Classified['outcome'], retryReason: RetryReason | null, status: number | null = null): Classified => ({
    outcome,
    status,
    retryReason,
    retryAfterMs: null,
  });
  // Our own deadline aborts the request through its signal, which the SDK reports as a user abort.
  if (timedOut || error instanceof APIConnectionTimeoutError) return plain('timeout', 'timeout');
  if (error instanceof APIUserAbortError) return plain('aborted', null);
  if (error instanceof APIConnectionError) return plain('connection', 'connection');
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    const retryAfterMs = parseRetryAfter(error.headers as Headers | undefined);
    if (status === 429) return { outcome: 'rate_limited', status, retryReason: 'rate_limited', retryAfterMs };
    if (status >= 500 || status === 408 || status === 409) return { outcome: 'server_error', status, retryReason: 'server_error', retryAfterMs };
    return plain('client_error', null, status);
  }
  if (isChirpError(error)) return plain('malformed', null);
  // fetch itself failing (DNS, refused) without the SDK wrapping it: worth another try.
  return plain('connection', 'connection');
}

/** The wait before retry number `retry` (from 1): what the server asked for, else the shared backoff. */
export function retryDelayMs(c: Classified, retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return c.retryAfterMs ?? backoffMs(retry, { baseMs, capMs, random });
}
