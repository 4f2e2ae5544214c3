import { Router } from 'express';
import { ChirpError } from '@chirp/core';
import type { AppDeps } from '../deps.ts';
import { limitParam } from './params.ts';

export const SEARCH_MAX_CHARS = 100;

function queryParam(value: unknown): string {
  if (typeof value !== 'string') throw new ChirpError('VALIDATION', 'q is required: the words or @handle to search for', { field: 'q' });
  const q = value.trim();
  if (q.length === 0) throw new ChirpError('VALIDATION', 'q must not be empty', { field: 'q' });
  if (q.length > SEARCH_MAX_CHARS) throw new ChirpError('VALIDATION', `q must be at most ${SEARCH_MAX_CHARS} characters`, { field: 'q' });
  if (!/[\p{L}\p{N}]/u.test(q)) throw new ChirpError('VALIDATION', 'q must contain a letter or digit', { field: 'q' });
  return q;
}

/** Search over tweet text and handles, from the index the API keeps (search-index.ts). Public, as tweets are. */
export function searchRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/search', (req, res) => {
    const q = queryParam(req.query.q);
    const limit = limitParam(req.query.limit);
    if (!deps.search) throw new ChirpError('NOT_READY', 'search is not configured', { retriable: true });
    res.json({ q, ...deps.search.search(q, limit) });
  });
  /** How far the index is and what it holds: `{ready, indexed, total, held, max}`. */
  router.get('/api/search/status', (_req, res) => {
    res.json(deps.search?.progress() ?? { ready: false, indexed: 0, total: 0, held: 0, max: 0 });
  });
  return router;
}
