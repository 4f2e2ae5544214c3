import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './router.ts';

describe('parseRoute', () => {
  it('parses every route', () => {
    expect(parseRoute('')).toEqual({ name: 'home', ranking: 'following' });
    expect(parseRoute('#/home')).toEqual({ name: 'home', ranking: 'following' });
    expect(parseRoute('#/home/for-you')).toEqual({ name: 'home', ranking: 'for-you' });
    expect(parseRoute('#/u/alice')).toEqual({ name: 'profile', handle: 'alice', tab: 'tweets' });
    expect(parseRoute('#/u/alice/followers')).toEqual({ name: 'profile', handle: 'alice', tab: 'followers' });
    expect(parseRoute('#/t/abc123')).toEqual({ name: 'tweet', id: 'abc123' });
    expect(parseRoute('#/tags/eco-friendly')).toEqual({ name: 'tag', tag: 'eco-friendly' });
    expect(parseRoute('#/pipeline')).toEqual({ name: 'pipeline' });
  });

  it('ignores a query after the route', () => {
    expect(parseRoute('#/home?as=alice')).toEqual({ name: 'home', ranking: 'following' });
    expect(parseRoute('#/u/bob/following?as=alice')).toEqual({ name: 'profile', handle: 'bob', tab: 'following' });
  });

  it('reports unknown or malformed paths as not found', () => {
    expect(parseRoute('#/nope').name).toBe('not-found');
    expect(parseRoute('#/u/alice/likes').name).toBe('not-found');
    expect(parseRoute('#/t/%E0%A4%A').name).toBe('not-found');
  });

  it('round-trips the hrefs it builds', () => {
    expect(parseRoute(paths.tag('TV_show_lovers'))).toEqual({ name: 'tag', tag: 'TV_show_lovers' });
    expect(parseRoute(paths.tweet('a/b c'))).toEqual({ name: 'tweet', id: 'a/b c' });
    expect(parseRoute(paths.profile('bob', 'followers'))).toEqual({ name: 'profile', handle: 'bob', tab: 'followers' });
  });
});
