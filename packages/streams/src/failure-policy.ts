/**
 * The failure policy of every processor, in one module: what a handler error means and what happens next.
 *
 * **Dependency failures** — the world is down, not the message: ioredis connection errors
 * ("Connection is closed.", ECONNREFUSED and kin, MaxRetriesPerRequestError, a Redis still LOADING),
 * kafkajs errors flagged retriable or about connections, and `ChirpError`s coded `REDIS_UNAVAILABLE`,
 * `KAFKA_UNAVAILABLE` or `UPSTREAM` (the LLM provider; for analytics, the tagger not yet past a
 * clicked tweet), also when found in an error's `cause`.
 * They never count against a message: the processor pauses that partition (kafkajs `pause()`),
 * keeps its offsets, and hands the same batch again after the project's backoff
 * (`dependencyBaseMs` doubling up to `dependencyCapMs`); that redelivery is the probe, and the
 * partition runs on as soon as the dependency answers. However long the outage, nothing goes to
 * the retry or dead-letter topics because of it. `/readyz` answers 503 and
 * `chirp_processor_paused_partitions{reason="dependency"}` counts the partitions waiting.
 *
 * **Message failures** — anything else: the message does not decode (`DECODE`), is invalid
 * (`VALIDATION`), or the handler has a bug on that payload. A failing batch is split into single
 * messages to find the culprit; the culprit is tried again in place `retries` times with a short
 * backoff (its partition paused meanwhile, never the others), then goes to `<group>.retry` (tried
 * again by the same group after `retryTopicDelayMs`, doubling per round, for `retryRounds`
 * rounds), then to `<group>.dlq`, with its origin and error in headers. A permanent failure
 * (`DECODE`, `VALIDATION`, or any error flagged `retriable: false`) goes to the DLQ once isolated.
 * The shared input topic is never written.
 */
import { backoffMs, ChirpError, type ErrorCode } from '@chirp/core';

export interface FailureOptions {
  /** Attempts in place after a message's first failure, before the retry topic. */
  retries: number;
  /** Base delay of the in-place backoff. */
  retryBaseMs: number;
  /** Rounds through the group's retry topic before the dead-letter topic. 0 = straight to DLQ. */
  retryRounds: number;
  /** Delay before a message from the retry topic is tried again (doubles per round). */
  retryTopicDelayMs: number;
  /** First wait before a partition paused on a dependency failure is tried again. */
  dependencyBaseMs: number;
  /** Longest wait between two tries of a dependency (the probe interval during a long outage). */
  dependencyCapMs: number;
}

export const DEFAULT_FAILURE: FailureOptions = {
  retries: 3,
  retryBaseMs: 100,
  retryRounds: 2,
  retryTopicDelayMs: 1000,
  dependencyBaseMs: 250,
  dependencyCapMs: 15_000,
};

/** In-place waits stay short: a longer one is what the retry topic is for. */
const IN_PLACE_CAP_MS = 10_000;

export type FailureKind = 'dependency' | 'message';

export interface Classification {
  kind: FailureKind;
  /** A message failure that no retry can cure: dead-lettered as soon as it is isolated. */
  permanent: boolean;
}

const DEPENDENCY_CODES: ReadonlySet<ErrorCode> = new Set(['REDIS_UNAVAILABLE', 'KAFKA_UNAVAILABLE', 'UPSTREAM']);
const PERMANENT_CODES: ReadonlySet<ErrorCode> = new Set(['DECODE', 'VALIDATION']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
/**
 * ioredis' own messages when it has no connection to send on, or (Redis Cluster) no map of the
 * slots: every node unreachable, the map being refreshed, redirections that did not settle.
 */
const REDIS_DISCONNECTED =
  /^(Connection is closed|Stream isn't writeable|Reached the max retries per request limit|Failed to refresh slots cache|None of startup nodes is available|Cluster isn't ready|Too many Cluster redirections)/;
/**
 * Redis replies that mean "not now" rather than "not this": a restart loading its AOF, a busy
 * script, a failover. MOVED and ASK reach the caller when a failover moved the slot under a
 * transaction or a pipeline (ioredis redirects single commands itself): the same call goes to the
 * new owner once the client's map is refreshed.
 */
const REDIS_NOT_NOW = /^(LOADING|BUSY|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|READONLY|OOM|MOVED|ASK) /;

function isDependencyError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof ChirpError) return DEPENDENCY_CODES.has(error.code);
  const e = error as Error & { code?: unknown; retriable?: unknown; previousErrors?: unknown };
  if (e.name === 'MaxRetriesPerRequestError') return true;
  // A MULTI that failed as a whole (EXECABORT) carries its commands' own errors.
  if (Array.isArray(e.previousErrors) && e.previousErrors.some(isDependencyError)) return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (REDIS_DISCONNECTED.test(e.message) || REDIS_NOT_NOW.test(e.message)) return true;
  if (e.name.startsWith('KafkaJS')) {
    return e.retriable === true || /Connection|Timeout|NumberOfRetriesExceeded|BrokerNotFound|NoBrokerAvailable/.test(e.name);
  }
  return false;
}

/** Sorts a handler error into the policy's two kinds (see the module header). */
export function classifyFailure(error: unknown): Classification {
  // A ChirpError's code decides, except INTERNAL, which may wrap a dependency error in its cause.
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (isDependencyError(e)) return { kind: 'dependency', permanent: false };
    if (e instanceof ChirpError && e.code !== 'INTERNAL') break;
    if (!(e instanceof Error)) break;
  }
  if (error instanceof ChirpError) return { kind: 'message', permanent: PERMANENT_CODES.has(error.code) || !error.retriable };
  const flagged = (error as { retriable?: unknown } | null)?.retriable;
  return { kind: 'message', permanent: flagged === false };
}

export type MessageStep = { action: 'retry-in-place'; delayMs: number } | { action: 'retry-topic'; round: number; delayMs: number } | { action: 'dead-letter' };

/**
 * What happens to an isolated message after a message failure: `attempts` counts its failures in
 * this round (1 after the first), `round` the retry-topic rounds it has been through (0 on the input topic).
 */
export function afterMessageFailure(
  policy: FailureOptions,
  failure: { attempts: number; round: number; permanent: boolean; /** false for NOT_READY: only the retry topic's delay can help. */ inPlace?: boolean },
): MessageStep {
  if (failure.permanent) return { action: 'dead-letter' };
  if (failure.inPlace !== false && failure.attempts <= policy.retries) {
    return { action: 'retry-in-place', delayMs: backoffMs(failure.attempts, { baseMs: policy.retryBaseMs, capMs: IN_PLACE_CAP_MS }) };
  }
  if (failure.round < policy.retryRounds) {
    return { action: 'retry-topic', round: failure.round + 1, delayMs: policy.retryTopicDelayMs * 2 ** failure.round };
  }
  return { action: 'dead-letter' };
}

/** How long a partition waits after its `probes`-th consecutive dependency failure. */
export function dependencyDelayMs(policy: FailureOptions, probes: number): number {
  return backoffMs(probes, { baseMs: policy.dependencyBaseMs, capMs: policy.dependencyCapMs });
}
