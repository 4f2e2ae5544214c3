import type { Request, Response } from 'express';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../src/app.ts';

/** A response that records what a middleware sets, in order. */
function recording(): { res: Response; headers: string[] } {
  const headers: string[] = [];
  const res = { setHeader: (name: string, value: unknown) => headers.push(`${name}: ${String(value)}`), removeHeader: () => undefined };
  return { res: res as unknown as Response, headers };
}

describe('securityHeaders (helmet worked out once)', () => {
  it("sets exactly helmet's headers, in helmet's order, and calls next once", () => {
    const options = { referrerPolicy: { policy: 'same-origin' as const }, frameguard: { action: 'deny' as const } };
    const viaHelmet = recording();
    helmet(options)({} as Request, viaHelmet.res, () => undefined);
    const once = recording();
    let nexts = 0;
    securityHeaders(options)({} as Request, once.res, () => nexts++);
    expect(once.headers).toEqual(viaHelmet.headers);
    expect(once.headers).toContain('X-Frame-Options: DENY');
    expect(nexts).toBe(1);
  });
});
