/** The few API calls the e2e suite makes behind the browser's back: to seed data and to check outcomes. */
import { signUp, type TestUser } from '../../packages/testkit/src/accounts.ts';

export interface ApiTweet {
  id: string;
  author: string;
  text: string;
  createdAt: string;
  tags?: string[];
  replyTo?: { id: string; author: string };
  counts?: { likes: number; retweets: number; replies: number };
  retweetedBy?: string[];
}

export interface ApiProfile {
  user: string;
  followers: number;
  following: number;
  tweets: number;
  viewerFollows?: boolean;
}

export interface ApiClient {
  postTweet(author: string, text: string): Promise<ApiTweet>;
  follow(user: string, target: string): Promise<void>;
  unfollow(user: string, target: string): Promise<void>;
  profile(user: string, viewer?: string): Promise<ApiProfile>;
  /** The first page of a home timeline, newest first. */
  timeline(user: string, limit?: number): Promise<ApiTweet[]>;
  /** Issue 18: replies, reactions, delete, relations and notifications, each acting as `user`. */
  reply(author: string, parentId: string, text: string): Promise<ApiTweet>;
  tweet(id: string, viewer?: string): Promise<ApiTweet>;
  thread(id: string): Promise<{ tweet: ApiTweet; ancestors: ApiTweet[]; replies: ApiTweet[] }>;
  retweet(user: string, tweetId: string): Promise<void>;
  like(user: string, tweetId: string): Promise<void>;
  deleteTweet(author: string, tweetId: string): Promise<void>;
  block(user: string, target: string): Promise<void>;
  relation(user: string, target: string): Promise<{ muted: boolean; blocked: boolean; blockedBy: boolean }>;
  notifications(user: string): Promise<{ unread: number; notifications: { kind: string; actors: string[]; unread: boolean }[] }>;
}

const seg = encodeURIComponent;

/** Each call acts as the user it names (signed up on first use); profiles are public. */
export function apiClient(baseUrl: string): ApiClient {
  const users = new Map<string, Promise<TestUser>>();
  const as = (handle: string): Promise<TestUser> => {
    let user = users.get(handle);
    if (!user) users.set(handle, (user = signUp(baseUrl, handle)));
    return user;
  };
  async function call<T>(method: string, path: string, body?: unknown, user?: string): Promise<T> {
    const authorization = user === undefined ? {} : (await as(user)).headers;
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...authorization,
        ...(body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
  return {
    postTweet: (author, text) => call('POST', '/api/tweets', { author, text }, author),
    follow: (user, target) => call('PUT', `/api/users/${seg(user)}/following/${seg(target)}`, undefined, user),
    unfollow: (user, target) => call('DELETE', `/api/users/${seg(user)}/following/${seg(target)}`, undefined, user),
    profile: (user, viewer) => call('GET', `/api/users/${seg(user)}${viewer ? `?viewer=${seg(viewer)}` : ''}`),
    async timeline(user, limit = 50) {
      return (await call<{ tweets: ApiTweet[] }>('GET', `/api/timelines/${seg(user)}?limit=${limit}`, undefined, user)).tweets;
    },
    reply: (author, parentId, text) => call('POST', '/api/tweets', { author, text, replyTo: parentId }, author),
    tweet: (id, viewer) => call('GET', `/api/tweets/${seg(id)}`, undefined, viewer),
    thread: (id) => call('GET', `/api/tweets/${seg(id)}/thread`),
    retweet: (user, tweetId) => call('POST', `/api/tweets/${seg(tweetId)}/retweets`, undefined, user),
    like: (user, tweetId) => call('PUT', `/api/tweets/${seg(tweetId)}/likes`, undefined, user),
    deleteTweet: (author, tweetId) => call('DELETE', `/api/tweets/${seg(tweetId)}`, undefined, author),
    block: (user, target) => call('PUT', `/api/users/${seg(user)}/blocks/${seg(target)}`, undefined, user),
    relation: (user, target) => call('GET', `/api/users/${seg(user)}/relations/${seg(target)}`, undefined, user),
    notifications: (user) => call('GET', '/api/notifications', undefined, user),
  };
}
