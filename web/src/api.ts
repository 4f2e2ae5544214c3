import { ApiError, isAbortError } from './api-error.ts';
import { isTweet } from './types.ts';
import type { AppNotification, Click, NotificationPage, Page, PipelineStatus, Ranking, Relation, SearchResult, Thread, Tweet, UserProfile } from './types.ts';

import type { MonitorTable, ProcessorsStatus, TableValue } from './monitor-types.ts';

export { ApiError } from './api-error.ts';

/** Every call the web app makes to the chirp API, typed, in one place. */

export interface ApiOptions {
  /** Prefix for every path; '' means same origin (Vite proxies /api in dev). */
  baseUrl?: string;
  /** Looked up on each call when omitted, so tests can stub the global. */
  fetch?: typeof fetch;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
  keepalive?: boolean;
}

export interface PageOptions {
  cursor?: string | null;
  limit?: number;
  signal?: AbortSignal;
}

export interface Api {
  /** Creates an account; 409 when the handle is taken (in any case). */
  signUp(handle: string, password: string): Promise<void>;
  /** Signs in: the API sets the HttpOnly session cookie this app then sends with every call. */
  signIn(handle: string, password: string): Promise<{ handle: string }>;
  signOut(): Promise<void>;
  /** Who the session cookie signs in, or null. */
  currentUser(signal?: AbortSignal): Promise<string | null>;
  /** `replyTo` answers that tweet: 404 when it is gone, 403 when a block stands between the two. */
  postTweet(input: { author: string; text: string; replyTo?: string }, signal?: AbortSignal): Promise<Tweet>;
  getTweet(id: string, signal?: AbortSignal): Promise<Tweet>;
  /** The tweet, its ancestors (root first) and one page of its replies (newest first). */
  getThread(id: string, options?: PageOptions): Promise<Thread>;
  getTimeline(user: string, options?: PageOptions & { ranking?: Ranking }): Promise<Page<Tweet>>;
  getTagTweets(tag: string, options?: PageOptions): Promise<Page<Tweet>>;
  getUser(user: string, viewer: string | null, signal?: AbortSignal): Promise<UserProfile>;
  getUserTweets(user: string, options?: PageOptions): Promise<Page<Tweet>>;
  getFollowers(user: string, options?: PageOptions): Promise<Page<string>>;
  getFollowing(user: string, options?: PageOptions): Promise<Page<string>>;
  /** Issue 18: like/unlike, retweet/undo and delete (204s; applied by the workers a moment later). */
  setLike(tweetId: string, liked: boolean): Promise<void>;
  setRetweet(tweetId: string, retweeted: boolean): Promise<void>;
  deleteTweet(tweetId: string): Promise<void>;
  follow(user: string, target: string): Promise<void>;
  unfollow(user: string, target: string): Promise<void>;
  sendClicks(clicks: readonly Click[]): Promise<void>;
  getPipeline(signal?: AbortSignal): Promise<PipelineStatus>;
  /** Issue 17's processors page: every group's partitions, lag, rates, retry/DLQ and table state; the API's views. */
  getProcessors(signal?: AbortSignal): Promise<ProcessorsStatus>;
  /** The group tables and views the table query answers from (signed in). */
  getTables(signal?: AbortSignal): Promise<MonitorTable[]>;
  /** A key's value in a table: 404 when absent, 400/403 for a bad or someone else's key. */
  getTableValue(table: string, key: string, signal?: AbortSignal): Promise<TableValue>;
  streamUrl(user: string): string;
  /** Your aggregated notifications and the unread count. */
  getNotifications(options?: PageOptions): Promise<NotificationPage>;
  /** Marks everything up to now read (applied a moment later). */
  markNotificationsRead(): Promise<void>;
  getRelation(user: string, target: string, signal?: AbortSignal): Promise<Relation>;
  setRelation(user: string, kind: 'mute' | 'block', target: string, on: boolean): Promise<void>;
  search(q: string, signal?: AbortSignal): Promise<SearchResult>;
}

