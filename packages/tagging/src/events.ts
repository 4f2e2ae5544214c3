/**
 * What the tagger reports, for the worker to turn into metrics. Every field that could become a
 * label is drawn from a small fixed set; there are no tweet ids here on purpose.
 */
export type Provider = 'local' | 'openai';
export type BreakerState = 'closed' | 'open' | 'half-open';

/** How one HTTP attempt to the provider ended. */
export type RequestOutcome =
  | 'ok'
  | 'rate_limited' // 429
  | 'server_error' // 5xx, 408, 409
  | 'client_error' // other 4xx: bad key, unknown model; retrying will not help
  | 'timeout'
  | 'connection'
  | 'malformed' // 2xx whose content is not the JSON we asked for
  | 'aborted'; // the tagger was closed mid-call

export type RetryReason = 'rate_limited' | 'server_error' | 'timeout' | 'connection';

/** Why a tweet was tagged locally although a provider is configured. */
export type FallbackReason =
  | 'breaker_open'
  | 'upstream_error' // the call failed after its retries
  | 'incomplete' // a batch answer left this tweet out
  | 'closed'; // the tagger was closed while the call was in flight

export type TaggerEvent =
  | { type: 'request'; outcome: RequestOutcome; status: number | null; durationMs: number; attempt: number; tweets: number }
  | { type: 'retry'; reason: RetryReason; attempt: number; delayMs: number; fromRetryAfter: boolean }
  | { type: 'fallback'; reason: FallbackReason; tweets: number }
  | { type: 'breaker'; from: BreakerState; to: BreakerState }
  | { type: 'tagged'; provider: Provider; tweets: number; durationMs: number };

export type TaggerEventListener = (event: TaggerEvent) => void;
