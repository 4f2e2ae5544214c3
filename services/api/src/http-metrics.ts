import type { RequestHandler } from 'express';
import { Histogram, type Registry } from '@chirp/telemetry';

/** Request duration by method, matched route pattern (never the raw path) and status. */
export function httpMetrics(registry: Registry): RequestHandler {
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return (req, res, next) => {
    if (req.path === '/api/stream') return next(); // a stream's duration is its lifetime, not a latency
    const end = histogram.startTimer();
    res.on('finish', () => {
      const routePath = (req.route as { path?: string } | undefined)?.path; // express types req.route as any
      const route = routePath ? `${req.baseUrl}${routePath}` : res.statusCode === 404 ? 'unmatched' : 'static';
      end({ method: req.method, route, status_code: String(res.statusCode) });
    });
    next();
  };
}
