import { describe, expect, it } from 'vitest';
import type { Locator, Request } from 'playwright-core';
import { createTestContext, waitFor } from '@chirp/testkit';
import { apiClient } from './api-client.ts';
import { launchBrowser, UI_TIMEOUT_MS, type UserPage } from './browser.ts';
import { suitePages } from './pages.ts';
import { startStack, WORKERS } from './stack.ts';

// One stack and one browser for the file: six processes per suite is the expensive part, and each
// test keeps to its own handles, so the tests cannot see each other's users.
const ctx = await createTestContext();
const stack = await startStack(ctx);
const browser = await launchBrowser({ baseUrl: stack.url, onCleanup: ctx.onCleanup });
const api = apiClient(stack.url);

const { open, track, expectNoProblems } = suitePages(browser);

const composeBox = (user: UserPage): Locator => user.page.getByRole('textbox', { name: "What's happening?" });
const postButton = (user: UserPage): Locator => user.page.getByRole('button', { name: 'Post', exact: true });
const homeList = (user: UserPage): Locator => user.page.getByRole('list', { name: 'Following timeline' });
/** A tweet card the API has accepted (an optimistic one is still aria-busy). */
const shownTweet = (user: UserPage, text: string): Locator => homeList(user).locator('article:not([aria-busy])').filter({ hasText: text });
const emptyTimeline = (user: UserPage): Locator => user.page.getByText('Your timeline is empty.');
const isTweetPost = (r: Request): boolean => r.method() === 'POST' && new URL(r.url()).pathname === '/api/tweets';

async function newTweetsEnd(): Promise<number> {
  const admin = ctx.kafka.admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(ctx.topics.newTweets)).reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  await waitFor(check, { timeoutMs: UI_TIMEOUT_MS, intervalMs: 100, what });
}

