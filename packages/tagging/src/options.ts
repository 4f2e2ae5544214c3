import { z } from 'zod';
import { ChirpError, MAX_TAGS } from '@chirp/core';
import type { BreakerState, Provider, TaggerEventListener } from './events.ts';
import type { LocalTaggerOptions } from './local-tagger.ts';

export interface CircuitBreakerOptions {
  /** Failures in a row that open the breaker. */
  failureThreshold?: number;
  /** Failure share over the recent window that opens the breaker, in (0, 1]. */
  failureRateThreshold?: number;
  /** Calls the window must hold before the rate counts. */
  minimumCalls?: number;
  /** Recent calls the failure rate is computed over. */
  windowSize?: number;
  /** How long an open breaker sends everything elsewhere before letting one probe through. */
  cooldownMs?: number;
  /** The clock, injectable for tests. */
  now?: () => number;
  onStateChange?: (from: BreakerState, to: BreakerState) => void;
}

export interface TaggerOptions {
  /** Unset: 'openai' when an apiKey or baseURL is given, else 'local'. */
  provider?: Provider;
  apiKey?: string;
  /** Any OpenAI-compatible server: OpenAI, Ollama (`http://127.0.0.1:11434/v1`), vLLM, LM Studio. */
  baseURL?: string;
  model?: string;
  /** Deadline of one HTTP attempt. */
  timeoutMs?: number;
  /** Provider calls in flight at once. */
  concurrency?: number;
  /** Attempts after the first, on 429, 5xx, timeouts and connection errors. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  /** Longest wait between attempts; a Retry-After beyond it gives up on the provider for this call. */
  retryMaxDelayMs?: number;
  /** Tweets per provider call in `tagMany`. */
  batchSize?: number;
  breaker?: CircuitBreakerOptions;
  local?: LocalTaggerOptions;
  onEvent?: TaggerEventListener;
}

export const TAGGER_DEFAULTS = {
  baseURL: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  timeoutMs: 10_000,
  concurrency: 4,
  maxRetries: 3,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 20_000,
  batchSize: 8,
} as const;

export const BREAKER_DEFAULTS = {
  failureThreshold: 5,
  failureRateThreshold: 0.5,
  minimumCalls: 20,
  windowSize: 50,
  cooldownMs: 30_000,
} as const;

export type ResolvedBreakerOptions = Required<CircuitBreakerOptions>;

export interface ResolvedTaggerOptions {
  provider: Provider;
  apiKey: string;
  baseURL: string;
  model: string;
  timeoutMs: number;
  concurrency: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  batchSize: number;
  breaker: CircuitBreakerOptions;
  local: LocalTaggerOptions;
  onEvent: TaggerEventListener;
}

const int = (min: number, max: number): z.ZodNumber =>
  z.number({ error: 'must be a number' }).int('must be an integer').min(min, `must be >= ${min}`).max(max, `must be <= ${max}`);
const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');

const breakerSchema = z.strictObject({
  failureThreshold: int(1, 1000).optional(),
  failureRateThreshold: z.number({ error: 'must be a number' }).gt(0, 'must be > 0').max(1, 'must be <= 1').optional(),
  minimumCalls: int(1, 10_000).optional(),
  windowSize: int(1, 10_000).optional(),
  cooldownMs: int(0, 86_400_000).optional(),
  now: fn.optional(),
  onStateChange: fn.optional(),
});

