import { vi } from 'vitest';

/** A tiny in-memory API for component tests: routes by method and path, records every request. */

export interface FakeRequest {
  method: string;
  url: URL;
  body: unknown;
  signal: AbortSignal | null;
}

export type FakeHandler = (req: FakeRequest) => Response | Promise<Response>;

export function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

export interface FakeFetch {
  fetch: typeof fetch;
  requests: FakeRequest[];
}

/** `routes` keys are "METHOD /path" (path without query); unknown routes answer 404. */
export function installFakeFetch(routes: Record<string, FakeHandler>): FakeFetch {
  const requests: FakeRequest[] = [];
  const fake = vi.fn(async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : input, 'http://chirp.test');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const req: FakeRequest = { method, url, body, signal: init?.signal ?? null };
    requests.push(req);
    const handler = routes[`${method} ${url.pathname}`];
    return handler ? handler(req) : json(404, { error: 'not found' });
  });
  vi.stubGlobal('fetch', fake);
  return { fetch: fake, requests };
}

/** A promise the test settles by hand, to look at the screen while a request is in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
