import { z } from 'zod';
import { commonEnv, groupId, kafkaEnv, monitorEnv, topicNames } from '@chirp/core';

/** Where the monitor serves /metrics and /lag.json unless METRICS_PORT says otherwise (kafka_exporter's port). */
export const DEFAULT_METRICS_PORT = 9308;

/** The local stack's workers that report chirp_e2e_latency_seconds (ports of stack/services.ts; 9104 is analytics). */
export const DEFAULT_SCRAPE_TARGETS = [9101, 9102, 9103, 9104, 9105, 9110].map((port) => `http://127.0.0.1:${port}/metrics`).join(',');

/**
 * The Kafka topics each worker group writes besides its changelog (docs/architecture.md, Processes):
 * the processors page's output rate is how fast these grow. Groups writing only Redis have none.
 */
export function groupOutputs(prefix: string): Map<string, string[]> {
  const t = topicNames(prefix);
  return new Map([
    [groupId(prefix, 'fanout'), [t.fanout]],
    [groupId(prefix, 'tagger'), [t.tweetTags]],
  ]);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `none` turns latency scraping off; otherwise a comma-separated list of http(s) URLs. Undefined when malformed. */
export function parseScrapeTargets(value: string): string[] | undefined {
  if (value.trim() === 'none') return [];
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length > 0 && list.every(isHttpUrl) ? list : undefined;
}

/** Variables only the monitor reads. */
export const monitorOwnEnv = {
  /** Workers' /metrics URLs whose chirp_e2e_latency_seconds histograms feed /lag.json's latency. */
  MONITOR_SCRAPE_TARGETS: z
    .string()
    .min(1)
    .default(DEFAULT_SCRAPE_TARGETS)
    .refine((value) => parseScrapeTargets(value) !== undefined, { message: 'expected a comma-separated list of http(s) URLs, or none' })
    .transform((value) => parseScrapeTargets(value) ?? []),
};

/** Every variable the monitor reads. */
export const MONITOR_ENV = { ...kafkaEnv, ...commonEnv, ...monitorEnv, ...monitorOwnEnv };
