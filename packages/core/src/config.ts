import { z } from 'zod';
import { ChirpError } from './errors.ts';

/**
 * The one place that reads the environment. Each entry point picks the sections it needs; every
 * variable is documented in README.md's configuration table (a test keeps the two in step).
 */
const int = (def: number, min = 0): z.ZodDefault<z.ZodCoercedNumber<unknown>> => z.coerce.number().int().min(min).default(def);

export const kafkaEnv = {
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:19092'),
  KAFKA_CLIENT_ID: z.string().min(1).optional(),
  TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._-]*$/)
    .default('twitter.'),
  TOPIC_PARTITIONS: int(6, 1),
};
export const redisEnv = {
  REDIS_URL: z.string().url().default('redis://127.0.0.1:16379'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9._:-]*$/)
    .default(''),
  /** Redis Cluster: `host:port,…` of its nodes (any of them; the rest is discovered). Unset: one server at REDIS_URL. */
  REDIS_CLUSTER_NODES: z
    .string()
    .regex(/^[^,:\s]+:\d+(,[^,:\s]+:\d+)*$/, 'host:port,host:port,…')
    .optional(),
  /** Replicas every master must confirm a worker's batch on before its offsets commit (WAIT); default 1 on a cluster, 0 otherwise. */
  REDIS_WAIT_REPLICAS: z.coerce.number().int().min(0).optional(),
};
export const commonEnv = {
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
};
export const processorEnv = {
  PROCESSOR_CONCURRENCY: int(16, 1),
  PROCESSOR_RETRIES: int(3, 0),
  PROCESSOR_RETRY_ROUNDS: int(2, 0),
  PROCESSOR_RETRY_DELAY_MS: int(1000, 0),
};
export const timelineEnv = {
  TIMELINE_CAP: int(800, 1),
  FANOUT_CHUNK_SIZE: int(2000, 1),
  FANOUT_PULL_THRESHOLD: int(100000, 1),
  /** Fan-out pushes only to users active in the last this many days; a returning user's timeline is rebuilt on first read. 0 = push to everyone. */
  FANOUT_ACTIVE_DAYS: int(30, 0),
  /** Followers per script call of a delete's, a retweet's or a reply's walk (issue 18): the bound on one call's work. */
  SOCIAL_WALK_PAGE_SIZE: int(500, 1),
};
/** Notification feeds (services/notify writes them, the API reads them). */
export const notifyEnv = {
  /** Aggregated notification groups kept per user (oldest dropped), like TIMELINE_CAP. */
  NOTIFICATIONS_CAP: int(200, 1),
};
/** The search index's default bound: 250–350 MiB of heap per API process when full (2.6–3.3 KB a tweet, measured with 20k-word and random vocabularies). */
export const SEARCH_MAX_TWEETS_DEFAULT = 100_000;

export const apiEnv = {
  API_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  WEB_DIST: z.string().optional(),
  RATE_LIMIT_PER_MINUTE: int(600, 0),
  MONITOR_URL: z.string().url().default('http://127.0.0.1:9308'),
  /** Lifetime of a session token. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(168),
  /** Failed sign-ins allowed per handle and per client within the window, then 429. */
  SIGNIN_MAX_FAILURES: int(10, 1),
  SIGNIN_WINDOW_SECONDS: int(900, 1),
  /** How long a sign-up waits for the accounts applier's verdict before answering 503. */
  SIGNUP_TIMEOUT_MS: int(5000, 100),
  /** express `trust proxy`: `false` (default: trust none, the socket address is the client), `true`, a hop count or addresses. */
  TRUST_PROXY: z.string().default('false'),
  /** Set by `npm start`: the supervisor's status file (restarts per process) shown on the pipeline page. */
  STACK_STATUS_FILE: z.string().optional(),
  /** Open live streams (/api/stream) per user and per client address; past either, 429. */
  STREAM_MAX_PER_USER: int(5, 1),
  STREAM_MAX_PER_CLIENT: int(20, 1),
  /** Unsent bytes a live stream may hold before its client (which stopped reading) is disconnected. */
  STREAM_BUFFER_BYTES: int(256 * 1024, 1024),
  /** The gateway's health port, whose /lag.json adds gateway groups to /api/pipeline (left out when it does not answer). */
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:9106'),
  /** Most tweets the API's search index holds (two generations of half of it, rounded down); older ones are not found by search. */
  SEARCH_MAX_TWEETS: int(SEARCH_MAX_TWEETS_DEFAULT, 2),
};
export const taggerEnv = {
  TAGGER_PROVIDER: z.enum(['local', 'openai']).optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  TAGGER_MODEL: z.string().default('gpt-4o-mini'),
  TAGGER_TIMEOUT_MS: int(10000, 1),
  TAGGER_CONCURRENCY: int(4, 1),
  TAGGER_MAX_RETRIES: int(3, 0),
};
export const monitorEnv = {
  MONITOR_INTERVAL_MS: int(5000, 100),
};

