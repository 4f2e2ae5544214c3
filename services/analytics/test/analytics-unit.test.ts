import { describe, expect, it } from 'vitest';
import type { Click, Tag, TweetTags } from '@chirp/core';
import { applyClick, CLICK_WEIGHTS, ForwardDecay, type UserState } from '@chirp/analytics';
import { MARK_LIMITS, REPLAYED_FROM, Tester } from '@chirp/streams';
import { analyticsGroup } from '../src/analytics-group.ts';

const HOUR = 3600_000;
const landmark = Date.parse('2025-01-01T00:00:00Z');
const model = { decay: new ForwardDecay({ halfLifeMs: 7 * 24 * HOUR, landmarkMs: landmark }), weights: CLICK_WEIGHTS, trendWindowMinutes: 60 };
const CLICKS = 'twitter.clicks';

function setup(): { tester: Tester<UserState>; tag: (tweetId: string, tags: Tag[]) => void; mirrored: Map<string, Record<string, number>> } {
  const mirrored = new Map<string, Record<string, number>>();
  const { graph, tags } = analyticsGroup({
    group: 'twitter.analytics',
    clicksTopic: CLICKS,
    tweetTagsTopic: 'twitter.tweetTags',
    model,
    mirror: async (entries) => {
      for (const { key, value } of entries) mirrored.set(key, { ...value.affinity });
    },
  });
  const tester = new Tester(graph);
  const tag = (tweetId: string, list: Tag[]): void =>
    tester.setLookup<TweetTags>(tags, tweetId, { tweetId, tags: list, provider: 'local', model: null, taggedAt: new Date().toISOString() });
  return { tester, tag, mirrored };
}

let n = 0;
const click = (user: string, tweetId: string, kind: Click['kind'], at = '2025-06-01T12:00:00.000Z'): Click => ({ clickId: `c${n++}`, user, tweetId, kind, at });

