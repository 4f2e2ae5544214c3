import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { createTestContext, waitFor } from '@chirp/testkit';
import { apiClient, type ApiTweet } from './api-client.ts';
import { launchBrowser, UI_TIMEOUT_MS, type UserPage } from './browser.ts';
import { suitePages } from './pages.ts';
import { startStack, WORKERS } from './stack.ts';

// Issue 18 in the browser: replies and threads, likes, retweets, delete, mentions and notifications,
// mute, block and search, with two or three real accounts in their own browser contexts. The notify
// group runs too: it applies mutes, blocks and read markers and writes the notifications.
const ctx = await createTestContext();
const stack = await startStack(ctx, { workers: [...WORKERS, 'notify'] });
const browser = await launchBrowser({ baseUrl: stack.url, onCleanup: ctx.onCleanup });
const api = apiClient(stack.url);

const { open, track, expectNoProblems } = suitePages(browser);

/** Opens the home page once its live stream is subscribed (an event sent before that reaches nobody). */
async function openHome(handle: string): Promise<UserPage> {
  const user = track(await browser.openAs(handle));
  const streamOpen = user.page.waitForResponse((r) => r.url().includes(`/api/stream?user=${handle}`));
  await user.goto('/home');
  await streamOpen;
  return user;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  await waitFor(check, { timeoutMs, intervalMs: 100, what });
}

/** Follows through the API and waits until the graph worker applied it. */
async function follow(user: string, target: string): Promise<void> {
  await api.follow(user, target);
  await until(async () => (await api.profile(target, user)).viewerFollows === true, `${user} → ${target} applied`);
}

async function posted(author: string, text: string): Promise<ApiTweet> {
  const tweet = await api.postTweet(author, text);
  await until(
    () =>
      api.tweet(tweet.id).then(
        () => true,
        () => false,
      ),
    `the saver to store “${text}”`,
  );
  return tweet;
}

const homeList = (user: UserPage): Locator => user.page.getByRole('list', { name: 'Following timeline' });
const card = (list: Locator, text: string): Locator => list.locator('article:not([aria-busy])').filter({ hasText: text });
const repliesList = (user: UserPage): Locator => user.page.getByRole('list', { name: 'Replies' });
const replyForm = (user: UserPage, to: string): Locator => user.page.getByRole('form', { name: `Reply to @${to}` });

