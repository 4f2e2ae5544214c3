import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** A route's answer: a status and a JSON body. */
export interface JsonReply {
  status: number;
  body: unknown;
}

export interface MetricsServerOptions {
  registry: Registry;
  port: number;
  host?: string;
  /** Resolves true when the process's dependencies are reachable. */
  ready?: () => Promise<boolean> | boolean;
  /** More GET routes answering JSON, e.g. the monitor's `/lag.json`. */
  routes?: Record<string, () => Promise<JsonReply> | JsonReply>;
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** `/metrics`, `/healthz` (alive), `/readyz` (dependencies reachable) and any extra JSON routes. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return json(res, 405, { error: `method ${req.method ?? ''} not allowed` });
    }
    if (path === '/metrics') {
      const body = await options.registry.metrics();
      res.writeHead(200, { 'content-type': options.registry.contentType });
      res.end(body);
      return;
    }
    if (path === '/healthz') return json(res, 200, { status: 'ok' });
    if (path === '/readyz') {
      const ok = options.ready ? await options.ready() : true;
      return json(res, ok ? 200 : 503, { status: ok ? 'ready' : 'not ready' });
    }
    const route = options.routes?.[path];
    if (route) {
      const reply = await route();
      return json(res, reply.status, reply.body);
    }
    return json(res, 404, { error: 'not found' });
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) json(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
