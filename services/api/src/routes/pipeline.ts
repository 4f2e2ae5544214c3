import { readFile } from 'node:fs/promises';
import { Router } from 'express';
import { ChirpError, stackStatusSchema, type ProcessStatus } from '@chirp/core';
import type { AppDeps } from '../deps.ts';

/** The supervisor's processes (restarts) when `npm start` runs us; none under compose, or when the file is unreadable. */
async function readProcesses(file: string | undefined): Promise<ProcessStatus[] | undefined> {
  if (!file) return undefined;
  try {
    return stackStatusSchema.parse(JSON.parse(await readFile(file, 'utf8'))).processes;
  } catch {
    return undefined;
  }
}

/** The gateway's groups with their lag (services/gateway `/lag.json`); undefined when there is no gateway or it does not answer. */
async function readGatewayGroups(url: string | undefined): Promise<unknown[] | undefined> {
  if (!url) return undefined;
  try {
    const response = await fetch(new URL('/lag.json', url), { signal: AbortSignal.timeout(1000) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { groups?: unknown };
    return Array.isArray(body.groups) ? body.groups : undefined;
  } catch {
    return undefined;
  }
}

/** The lag monitor's numbers as JSON, for the web app's pipeline page, with restarts per process and the gateway's groups. */
export function pipelineRoutes(deps: AppDeps): Router {
  const router = Router();
  router.get('/api/pipeline', async (_req, res) => {
    let body: Record<string, unknown>;
    try {
      const response = await fetch(new URL('/lag.json', deps.monitorUrl), { signal: AbortSignal.timeout(2000) });
      if (!response.ok) throw new Error(`monitor answered ${response.status}`);
      body = (await response.json()) as Record<string, unknown>;
    } catch (cause) {
      throw new ChirpError('UPSTREAM', 'the lag monitor is unavailable', { cause, retriable: true });
    }
    const [processes, gatewayGroups] = await Promise.all([readProcesses(deps.processStatusFile), readGatewayGroups(deps.gatewayUrl)]);
    res.json({ ...body, ...(processes ? { processes } : {}), ...(gatewayGroups ? { gatewayGroups } : {}) });
  });
  return router;
}