describe('issue 18 in Chromium: threads, replies, reactions, delete, notifications, mute, block, search', () => {
  it('replies from the thread view and from a card: the reply shows in the thread at once, the tweet highlighted', async () => {
    await follow('rita', 'omar');
    const root = await posted('omar', 'Which Kafka client do you use from TypeScript?');
    await until(async () => (await api.timeline('rita')).some((t) => t.id === root.id), "omar's tweet in rita's timeline");

    // From the card on the home timeline.
    const rita = await openHome('rita');
    const rootCard = card(homeList(rita), root.text);
    await rootCard.getByRole('button', { name: /Reply/ }).click();
    await replyForm(rita, 'omar').getByRole('textbox', { name: 'Reply to @omar' }).fill('kafkajs, batched by hand');
    await replyForm(rita, 'omar').getByRole('button', { name: 'Reply', exact: true }).click();
    await rootCard.getByRole('link', { name: 'View thread' }).click();

    // The thread view: the focused tweet highlighted, the reply under it.
    const focus = rita.page.getByTestId('thread-focus');
    await focus.getByText(root.text).waitFor();
    expect(await focus.getAttribute('aria-current')).toBe('true');
    await card(repliesList(rita), 'kafkajs, batched by hand').waitFor();

    // From the thread view's own box, as the author in a second context: it is there before any reload.
    const omar = await open('omar', `/t/${root.id}`);
    await card(repliesList(omar), 'kafkajs, batched by hand').waitFor();
    await replyForm(omar, 'omar').getByRole('textbox', { name: 'Reply to @omar' }).fill('Thanks! Same here.');
    await replyForm(omar, 'omar').getByRole('button', { name: 'Reply', exact: true }).click();
    await card(repliesList(omar), 'Thanks! Same here.').waitFor();
    expect(await repliesList(omar).locator('article').first().textContent()).toContain('Thanks! Same here.');

    // The server agrees, and a reply's own page shows what it answers above it.
    await until(async () => (await api.thread(root.id)).replies.length === 2, 'both replies stored under the root');
    const mine = (await api.thread(root.id)).replies.find((t) => t.author === 'rita')!;
    await rita.goto(`/t/${mine.id}`);
    await rita.page.getByRole('list', { name: 'Earlier in the thread' }).getByText(root.text).waitFor();
    await rita.page.getByTestId('thread-focus').getByText('kafkajs, batched by hand').waitFor();
    expectNoProblems([rita, omar]);
  });

  it('a reply refused by a block is said beside the reply box, and the text stays', async () => {
    const tweet = await posted('vera', 'Only for people I have not blocked');
    await api.block('vera', 'walt');
    await until(async () => (await api.relation('vera', 'walt')).blocked, 'the notify group to apply vera ⊘ walt');

    const walt = await open('walt', `/t/${tweet.id}`);
    const box = replyForm(walt, 'vera').getByRole('textbox', { name: 'Reply to @vera' });
    await box.fill('Let me in');
    await replyForm(walt, 'vera').getByRole('button', { name: 'Reply', exact: true }).click();
    await expect
      .poll(() => replyForm(walt, 'vera').getByRole('alert').textContent(), { timeout: UI_TIMEOUT_MS })
      .toBe('You cannot reply to this user (a block is in place).');
    expect(await box.inputValue()).toBe('Let me in');
    expect(await walt.page.getByText('No replies yet.').count()).toBe(1);
    expect((await api.thread(tweet.id)).replies).toEqual([]);
    expectNoProblems([walt], [/\/api\/tweets$/]); // the browser logs the 403 it was answered
  });

  it('likes and unlikes: the count moves on the card and another account sees it', async () => {
    await follow('lena', 'kurt');
    const tweet = await posted('kurt', 'Exactly-once is a property of the whole pipeline');
    await until(async () => (await api.timeline('lena')).some((t) => t.id === tweet.id), "kurt's tweet in lena's timeline");

    const lena = await openHome('lena');
    const lenaCard = card(homeList(lena), tweet.text);
    await lenaCard.getByRole('button', { name: 'Like', exact: true }).click();
    await lenaCard.getByRole('button', { name: 'Like 1', exact: true }).waitFor();
    await until(async () => (await api.tweet(tweet.id)).counts?.likes === 1, 'the fanout group to count the like');

    const kurt = await open('kurt', `/t/${tweet.id}`);
    const kurtLike = kurt.page.getByTestId('thread-focus').getByRole('button', { name: /Like/ });
    await expect.poll(() => kurtLike.textContent(), { timeout: UI_TIMEOUT_MS }).toBe('♡ Like 1');

    await lena.page.reload();
    const liked = card(homeList(lena), tweet.text).getByRole('button', { name: 'Like 1', exact: true });
    expect(await liked.getAttribute('aria-pressed')).toBe('true'); // the server's `liked`, not the optimistic layer
    await liked.click();
    await card(homeList(lena), tweet.text).getByRole('button', { name: 'Like', exact: true }).waitFor();
    await until(async () => (await api.tweet(tweet.id)).counts?.likes === 0, 'the unlike counted');
    await kurt.page.reload();
    await expect.poll(() => kurtLike.textContent(), { timeout: UI_TIMEOUT_MS }).toBe('♡ Like ');
    expectNoProblems([lena, kurt]);
  });

  it('two followees retweet one tweet: one entry "retweeted by" both; one undo leaves one entry', async () => {
    await Promise.all([follow('nina', 'paul'), follow('nina', 'quin')]);
    const tweet = await posted('mona', 'Boost me once, boost me twice: still one entry');

    const paul = await open('paul', `/t/${tweet.id}`);
    const paulRetweet = paul.page.getByTestId('thread-focus').getByRole('button', { name: /Retweet/ });
    await paulRetweet.click();
    await paul.page.getByTestId('thread-focus').getByRole('button', { name: 'Undo retweet 1', exact: true }).waitFor();
    await api.retweet('quin', tweet.id);
    await until(async () => (await api.timeline('nina')).find((t) => t.id === tweet.id)?.retweetedBy?.length === 2, 'both retweets in nina’s timeline');

    const nina = await openHome('nina');
    const entries = card(homeList(nina), tweet.text);
    await entries.first().waitFor();
    expect(await entries.count()).toBe(1);
    expect(await entries.locator('.tweet-retweeted-by').textContent()).toMatch(/^retweeted by (@paul, @quin|@quin, @paul)$/);

    await paul.page
      .getByTestId('thread-focus')
      .getByRole('button', { name: /Undo retweet/ })
      .click();
    // The card's count is its own since the page loaded (quin's retweet came later): any number.
    await paul.page
      .getByTestId('thread-focus')
      .getByRole('button', { name: /^Retweet( \d+)?$/ })
      .waitFor();
    await until(async () => (await api.timeline('nina')).find((t) => t.id === tweet.id)?.retweetedBy?.join() === 'quin', 'paul’s undo applied');
    await nina.page.reload();
    await card(homeList(nina), tweet.text).first().waitFor();
    expect(await card(homeList(nina), tweet.text).count()).toBe(1);
    expect(await card(homeList(nina), tweet.text).locator('.tweet-retweeted-by').textContent()).toBe('retweeted by @quin');
    await paul.page.reload();
    await paul.page.getByTestId('thread-focus').getByRole('button', { name: 'Retweet 1', exact: true }).waitFor(); // quin's, from the server
    expectNoProblems([paul, nina]);
  });

  it('a deleted tweet leaves the author’s and a follower’s open timelines in place, without a reload', async () => {
    await follow('yara', 'xavi');
    const keep = await posted('xavi', 'This one stays');
    const doomed = await posted('xavi', 'This one I will regret');
    await until(
      async () => (await api.timeline('yara')).filter((t) => t.id === keep.id || t.id === doomed.id).length === 2,
      "xavi's tweets in yara's timeline",
    );

    const yara = await openHome('yara');
    await card(homeList(yara), doomed.text).waitFor();
    await yara.page.evaluate(() => Object.assign(window, { e2eMarker: 'same document' }));
    const xavi = await openHome('xavi');
    await card(homeList(xavi), doomed.text).getByRole('button', { name: 'Delete' }).click();

    // Gone from both open pages by the live `delete` event; the other tweet stays.
    await card(homeList(yara), doomed.text).waitFor({ state: 'detached' });
    // The author's card said "deleted" at once; the live event then takes even that out.
    await homeList(xavi).getByText(doomed.text).waitFor({ state: 'detached' });
    await homeList(xavi).getByText('This tweet was deleted.').waitFor({ state: 'detached' });
    expect(await card(homeList(yara), keep.text).count()).toBe(1);
    expect(await yara.page.evaluate(() => (window as Window & { e2eMarker?: string }).e2eMarker)).toBe('same document');
    await until(
      () =>
        api.tweet(doomed.id).then(
          () => false,
          () => true,
        ),
      'the deleted tweet to answer 404',
    );
    await yara.page.reload();
    await card(homeList(yara), keep.text).waitFor();
    expect(await yara.page.getByText(doomed.text).count()).toBe(0);
    expectNoProblems([yara, xavi]);
  });

  it('a mention brings a notification with an unread badge, which clears when the page is opened', async () => {
    const zoe = await open('zoe', '/home');
    await zoe.page.getByRole('link', { name: 'Notifications' }).waitFor();
    expect(await zoe.page.locator('.badge').count()).toBe(0);

    await posted('abe', 'Hey @zoe, have you seen the new consumer lag page?');
    await until(async () => (await api.notifications('zoe')).unread === 1, 'the notify group to record the mention');
    await zoe.page.reload();
    const badge = zoe.page.getByRole('link', { name: /Notifications/ }).locator('.badge');
    await expect.poll(() => badge.getAttribute('aria-label'), { timeout: UI_TIMEOUT_MS }).toBe('1 unread');

    await zoe.page.getByRole('link', { name: /Notifications/ }).click();
    const list = zoe.page.getByRole('list', { name: 'Notifications' });
    await list.getByText('@abe mentioned you').waitFor();
    await badge.waitFor({ state: 'detached' });
    await until(async () => (await api.notifications('zoe')).unread === 0, 'the read marker applied');
    await zoe.page.reload();
    await list.getByText('@abe mentioned you').waitFor();
    expect(await badge.count()).toBe(0);
    expectNoProblems([zoe]);
  });

  it('a muted author is absent from home but present on their profile; search finds tweets and people', async () => {
    await Promise.all([follow('ugo', 'tess'), follow('ugo', 'sami')]);
    const muted = await posted('tess', 'Hot take about tabs and spaces');
    const kept = await posted('sami', 'A calm note about semicolons');
    await until(async () => (await api.timeline('ugo')).filter((t) => t.id === muted.id || t.id === kept.id).length === 2, 'both tweets in ugo’s timeline');

    const ugo = await open('ugo', '/u/tess');
    await ugo.page.getByRole('button', { name: 'Mute', exact: true }).click();
    await ugo.page.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    await until(async () => (await api.relation('ugo', 'tess')).muted, 'the notify group to apply the mute');

    await ugo.goto('/home');
    await card(homeList(ugo), kept.text).waitFor();
    expect(await ugo.page.getByText(muted.text).count()).toBe(0);

    // Nor does the live stream bring the muted author's new tweets (a defect this test found: the
    // services/api live-stream test pins it). tess posts first, then sami, until sami's banner shows.
    const streamOpen = ugo.page.waitForResponse((r) => r.url().includes('/api/stream?user=ugo'));
    await ugo.page.reload();
    await streamOpen;
    await card(homeList(ugo), kept.text).waitFor();
    await api.postTweet('tess', 'Live: muted opinions on editors');
    const banner = ugo.page.getByRole('button', { name: /new tweet/ });
    for (let i = 1; i <= 3 && !(await banner.isVisible()); i++) {
      await api.postTweet('sami', `Live: semicolon note ${i}`);
      await banner.waitFor({ timeout: 10_000 }).catch(() => undefined); // see app.e2e.test.ts: a live event is dropped now and then
    }
    await banner.click();
    await card(homeList(ugo), 'Live: semicolon note').first().waitFor();
    expect(await ugo.page.getByText('Live: muted opinions on editors').count()).toBe(0);
    await ugo.goto('/u/tess');
    await ugo.page.getByRole('list', { name: 'Tweets by @tess' }).getByText(muted.text).waitFor();

    // The header's search box.
    const search = ugo.page.getByRole('searchbox', { name: 'Search tweets and people' });
    await search.fill('semicolons');
    await search.press('Enter');
    await ugo.page.getByRole('list', { name: 'Tweets matching semicolons' }).getByText(kept.text).waitFor();
    await search.fill('sami');
    await search.press('Enter');
    await ugo.page.getByRole('list', { name: 'People' }).getByRole('link', { name: '@sami' }).waitFor();
    expectNoProblems([ugo]);
  });
});