/** The liiklus-compatible gRPC gateway (services/gateway). */
export const gatewayEnv = {
  /** gRPC port of the gateway (liiklus's default). */
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(6565),
  /** Address the gRPC server binds. */
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  /** Comma-separated gateway keys (at least 16 characters each) accepted as `authorization: Bearer <key>`, besides account session tokens. Never logged. */
  GATEWAY_KEYS: z
    .string()
    .default('')
    .refine((v) => splitList(v).every((k) => /^[A-Za-z0-9_.~+/=-]{16,256}$/.test(k)), { message: 'each key needs 16-256 token characters' })
    .transform(splitList),
  /** Topics clients may subscribe to (full names); default the prefix's newTweets and tweetTags. Clicks and accounts are refused even if listed. */
  GATEWAY_SUBSCRIBE_TOPICS: z.string().optional(),
  /** Topics clients may publish to (full names); default none. chirp's own topics are refused even if listed: writes go through the API. */
  GATEWAY_PUBLISH_TOPICS: z.string().default(''),
};

/** A comma-separated list, blanks dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Read by `npm start` (stack/cli.ts) only. */
export const stackEnv = {
  /** Added to every worker's default metrics port, so a second stack (a test) can run beside the first. */
  STACK_PORT_OFFSET: int(0, 0),
};

export type EnvShape = Record<string, z.ZodType>;
export type Config<S extends EnvShape> = { [K in keyof S]: z.infer<S[K]> };

/** Validates the environment against the sections given; fails naming every bad variable. */
export function loadConfig<S extends EnvShape>(shape: S, env: NodeJS.ProcessEnv = process.env): Config<S> {
  const clean: Record<string, string> = {};
  for (const key of Object.keys(shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') clean[key] = value;
  }
  const parsed = z.object(shape).safeParse(clean);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ChirpError('CONFIG', `invalid configuration: ${problems}`);
  }
  return parsed.data as Config<S>;
}

/** Consumer group ids share the topic prefix, so retry/DLQ/changelog names read `twitter.saver.dlq`. */
export function groupId(topicPrefix: string, name: string): string {
  return `${topicPrefix}${name}`;
}

/** Click analytics (services/analytics) and the personalised timeline that reads it (services/api). */
export const analyticsEnv = {
  /** Half-life of a click's weight in a user's tag affinity (forward decay). */
  ANALYTICS_HALF_LIFE_HOURS: z.coerce.number().positive().default(168),
  /** The fixed landmark t0 of forward decay; changing it (or the half-life) needs a rebuild of the table. */
  ANALYTICS_DECAY_LANDMARK: z.iso.datetime().default('2025-01-01T00:00:00.000Z'),
  /** Sliding window of GET /api/trends, in minutes (clicks are bucketed by minute). */
  ANALYTICS_TREND_WINDOW_MINUTES: int(60, 1),
  /** Half-life of a tweet's recency in the for-you ranking. */
  FOR_YOU_RECENCY_HALF_LIFE_HOURS: z.coerce.number().positive().default(24),
};
