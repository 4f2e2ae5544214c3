import { describe, expect, it } from 'vitest';
import { loadConfig } from '@chirp/core';
import { DEFAULT_SCRAPE_TARGETS, MONITOR_ENV, parseScrapeTargets } from '../src/config.ts';

describe('monitor configuration', () => {
  it('defaults to the local stack workers and kafka_exporter-like settings', () => {
    const config = loadConfig(MONITOR_ENV, {});
    expect(config.MONITOR_SCRAPE_TARGETS).toEqual(DEFAULT_SCRAPE_TARGETS.split(','));
    expect(config.MONITOR_SCRAPE_TARGETS).toContain('http://127.0.0.1:9104/metrics');
    expect(config.MONITOR_INTERVAL_MS).toBe(5000);
    expect(config.TOPIC_PREFIX).toBe('twitter.');
  });

  it('reads a list of targets, or none', () => {
    expect(loadConfig(MONITOR_ENV, { MONITOR_SCRAPE_TARGETS: ' http://saver:9101/metrics , https://x/m ' }).MONITOR_SCRAPE_TARGETS).toEqual([
      'http://saver:9101/metrics',
      'https://x/m',
    ]);
    expect(loadConfig(MONITOR_ENV, { MONITOR_SCRAPE_TARGETS: 'none' }).MONITOR_SCRAPE_TARGETS).toEqual([]);
  });

  it('fails at start naming the variable when a target is not an http URL', () => {
    expect(() => loadConfig(MONITOR_ENV, { MONITOR_SCRAPE_TARGETS: 'saver:9101' })).toThrow(/MONITOR_SCRAPE_TARGETS/);
    expect(() => loadConfig(MONITOR_ENV, { MONITOR_INTERVAL_MS: '10' })).toThrow(/MONITOR_INTERVAL_MS/);
    expect(parseScrapeTargets('ftp://x/metrics')).toBeUndefined();
    expect(parseScrapeTargets(',')).toBeUndefined();
  });
});