const taggerSchema = z.strictObject({
  provider: z.enum(['local', 'openai'], { error: "must be 'local' or 'openai'" }).optional(),
  apiKey: z.string({ error: 'must be a string' }).min(1, 'must not be empty').optional(),
  baseURL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  model: z.string({ error: 'must be a string' }).min(1, 'must not be empty').optional(),
  timeoutMs: int(1, 600_000).optional(),
  concurrency: int(1, 1024).optional(),
  maxRetries: int(0, 20).optional(),
  retryBaseDelayMs: int(0, 600_000).optional(),
  retryMaxDelayMs: int(0, 600_000).optional(),
  batchSize: int(1, 100).optional(),
  breaker: breakerSchema.optional(),
  local: z
    .strictObject({
      threshold: z.number({ error: 'must be a number' }).min(0, 'must be >= 0').optional(),
      synonymThreshold: z.number({ error: 'must be a number' }).min(0, 'must be >= 0').optional(),
      relativeThreshold: z.number({ error: 'must be a number' }).min(0, 'must be >= 0').max(1, 'must be <= 1').optional(),
      maxTags: int(0, MAX_TAGS).optional(),
    })
    .optional(),
  onEvent: fn.optional(),
});

function fail(field: string, message: string): never {
  throw new ChirpError('CONFIG', `invalid tagger option ${field}: ${message}`, { field });
}

function check<T>(schema: z.ZodType<T>, value: unknown, prefix: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [prefix, ...issue.path.map(String), ...keys.slice(0, 1)].filter(Boolean).join('.');
  return fail(path || 'options', issue.code === 'unrecognized_keys' ? 'is not a known option' : issue.message);
}

export function resolveBreakerOptions(options: CircuitBreakerOptions, prefix = ''): ResolvedBreakerOptions {
  const valid = check(breakerSchema, options, prefix);
  const resolved = {
    ...BREAKER_DEFAULTS,
    now: Date.now,
    onStateChange: (): void => {},
    ...(Object.fromEntries(Object.entries(valid).filter(([, v]) => v !== undefined)) as CircuitBreakerOptions),
  };
  if (resolved.minimumCalls > resolved.windowSize) {
    fail(`${prefix ? `${prefix}.` : ''}minimumCalls`, `must be <= windowSize (${resolved.windowSize})`);
  }
  return resolved;
}

/** Validates at creation and fills defaults, so a typo fails at start naming the field. */
export function resolveTaggerOptions(options: TaggerOptions = {}): ResolvedTaggerOptions {
  const valid = check(taggerSchema, options, '');
  const defined = Object.fromEntries(Object.entries(valid).filter(([, v]) => v !== undefined)) as Partial<TaggerOptions>;
  const provider: Provider = defined.provider ?? (defined.apiKey !== undefined || defined.baseURL !== undefined ? 'openai' : 'local');
  if (provider === 'openai' && defined.apiKey === undefined && defined.baseURL === undefined) {
    fail('apiKey', "is required when provider is 'openai' and no baseURL is given");
  }
  if (defined.breaker) resolveBreakerOptions(defined.breaker, 'breaker');
  return {
    ...TAGGER_DEFAULTS,
    ...defined,
    provider,
    // Local servers (Ollama, vLLM) ignore the key, but the SDK insists on one; passing it also
    // stops the SDK from reading OPENAI_API_KEY itself, since only entry points read the environment.
    apiKey: defined.apiKey ?? 'unused',
    breaker: defined.breaker ?? {},
    local: defined.local ?? {},
    onEvent: defined.onEvent ?? ((): void => {}),
  };
}

/** The tagger options the environment sets (see README's configuration table), in one place. */
export function taggerOptionsFromEnv(env: {
  TAGGER_PROVIDER?: Provider | undefined;
  OPENAI_API_KEY?: string | undefined;
  OPENAI_BASE_URL?: string | undefined;
  TAGGER_MODEL: string;
  TAGGER_TIMEOUT_MS: number;
  TAGGER_CONCURRENCY: number;
  TAGGER_MAX_RETRIES: number;
}): TaggerOptions {
  return {
    provider: env.TAGGER_PROVIDER,
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.TAGGER_MODEL,
    timeoutMs: env.TAGGER_TIMEOUT_MS,
    concurrency: env.TAGGER_CONCURRENCY,
    maxRetries: env.TAGGER_MAX_RETRIES,
  };
}
