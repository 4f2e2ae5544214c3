import { Router } from 'express';
import { ChirpError } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { actingAs, signedIn } from '../auth.ts';
import { handleParam } from './params.ts';

/**
 * goka's table query: the group tables and views the API holds, and a key's value in one. Keys of
 * the analytics table are users, and what a user clicks is theirs, so a signed-in account reads its
 * own key only (403 for another's); chirp has no operator role yet to read all keys.
 */
export function monitorRoutes(deps: AppDeps): Router {
  const router = Router();
  const tables = (): { name: string; kind: string; topic: string; viewReady: boolean }[] => (deps.analytics ? [deps.analytics.reads.table()] : []);

  /** `{tables: [{name, kind, topic, viewReady}]}`. */
  router.get('/api/monitor/tables', (_req, res) => {
    signedIn(res);
    res.json({ tables: tables() });
  });

  /** `{table, key, value}`; 400 for an unknown table, 404 for a key without a value. */
  router.get('/api/monitor/tables/:table/:key', (req, res) => {
    signedIn(res);
    const names = tables().map((t) => t.name);
    if (!names.includes(req.params.table)) {
      throw new ChirpError('VALIDATION', `table must be one of: ${names.join(', ') || '(none configured)'}`, { field: 'table' });
    }
    const key = actingAs(res, handleParam(req.params.key, 'key'), 'key');
    const value = deps.analytics!.reads.value(key);
    if (value === undefined) throw new ChirpError('NOT_FOUND', `no value for key ${key} in table ${req.params.table}`, { field: 'key' });
    res.json({ table: req.params.table, key, value });
  });

  /**
   * The processors page: the monitor's figures per consumer group (services/monitor `/processors.json`)
   * and this API's views with their position and lag per partition. Public like /api/pipeline:
   * offsets and rates, no key or value of anyone's.
   */
  router.get('/api/monitor/processors', async (_req, res) => {
    let body: ProcessorsBody;
    try {
      const response = await fetch(new URL('/processors.json', deps.monitorUrl), { signal: AbortSignal.timeout(2000) });
      if (!response.ok) throw new Error(`monitor answered ${response.status}`);
      body = (await response.json()) as ProcessorsBody;
    } catch (cause) {
      throw new ChirpError('UPSTREAM', 'the lag monitor is unavailable', { cause, retriable: true });
    }
    const highs = new Map((body.topics ?? []).flatMap((t) => t.partitions.map((p) => [`${t.topic}\u0000${p.partition}`, p.high] as const)));
    const state = deps.analytics?.reads.viewState?.();
    const views = state
      ? [
          {
            ...state,
            process: 'api',
            partitions: state.partitions.map((p) => {
              const high = highs.get(`${state.topic}\u0000${p.partition}`) ?? null;
              return { ...p, high, lag: high === null ? null : Math.max(0, high - p.position) };
            }),
          },
        ]
      : [];
    const { topics: _topics, ...rest } = body;
    res.json({ ...rest, views });
  });

  return router;
}

interface ProcessorsBody {
  topics?: { topic: string; partitions: { partition: number; high: number }[] }[];
  [field: string]: unknown;
}