describe('chirp in Chromium against the running stack', () => {
  it('signs up, posts, follows and signs out through the UI, with errors beside the form and no CSP violation', async () => {
    await api.postTweet('writer', 'Written before ivy joined');
    const ivy = await browser.openSignedOut();
    track(ivy);
    await ivy.goto('/home'); // a private page shows the sign-in form in its place
    const form = ivy.page.getByRole('form', { name: 'Sign in' });
    await form.waitFor();
    const handleBox = ivy.page.getByLabel('Handle');
    const passwordBox = ivy.page.getByLabel('Password');

    // A taken handle is said beside the form.
    await ivy.page.getByRole('button', { name: 'New here? Create an account' }).click();
    await handleBox.fill('writer');
    await passwordBox.fill('ivy password 123');
    await ivy.page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => ivy.page.getByRole('alert').textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/taken/);

    await handleBox.fill('ivy');
    await ivy.page.getByRole('button', { name: 'Create account' }).click();
    await emptyTimeline(ivy).waitFor();
    await ivy.page.reload(); // the HttpOnly cookie keeps the session
    await emptyTimeline(ivy).waitFor();

    await composeBox(ivy).fill('First tweet from a real account');
    await postButton(ivy).click();
    await shownTweet(ivy, 'First tweet from a real account').waitFor();
    expect(ivy.requests.filter(isTweetPost)).toHaveLength(1);

    await ivy.goto('/u/writer');
    await ivy.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await ivy.page.getByRole('button', { name: 'Unfollow', exact: true }).waitFor();
    await until(async () => (await api.profile('writer', 'ivy')).viewerFollows === true, 'the graph worker to apply ivy → writer');

    await ivy.page.getByRole('button', { name: 'Sign out' }).click();
    await form.waitFor();
    await ivy.page.reload();
    await form.waitFor();

    // Wrong password: said beside the form; the right one signs back in.
    await handleBox.fill('ivy');
    await passwordBox.fill('not my password');
    await ivy.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect.poll(() => ivy.page.getByRole('alert').textContent(), { timeout: UI_TIMEOUT_MS }).toBe('Wrong handle or password.');
    await passwordBox.fill('ivy password 123');
    await ivy.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await ivy.page.getByRole('button', { name: 'Sign out' }).waitFor(); // signed in, still on writer's profile
    await ivy.goto('/home');
    await shownTweet(ivy, 'Written before ivy joined').waitFor(); // merged into her timeline by the follow

    expect(ivy.problems.filter((p) => /Content Security Policy/i.test(p.text))).toEqual([]);
    // The browser logs the 409 and 401 it was answered; nothing else.
    expectNoProblems([ivy], [/\/api\/accounts$/, /\/api\/sessions$/, /\/api\/sessions\/current$/]);
  });

  it('a followed author posts in their own page; the open home timeline shows "1 new tweet", then the tweet, without a reload', async () => {
    const ana = await open('ana', '/u/ben');
    await ana.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await ana.page.getByRole('button', { name: 'Unfollow', exact: true }).waitFor();
    await until(async () => (await api.profile('ben', 'ana')).viewerFollows === true, 'the graph worker to apply ana → ben');

    // The stream must be subscribed before ben posts, or the event has nobody to go to.
    const streamOpen = ana.page.waitForResponse((r) => r.url().includes('/api/stream?user=ana'));
    await ana.goto('/home');
    await streamOpen;
    await emptyTimeline(ana).waitFor();
    await ana.page.evaluate(() => Object.assign(window, { e2eMarker: 'same document' }));

    const ben = await open('ben', '/home');
    const text = 'Fan-out reached the browser: hello ana';
    await composeBox(ben).fill(text);
    await postButton(ben).click();
    await shownTweet(ben, text).waitFor();

    // Known to fail now and then (about 1 in 20 tweets in a measured run): the API's LiveHub drops
    // the live event when fanout announces a tweet before the saver has stored its body.
    const banner = ana.page.getByRole('button', { name: '1 new tweet' });
    await banner.waitFor();
    // Buffered behind the banner, not pushed into the list under the reader's eyes.
    expect(await ana.page.getByText(text).count()).toBe(0);
    await banner.click();
    await shownTweet(ana, text).waitFor();
    await banner.waitFor({ state: 'detached' });
    expect(await ana.page.evaluate(() => (window as Window & { e2eMarker?: string }).e2eMarker)).toBe('same document');
    expectNoProblems([ana, ben]);
  });

  it('refuses a blank or a 281-character tweet in the page: nothing is sent, nothing reaches Kafka or the timeline', async () => {
    const cleo = await open('cleo', '/home');
    await emptyTimeline(cleo).waitFor();
    const topicEndBefore = await newTweetsEnd();
    const box = composeBox(cleo);
    const post = postButton(cleo);
    const form = cleo.page.getByRole('form', { name: 'Compose a tweet' });
    // Every way to send: the button is disabled, so also the keyboard shortcut and a scripted submit.
    const trySending = async (): Promise<void> => {
      await box.press('Control+Enter');
      await form.evaluate((f: HTMLFormElement) => f.requestSubmit());
    };

    expect(await post.isDisabled()).toBe(true);
    await box.fill('   \n\t   ');
    expect(await post.isDisabled()).toBe(true);
    await trySending();

    await box.fill('x'.repeat(281));
    expect(await post.isDisabled()).toBe(true);
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await cleo.page.locator('.char-counter').textContent()).toContain('281/280 (1 over the limit)');
    await trySending();
    await box.fill('x'.repeat(280));
    expect(await post.isEnabled()).toBe(true);

    // A valid tweet afterwards is the barrier: requests and Kafka are ordered, so anything the
    // refused attempts had sent would be seen before it.
    const valid = 'Only this one leaves the page';
    await box.fill(valid);
    await post.click();
    await shownTweet(cleo, valid).waitFor();
    const sent = cleo.requests.filter(isTweetPost);
    expect(sent.map((r) => r.postDataJSON() as unknown)).toEqual([{ author: 'cleo', text: valid }]);
    await until(async () => (await api.timeline('cleo')).length > 0, "cleo's tweet in her timeline");
    expect((await api.timeline('cleo')).map((t) => t.text)).toEqual([valid]);
    expect(await newTweetsEnd()).toBe(topicEndBefore + 1);
    expectNoProblems([cleo]);
  });

  it('follows and unfollows from a profile page: the button and the follower count follow, and the tweets leave the timeline', async () => {
    const texts = ['Eli on partitions: keys decide order', 'Eli on consumer groups: one reader per partition'];
    for (const text of texts) await api.postTweet('eli', text);
    await until(async () => (await api.profile('eli')).tweets === texts.length, "the saver to store eli's tweets");

    const dana = await open('dana', '/u/eli');
    const followers = dana.page.getByTestId('followers-count');
    const followButton = dana.page.getByRole('button', { name: 'Follow', exact: true });
    const unfollowButton = dana.page.getByRole('button', { name: 'Unfollow', exact: true });
    await followButton.waitFor();
    expect(await followers.textContent()).toBe('0');

    await followButton.click();
    await unfollowButton.waitFor();
    await expect.poll(() => followers.textContent(), { timeout: UI_TIMEOUT_MS }).toBe('1');
    await until(async () => (await api.profile('eli', 'dana')).viewerFollows === true, 'the graph worker to apply dana → eli');
    // After a reload the page shows what the server says, not the optimistic layer.
    await dana.page.reload();
    await unfollowButton.waitFor();
    expect(await followers.textContent()).toBe('1');

    await dana.goto('/home');
    for (const text of texts) await shownTweet(dana, text).waitFor();

    await dana.goto('/u/eli');
    await unfollowButton.click();
    await followButton.waitFor();
    await expect.poll(() => followers.textContent(), { timeout: UI_TIMEOUT_MS }).toBe('0');
    await until(async () => (await api.profile('eli', 'dana')).viewerFollows === false, 'the graph worker to apply the unfollow');
    await until(async () => (await api.timeline('dana')).every((t) => t.author !== 'eli'), "eli's tweets to leave dana's timeline");

    await dana.goto('/home');
    await dana.page.reload();
    await emptyTimeline(dana).waitFor();
    for (const text of texts) expect(await dana.page.getByText(text).count()).toBe(0);
    expectNoProblems([dana]);
  });

  it('shows an API error next to the compose box, keeps the text, and posts it on retry', async () => {
    const finn = await open('finn', '/home');
    await emptyTimeline(finn).waitFor();
    // The one UI state the real stack cannot produce on cue without disturbing other suites: a 503
    // from the API, for the first POST only; everything else goes through.
    let refused = 0;
    await finn.page.route('**/api/tweets', async (route) => {
      if (route.request().method() === 'POST' && refused === 0) {
        refused++;
        await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'Kafka did not acknowledge the tweet' }) });
        return;
      }
      await route.continue();
    });

    const text = 'Said twice, sent once';
    await composeBox(finn).fill(text);
    await postButton(finn).click();
    const alert = finn.page.getByRole('form', { name: 'Compose a tweet' }).getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('The service is temporarily unavailable. Try again in a moment.');
    expect(await composeBox(finn).inputValue()).toBe(text);
    expect(await composeBox(finn).getAttribute('aria-invalid')).toBe('true');
    expect(await finn.page.getByRole('article').count()).toBe(0); // the optimistic card is gone

    await postButton(finn).click();
    await shownTweet(finn, text).waitFor();
    await alert.waitFor({ state: 'detached' });
    expect(await composeBox(finn).inputValue()).toBe('');
    expect(refused).toBe(1);
    await until(async () => (await api.timeline('finn')).some((t) => t.text === text), "finn's retried tweet in his timeline");
    expect((await api.timeline('finn')).filter((t) => t.text === text)).toHaveLength(1);
    expectNoProblems([finn], [/\/api\/tweets$/]); // the browser logs the 503 it was served
  });

  it('renders a lag row per consumer group and latency per stage from the real monitor', async () => {
    await api.follow('gus', 'hana');
    await until(async () => (await api.profile('hana', 'gus')).viewerFollows === true, 'gus → hana applied');
    const tweet = await api.postTweet('hana', 'Lag is a number; latency is a feeling');
    await until(async () => (await api.timeline('gus')).some((t) => t.id === tweet.id), "hana's tweet in gus's timeline");

    const gus = await open('gus', '/pipeline');
    const lagTable = gus.page.getByRole('table', { name: 'Consumer group lag (messages behind)' });
    await lagTable.waitFor();
    // The API process hosts the accounts group, so it is on the page too.
    const groups = [...WORKERS, 'accounts'].map((name) => `${ctx.prefix}${name}`);
    const lagOf = (group: string): Locator =>
      lagTable
        .getByRole('row')
        .filter({ has: gus.page.getByRole('rowheader', { name: group }) })
        .locator('td.num');
    // Everything was consumed, so once a refresh shows it every group is caught up.
    for (const group of groups) await expect.poll(() => lagOf(group).textContent(), { timeout: 20_000 }).toBe('0');

    const report = (await (await fetch(`http://127.0.0.1:${stack.monitor.port}/lag.json`)).json()) as { groups: { group: string }[] };
    expect(report.groups.map((g) => g.group).sort()).toEqual(groups.sort());
    expect(await lagTable.locator('tbody tr').count()).toBe(groups.length);

    const latencyTable = gus.page.getByRole('table', { name: 'End-to-end latency by stage' });
    for (const stage of ['saved', 'fanned_out', 'tagged', 'graph_applied']) {
      await latencyTable.getByRole('rowheader', { name: stage, exact: true }).waitFor({ timeout: 20_000 });
    }
    expectNoProblems([gus]);
  });
});
