/** What became of one request: acknowledged, refused for a reason that is ours, or unknown. */
export type Outcome<T> = { kind: 'acked'; value: T } | { kind: 'rejected'; status: number; body: string } | { kind: 'maybe'; reason: string };

export interface ApiClientOptions {
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * The workload's HTTP client. Signs users up when the API has accounts (and uses their tokens),
 * and classifies every answer: 2xx acknowledged; 4xx other than 429 refused (a workload bug, the
 * run fails); 429, 5xx, a reset or a timeout unknown — the request may or may not have reached Kafka.
 */
export class ApiClient {
  private readonly tokens = new Map<string, string>();
  private readonly timeoutMs: number;

  constructor(private readonly o: ApiClientOptions) {
    this.timeoutMs = o.timeoutMs ?? 15_000;
  }

  /** Creates the account (when the API has accounts) and a session. */
  async signUp(handle: string, password = `chaos-${handle}-password`): Promise<void> {
    this.detecting ??= this.raw('POST', '/api/accounts', {}).then((o) => o.kind !== 'rejected' || o.status !== 404);
    if (!(await this.detecting)) return;
    const created = await this.retry(() => this.raw('POST', '/api/accounts', { handle, password }));
    if (created.kind !== 'acked' && !(created.kind === 'rejected' && created.status === 409)) {
      throw new Error(`sign-up of ${handle}: ${JSON.stringify(created)}`);
    }
    const session = await this.retry(() => this.raw<{ token: string }>('POST', '/api/sessions', { handle, password }));
    if (session.kind !== 'acked') throw new Error(`sign-in of ${handle}: ${JSON.stringify(session)}`);
    this.tokens.set(handle, session.value.token);
  }

  /** Whether the API has accounts: an empty sign-up is refused with 400, or 404 where there is no such route. */
  private detecting: Promise<boolean> | undefined;

  hasAccounts(): boolean {
    return this.tokens.size > 0;
  }

  postTweet(author: string, text: string): Promise<Outcome<{ id: string; author: string; text: string; createdAt: string }>> {
    return this.raw('POST', '/api/tweets', { author, text }, author);
  }

  edge(user: string, target: string, action: 'follow' | 'unfollow'): Promise<Outcome<unknown>> {
    return this.raw(action === 'follow' ? 'PUT' : 'DELETE', `/api/users/${user}/following/${target}`, undefined, user);
  }

  click(user: string, tweetId: string, kind: 'open' | 'like'): Promise<Outcome<unknown>> {
    return this.raw('POST', '/api/clicks', { user, tweetId, kind }, user);
  }

  /** Retries unknown outcomes (with a pause) until acknowledged, refused or `done` says so. */
  async retry<T>(call: () => Promise<Outcome<T>>, done: (o: Outcome<T>) => boolean = () => false, deadlineMs = 600_000): Promise<Outcome<T>> {
    const end = Date.now() + deadlineMs;
    for (let pause = 100; ; pause = Math.min(2000, pause * 2)) {
      const outcome = await call();
      if (outcome.kind !== 'maybe' || done(outcome) || Date.now() > end) return outcome;
      await new Promise((r) => setTimeout(r, pause));
    }
  }

  async raw<T>(method: string, path: string, body?: unknown, as?: string): Promise<Outcome<T>> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = as ? this.tokens.get(as) : undefined;
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      const res = await fetch(`${this.o.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      if (res.ok) return { kind: 'acked', value: (text ? JSON.parse(text) : undefined) as T };
      if (res.status === 429 || res.status >= 500) return { kind: 'maybe', reason: `HTTP ${res.status}` };
      return { kind: 'rejected', status: res.status, body: text.slice(0, 300) };
    } catch (error) {
      return { kind: 'maybe', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