const seg = encodeURIComponent;

function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

async function errorFrom(res: Response): Promise<ApiError> {
  let message = res.statusText || `HTTP ${res.status}`;
  let field: string | undefined;
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null) {
      const { error, field: f } = body as { error?: unknown; field?: unknown };
      if (typeof error === 'string' && error) message = error;
      if (typeof f === 'string' && f) field = f;
    }
  } catch {
    // Not JSON (a proxy's HTML error page): the status line is all we have.
  }
  return new ApiError(res.status, message, field === undefined ? {} : { field });
}

function tweets(raw: unknown): Tweet[] {
  return Array.isArray(raw) ? raw.filter(isTweet) : [];
}

function cursorOf(raw: unknown): string | null {
  return typeof raw === 'string' && raw !== '' ? raw : null;
}

export function createApi(options: ApiOptions = {}): Api {
  const baseUrl = options.baseUrl ?? '';

  async function request<T>(path: string, init: RequestOptions = {}): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch;
    let res: Response;
    try {
      res = await doFetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: init.signal ?? null,
        keepalive: init.keepalive ?? false,
      });
    } catch (err) {
      if (isAbortError(err)) throw err;
      throw new ApiError(0, 'Cannot reach the server', { cause: err });
    }
    if (!res.ok) throw await errorFrom(res);
    if (res.status === 204 || res.status === 202) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  function tweetPage(raw: { tweets?: unknown; nextCursor?: unknown }): Page<Tweet> {
    return { items: tweets(raw.tweets), nextCursor: cursorOf(raw.nextCursor) };
  }

  function userPage(raw: { users?: unknown; nextCursor?: unknown }): Page<string> {
    const users = Array.isArray(raw.users) ? raw.users.filter((u): u is string => typeof u === 'string') : [];
    return { items: users, nextCursor: cursorOf(raw.nextCursor) };
  }

  async function getTweet(id: string, signal?: AbortSignal): Promise<Tweet> {
    const raw = await request<unknown>(`/api/tweets/${seg(id)}`, { signal });
    if (!isTweet(raw)) throw new ApiError(502, 'The server sent a malformed tweet');
    return raw;
  }

  return {
    async signUp(handle, password) {
      await request('/api/accounts', { method: 'POST', body: { handle, password } });
    },
    async signIn(handle, password) {
      const raw = await request<{ handle: string }>('/api/sessions', { method: 'POST', body: { handle, password } });
      return { handle: raw.handle };
    },
    async signOut() {
      await request('/api/sessions/current', { method: 'DELETE' });
    },
    async currentUser(signal) {
      try {
        return (await request<{ handle: string }>('/api/sessions/current', { signal })).handle;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    async postTweet(input, signal) {
      const raw = await request<unknown>('/api/tweets', { method: 'POST', body: input, signal });
      if (!isTweet(raw)) throw new ApiError(502, 'The server sent a malformed tweet');
      return raw;
    },
    getTweet,
    async getThread(id, { cursor, limit, signal } = {}) {
      const raw = await request<{ tweet?: unknown; ancestors?: unknown; replies?: unknown; nextCursor?: unknown }>(
        `/api/tweets/${seg(id)}/thread${query({ cursor, limit })}`,
        { signal },
      );
      if (!isTweet(raw.tweet)) throw new ApiError(502, 'The server sent a malformed thread');
      return { tweet: raw.tweet, ancestors: tweets(raw.ancestors), replies: tweets(raw.replies), nextCursor: cursorOf(raw.nextCursor) };
    },
    async getTimeline(user, { cursor, limit = 20, ranking = 'following', signal } = {}) {
      const q = query({ limit, cursor, ranking: ranking === 'for-you' ? 'for-you' : undefined });
      return tweetPage(await request(`/api/timelines/${seg(user)}${q}`, { signal }));
    },
    async getTagTweets(tag, { cursor, limit, signal } = {}) {
      return tweetPage(await request(`/api/tags/${seg(tag)}/tweets${query({ cursor, limit })}`, { signal }));
    },
    async getUser(user, viewer, signal) {
      return request<UserProfile>(`/api/users/${seg(user)}${query({ viewer })}`, { signal });
    },
    async getUserTweets(user, { cursor, limit, signal } = {}) {
      return tweetPage(await request(`/api/users/${seg(user)}/tweets${query({ cursor, limit })}`, { signal }));
    },
    async getFollowers(user, { cursor, limit, signal } = {}) {
      return userPage(await request(`/api/users/${seg(user)}/followers${query({ cursor, limit })}`, { signal }));
    },
    async getFollowing(user, { cursor, limit, signal } = {}) {
      return userPage(await request(`/api/users/${seg(user)}/following${query({ cursor, limit })}`, { signal }));
    },
    async setLike(tweetId, liked) {
      await request(`/api/tweets/${seg(tweetId)}/likes`, { method: liked ? 'PUT' : 'DELETE' });
    },
    async setRetweet(tweetId, retweeted) {
      await request(`/api/tweets/${seg(tweetId)}/retweets`, { method: retweeted ? 'POST' : 'DELETE' });
    },
    async deleteTweet(tweetId) {
      await request(`/api/tweets/${seg(tweetId)}`, { method: 'DELETE' });
    },
    async follow(user, target) {
      await request(`/api/users/${seg(user)}/following/${seg(target)}`, { method: 'PUT' });
    },
    async unfollow(user, target) {
      await request(`/api/users/${seg(user)}/following/${seg(target)}`, { method: 'DELETE' });
    },
    async sendClicks(clicks) {
      // keepalive lets the last batch leave while the page is being closed.
      await request('/api/clicks', { method: 'POST', body: { clicks }, keepalive: true });
    },
    async getPipeline(signal) {
      return request<PipelineStatus>('/api/pipeline', { signal });
    },
    async getProcessors(signal) {
      return request<ProcessorsStatus>('/api/monitor/processors', { signal });
    },
    async getTables(signal) {
      return (await request<{ tables: MonitorTable[] }>('/api/monitor/tables', { signal })).tables;
    },
    async getTableValue(table, key, signal) {
      return request<TableValue>(`/api/monitor/tables/${seg(table)}/${seg(key)}`, { signal });
    },
    streamUrl(user) {
      return `${baseUrl}/api/stream${query({ user })}`;
    },
    async getNotifications({ cursor, limit, signal } = {}) {
      const raw = await request<{ notifications?: AppNotification[]; nextCursor?: unknown; unread?: unknown }>(
        `/api/notifications${query({ cursor, limit })}`,
        { signal },
      );
      return {
        items: Array.isArray(raw.notifications) ? raw.notifications : [],
        nextCursor: cursorOf(raw.nextCursor),
        unread: typeof raw.unread === 'number' ? raw.unread : 0,
      };
    },
    async markNotificationsRead() {
      await request('/api/notifications/read', { method: 'POST', body: {} });
    },
    async getRelation(user, target, signal) {
      return request<Relation>(`/api/users/${seg(user)}/relations/${seg(target)}`, { signal });
    },
    async setRelation(user, kind, target, on) {
      await request(`/api/users/${seg(user)}/${kind === 'mute' ? 'mutes' : 'blocks'}/${seg(target)}`, { method: on ? 'PUT' : 'DELETE' });
    },
    async search(q, signal) {
      const raw = await request<{ tweets?: unknown; users?: unknown }>(`/api/search${query({ q })}`, { signal });
      return { tweets: tweets(raw.tweets), users: Array.isArray(raw.users) ? raw.users.filter((u): u is string => typeof u === 'string') : [] };
    },
  };
}

/** The app's client: same origin, the dev server or the API's own static hosting proxies /api. */
export const api: Api = createApi();
