import type { IHeaders } from 'kafkajs';

/** Headers a retried or dead-lettered message carries, so an operator can trace and replay it. */
export const HEADER = {
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  error: 'x-error',
  errorCode: 'x-error-code',
  round: 'x-retry-round',
  notBefore: 'x-retry-not-before',
  group: 'x-group',
} as const;

/**
 * Set by `npm run dlq -- replay` on each dead letter it moves back: `<dlq topic>/<partition>/<offset>`.
 * Not a failure header: it stays on the message through later rounds, and tells a stateful group
 * that the message is a replay (applied-marks.ts).
 */
export const REPLAYED_FROM = 'x-replayed-from';

export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  if (v === undefined) return undefined;
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : Buffer.isBuffer(one) ? one.toString('utf8') : String(one);
}

/** Plain string headers, dropping the failure headers of an earlier round. */
export function carryHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const ours = new Set<string>(Object.values(HEADER));
  for (const name of Object.keys(headers ?? {})) {
    if (ours.has(name)) continue;
    const v = headerString(headers, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
