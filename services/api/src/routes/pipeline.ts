import { Router } from 'express';
import { ChirpError } from '@chirp/core';
import type { AppDeps } from '../deps.ts';

/** The lag monitor's numbers as JSON, for the web app's pipeline page. */
export function pipelineRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/pipeline', async (_req, res) => {
    let body: unknown;
    try {
      const response = await fetch(new URL('/lag.json', deps.monitorUrl), { signal: AbortSignal.timeout(2000) });
      if (!response.ok) throw new Error(`monitor answered ${response.status}`);
      body = await response.json();
    } catch (cause) {
      throw new ChirpError('UPSTREAM', 'the lag monitor is unavailable', { cause, retriable: true });
    }
    res.json(body);
  });
  return router;
}
