import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** A request the fake server received, with its arrival time. */
export interface ReceivedRequest {
  at: number;
  headers: IncomingHttpHeaders;
  body: { model?: string; messages?: Array<{ role: string; content: string }>; response_format?: { type: string } };
}

/** What the fake answers: a chat completion whose message content is `content`, or an error status. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  content?: string | null;
  /** Holds the response back, to play a slow provider. */
  delayMs?: number;
}

export type FakeHandler = (request: ReceivedRequest, index: number) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAi {
  baseURL: string;
  requests: ReceivedRequest[];
  /** Requests being handled right now, and the most ever handled at once. */
  readonly active: number;
  readonly maxActive: number;
  setHandler(handler: FakeHandler): void;
  close(): Promise<void>;
}

export const tagsReply = (tags: unknown): FakeReply => ({ content: JSON.stringify({ tags }) });

/**
 * A real HTTP server on a free port speaking just enough of the OpenAI API:
 * `POST /v1/chat/completions`. It closes itself when the current test finishes.
 */
export async function startFakeOpenAi(handler: FakeHandler): Promise<FakeOpenAi> {
  let current = handler;
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let active = 0;
  let maxActive = 0;

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
          return;
        }
        const request: ReceivedRequest = {
          at: Date.now(),
          headers: req.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedRequest['body'],
        };
        requests.push(request);
        active++;
        maxActive = Math.max(maxActive, active);
        try {
          const reply = await current(request, requests.length - 1);
          if (reply.delayMs) {
            await new Promise<void>((resolve) => {
              const t = setTimeout(() => (timers.delete(t), resolve()), reply.delayMs);
              timers.add(t);
              res.on('close', () => (clearTimeout(t), timers.delete(t), resolve()));
            });
          }
          if (res.destroyed) return;
          const status = reply.status ?? 200;
          const body =
            status < 300
              ? {
                  id: `chatcmpl-${requests.length}`,
                  object: 'chat.completion',
                  created: Math.floor(Date.now() / 1000),
                  model: request.body.model,
                  choices: [{ index: 0, message: { role: 'assistant', content: reply.content ?? null, refusal: null }, logprobs: null, finish_reason: 'stop' }],
                  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
                }
              : { error: { message: `fake error ${status}`, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null } };
          res.writeHead(status, { 'content-type': 'application/json', ...reply.headers }).end(JSON.stringify(body));
        } finally {
          active--;
        }
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  const fake: FakeOpenAi = {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    get active() {
      return active;
    },
    get maxActive() {
      return maxActive;
    },
    setHandler(next) {
      current = next;
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      });
      return closed;
    },
  };
  onTestFinished(() => fake.close());
  return fake;
}
