import { describe, expect, it } from 'vitest';
import { isHandle, resolveHandle, urlWithHandle } from './handle.ts';

describe('handles', () => {
  it('accepts 1-32 letters, digits and _ only', () => {
    expect(isHandle('alice_42')).toBe(true);
    expect(isHandle('a'.repeat(32))).toBe(true);
    expect(isHandle('a'.repeat(33))).toBe(false);
    expect(isHandle('')).toBe(false);
    expect(isHandle('al ice')).toBe(false);
    expect(isHandle('bob-1')).toBe(false);
  });

  it('prefers the URL over storage, search over hash', () => {
    expect(resolveHandle({ search: '?as=alice', hash: '#/home?as=bob', stored: 'carol' }).handle).toBe('alice');
    expect(resolveHandle({ search: '', hash: '#/home?as=bob', stored: 'carol' }).handle).toBe('bob');
    expect(resolveHandle({ search: '', hash: '#/home', stored: 'carol' }).handle).toBe('carol');
    expect(resolveHandle({ search: '', hash: '', stored: null }).handle).toBeNull();
  });

  it('reports an invalid handle in the URL instead of using it', () => {
    expect(resolveHandle({ search: '?as=no%20way', hash: '', stored: null })).toEqual({ handle: null, rejected: 'no way' });
    expect(resolveHandle({ search: '?as=@alice', hash: '', stored: null }).handle).toBe('alice');
  });

  it('writes the handle into the search part and out of the hash', () => {
    expect(urlWithHandle('http://x.test/#/u/bob?as=carol', 'alice')).toBe('http://x.test/?as=alice#/u/bob');
    expect(urlWithHandle('http://x.test/?as=alice&debug=1#/home', null)).toBe('http://x.test/?debug=1#/home');
  });
});
