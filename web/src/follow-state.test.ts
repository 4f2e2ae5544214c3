import { describe, expect, it } from 'vitest';
import { followView } from './follow-state.ts';

const profile = { user: 'bob', followers: 10, following: 3, tweets: 7, viewerFollows: false };

describe('followView', () => {
  it('shows the server state when there is no pending intent', () => {
    expect(followView(profile, null)).toEqual({ follows: false, followers: 10, settled: true });
  });

  it('shows a follow at once, before the server has applied it', () => {
    expect(followView(profile, true)).toEqual({ follows: true, followers: 11, settled: false });
  });

  it('settles without double counting once the server agrees', () => {
    expect(followView({ ...profile, viewerFollows: true, followers: 11 }, true)).toEqual({ follows: true, followers: 11, settled: true });
  });

  it('shows an unfollow optimistically without going below zero', () => {
    expect(followView({ ...profile, viewerFollows: true, followers: 0 }, false)).toEqual({ follows: false, followers: 0, settled: false });
  });
});
