import type { Ranking } from './types.ts';

/**
 * The app's routes, all in the URL hash so any static host can serve the app:
 * #/home, #/home/for-you, #/u/<handle>[/followers|/following], #/t/<id>, #/tags/<tag>, #/pipeline,
 * #/processors, #/tables[/<table>/<key>], #/notifications, #/search/<query>.
 * A query after the route (`#/home?as=alice`) is ignored here; see handle.ts.
 */

export type ProfileTab = 'tweets' | 'followers' | 'following';

export type Route =
  | { name: 'home'; ranking: Ranking }
  | { name: 'profile'; handle: string; tab: ProfileTab }
  | { name: 'tweet'; id: string }
  | { name: 'tag'; tag: string }
  | { name: 'pipeline' }
  | { name: 'processors' }
  | { name: 'tables'; table?: string; key?: string }
  | { name: 'notifications' }
  | { name: 'search'; q: string }
  | { name: 'not-found'; path: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?', 1)[0] ?? '';
  const parts = path.split('/').filter(Boolean).map(decode);
  if (parts.some((p) => p === null)) return { name: 'not-found', path };
  const [first, second, third, ...rest] = parts as string[];
  if (rest.length > 0) return { name: 'not-found', path };

  switch (first) {
    case undefined:
      return { name: 'home', ranking: 'following' };
    case 'home':
      if (second === undefined) return { name: 'home', ranking: 'following' };
      if (second === 'for-you' && third === undefined) return { name: 'home', ranking: 'for-you' };
      break;
    case 'u':
      if (second !== undefined) {
        if (third === undefined) return { name: 'profile', handle: second, tab: 'tweets' };
        if (third === 'followers' || third === 'following') return { name: 'profile', handle: second, tab: third };
      }
      break;
    case 't':
      if (second !== undefined && third === undefined) return { name: 'tweet', id: second };
      break;
    case 'tags':
      if (second !== undefined && third === undefined) return { name: 'tag', tag: second };
      break;
    case 'pipeline':
      if (second === undefined) return { name: 'pipeline' };
      break;
    case 'notifications':
      if (second === undefined) return { name: 'notifications' };
      break;
    case 'processors':
      if (second === undefined) return { name: 'processors' };
      break;
    case 'tables':
      if (second === undefined) return { name: 'tables' };
      if (third !== undefined) return { name: 'tables', table: second, key: third };
      break;
    case 'search':
      if (third === undefined) return { name: 'search', q: second ?? '' };
      break;
  }
  return { name: 'not-found', path };
}

const seg = encodeURIComponent;

/** Hrefs for every route, so no component spells a path by hand. */
export const paths = {
  home: (ranking: Ranking = 'following'): string => (ranking === 'for-you' ? '#/home/for-you' : '#/home'),
  profile: (handle: string, tab: ProfileTab = 'tweets'): string => (tab === 'tweets' ? `#/u/${seg(handle)}` : `#/u/${seg(handle)}/${tab}`),
  tweet: (id: string): string => `#/t/${seg(id)}`,
  tag: (tag: string): string => `#/tags/${seg(tag)}`,
  pipeline: (): string => '#/pipeline',
  processors: (): string => '#/processors',
  tables: (table?: string, key?: string): string => (table !== undefined && key !== undefined ? `#/tables/${seg(table)}/${seg(key)}` : '#/tables'),
  notifications: (): string => '#/notifications',
  search: (q: string): string => `#/search/${seg(q)}`,
};

/** A key that changes whenever a different page (not just a different tab) is shown. */
export function routeKey(route: Route): string {
  switch (route.name) {
    case 'home':
      return 'home';
    case 'profile':
      return `profile:${route.handle}`;
    case 'tweet':
      return `tweet:${route.id}`;
    case 'tag':
      return `tag:${route.tag}`;
    case 'pipeline':
      return 'pipeline';
    case 'processors':
      return 'processors';
    case 'tables':
      return 'tables';
    case 'notifications':
      return 'notifications';
    case 'search':
      return `search:${route.q}`;
    case 'not-found':
      return `not-found:${route.path}`;
  }
}