describe('analytics group on the in-memory tester', () => {
  it('folds clicks into a forward-decayed tag affinity weighted by kind', async () => {
    const { tester, tag, mirrored } = setup();
    tag('t1', ['sports_fans', 'sports_enthusiasts']);
    tag('t2', ['foodies']);
    await tester.consume(CLICKS, 'ann', click('ann', 't1', 'share'));
    await tester.consume(CLICKS, 'ann', click('ann', 't1', 'open'));
    await tester.consume(CLICKS, 'ann', click('ann', 't2', 'like'));
    const state = tester.value('ann')!;
    const at = Date.parse('2025-06-01T12:00:00.000Z');
    expect(state.clicks).toBe(3);
    expect(state.affinity.sports_fans).toBeCloseTo(model.decay.contribution(5 + 1, at), 6);
    expect(state.affinity.foodies).toBeCloseTo(model.decay.contribution(3, at), 6);
    // Read at the click time, the score is the plain weight sum; a half-life later, half of it.
    expect(model.decay.decayed(state.affinity.sports_fans!, at)).toBeCloseTo(6, 9);
    expect(model.decay.decayed(state.affinity.sports_fans!, at + 7 * 24 * HOUR)).toBeCloseTo(3, 9);
    expect(mirrored.get('ann')).toEqual(state.affinity);
    expect(tester.changelog('ann')).toHaveLength(3);
  });

  it('scores an old click below a new one of the same kind: forward decay without rewriting', async () => {
    const { tester, tag } = setup();
    tag('t1', ['sports_fans']);
    tag('t2', ['foodies']);
    await tester.consume(CLICKS, 'bo', click('bo', 't1', 'like', '2025-05-01T00:00:00.000Z'));
    await tester.consume(CLICKS, 'bo', click('bo', 't2', 'like', '2025-05-15T00:00:00.000Z'));
    const s = tester.value('bo')!;
    expect(s.affinity.foodies! / s.affinity.sports_fans!).toBeCloseTo(4, 9); // two half-lives apart
  });

  it('skips a redelivered click: after a crash before the commit, and the same click id at another offset', async () => {
    const { tester, tag } = setup();
    tag('t1', ['gamers']);
    const first = await tester.consume(CLICKS, 'cy', click('cy', 't1', 'open'));
    await tester.consume(CLICKS, 'cy', click('cy', 't1', 'open'));
    await tester.restart(); // a new member restores from the changelog
    expect(await tester.handle(first.message)).toBe('duplicate');
    const again = { ...first.message.value }; // a producer retry: same click id, new offset
    expect((await tester.consume(CLICKS, 'cy', again)).outcome).toBe('duplicate');
    expect(tester.value('cy')!.clicks).toBe(2);
    expect(tester.duplicates).toBe(2);
  });

  it('retries a click on a tweet not tagged yet; the retry applies it once even after later clicks moved on', async () => {
    const { tester, tag } = setup();
    tag('t2', ['foodies']);
    const early = click('dee', 't1', 'share');
    const stuck = tester.message(CLICKS, 'dee', early);
    // A message-level code: the failure policy retries it later; UPSTREAM would pause the partition as an outage.
    await expect(tester.handle(stuck)).rejects.toMatchObject({ retriable: true, code: 'NOT_READY' });
    await tester.consume(CLICKS, 'dee', click('dee', 't2', 'open')); // a later click of the same user
    expect(tester.record('dee')!.marks.pending).toEqual([`${CLICKS}@${stuck.offset}`]); // written with it
    await tester.restart(); // even across a restart, the pending mark survives
    tag('t1', ['sports_fans']);
    expect(await tester.handle(stuck)).toBe('applied'); // the retry topic's copy
    expect(await tester.handle(stuck)).toBe('duplicate'); // and its redelivery
    const s = tester.value('dee')!;
    expect(s.clicks).toBe(2);
    expect(s.affinity.sports_fans).toBeCloseTo(model.decay.contribution(5, Date.parse(early.at)), 6);
    expect(tester.record('dee')!.marks.pending).toEqual([]);
  });

  it('never loses a genuine pending click to eviction by a flood of clicks on tweets that never get tagged', async () => {
    const { tester, tag } = setup();
    tag('known', ['gamers']);
    const genuine = tester.message(CLICKS, 'gil', click('gil', 'late', 'share')); // its tag comes later
    await expect(tester.handle(genuine)).rejects.toMatchObject({ code: 'NOT_READY' });
    const refused: unknown[] = [];
    for (let i = 0; i < MARK_LIMITS.pending + 10; i++) {
      await tester.handle(tester.message(CLICKS, 'gil', click('gil', `bogus${i}`, 'open'))).catch((error: unknown) => refused.push(error));
    }
    expect(refused).toHaveLength(MARK_LIMITS.pending + 10); // every bogus click failed, none applied
    await tester.consume(CLICKS, 'gil', click('gil', 'known', 'open')); // writes the pending marks
    expect(tester.record('gil')!.marks.pending).toContain(`${CLICKS}@${genuine.offset}`);
    tag('late', ['foodies']);
    expect(await tester.handle(genuine)).toBe('applied'); // the retry topic's copy of the genuine click
    expect(tester.value('gil')!.clicks).toBe(2);
    expect(tester.value('gil')!.affinity.foodies).toBeGreaterThan(0);
    // Past the bound, a new failure is dead-lettered at once (not retriable) instead of evicting a token.
    expect(refused.at(-1)).toMatchObject({ code: 'NOT_READY', retriable: false });
  });

  it('forgets a dead-lettered click: dead letters never use up the room a genuine click needs to wait for its tag; a replay applies once', async () => {
    const { tester, tag } = setup();
    tag('known', ['gamers']);
    const bogus = Array.from({ length: MARK_LIMITS.pending }, (_, i) => tester.message(CLICKS, 'hal', click('hal', `ghost${i}`, 'open')));
    for (const m of bogus) await expect(tester.handle(m)).rejects.toMatchObject({ code: 'NOT_READY', retriable: true });
    await tester.consume(CLICKS, 'hal', click('hal', 'known', 'open')); // writes them into hal's record as pending
    expect(tester.record('hal')!.marks.pending).toHaveLength(MARK_LIMITS.pending);
    for (const m of bogus) await tester.deadLetter(m); // each after its last retry round
    expect(tester.record('hal')!.marks.pending).toEqual([]);
    expect(await tester.handle(bogus[0]!)).toBe('duplicate'); // a redelivery after the DLQ write: the DLQ has it

    // A genuine click on a tweet not tagged yet still goes to the retry topic (retriable), not the DLQ.
    const genuine = tester.message(CLICKS, 'hal', click('hal', 'late', 'share'));
    await expect(tester.handle(genuine)).rejects.toMatchObject({ code: 'NOT_READY', retriable: true });
    tag('late', ['foodies']);
    expect(await tester.handle(genuine)).toBe('applied');

    // `npm run dlq -- replay` once ghost0 exists: applied once, whatever the offsets say; a second copy is a duplicate.
    tag('ghost0', ['sports_fans']);
    const replayed = { ...bogus[0]!, headers: { [REPLAYED_FROM]: 'twitter.analytics.dlq/0/0' } };
    expect(await tester.handle(replayed)).toBe('applied');
    expect(await tester.handle(replayed)).toBe('duplicate');
    expect(tester.value('hal')!.clicks).toBe(3);
    expect(tester.record('hal')!.marks.pending).toEqual([]);
  });

  it('keeps per-minute tag counts for the trend window only', () => {
    let s: UserState | undefined;
    s = applyClick(s, { kind: 'open', at: '2025-06-01T10:00:30.000Z' }, ['foodies'], model);
    s = applyClick(s, { kind: 'open', at: '2025-06-01T10:00:50.000Z' }, ['foodies', 'gamers'], model);
    s = applyClick(s, { kind: 'open', at: '2025-06-01T10:30:00.000Z' }, ['gamers'], model);
    const m0 = String(Math.floor(Date.parse('2025-06-01T10:00:00.000Z') / 60_000));
    expect(s.minutes[m0]).toEqual({ foodies: 2, gamers: 1 });
    s = applyClick(s, { kind: 'open', at: '2025-06-01T11:05:00.000Z' }, ['gamers'], model);
    expect(Object.keys(s.minutes)).toHaveLength(2); // 10:00 fell out of the hour before 11:05
    expect(s.minutes[m0]).toBeUndefined();
  });

  it('counts a click on a tweet tagged with nothing, without affinity', async () => {
    const { tester, tag } = setup();
    tag('t0', []);
    await tester.consume(CLICKS, 'eve', click('eve', 't0', 'like'));
    expect(tester.value('eve')).toEqual({ affinity: {}, clicks: 1, minutes: {} });
  });

  it('refuses a click keyed by another user (never retried)', async () => {
    const { tester, tag } = setup();
    tag('t1', ['gamers']);
    await expect(tester.consume(CLICKS, 'mallory', click('fay', 't1', 'open'))).rejects.toMatchObject({ code: 'VALIDATION', retriable: false });
  });
});
