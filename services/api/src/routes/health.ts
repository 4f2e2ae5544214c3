import { Router } from 'express';
import type { AppDeps } from '../deps.ts';

export function healthRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  /** 200 only when both Kafka and Redis answer. */
  router.get('/readyz', async (_req, res) => {
    const [kafka, redis] = await Promise.all([deps.health.kafka(), deps.health.redis()]);
    res.status(kafka && redis ? 200 : 503).json({ status: kafka && redis ? 'ready' : 'not ready', kafka, redis });
  });
  router.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });
  return router;
}
