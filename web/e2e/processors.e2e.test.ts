import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createTestContext, waitFor } from '@chirp/testkit';
import { apiClient, type ApiClient } from './api-client.ts';
import { launchBrowser, UI_TIMEOUT_MS, type E2eBrowser, type UserPage } from './browser.ts';
import { startStack, WORKERS, type ServiceStarter, type Stack } from './stack.ts';

// Issue 17's monitor half in Chromium: the processors page and the table query against a real
// stack with the analytics group (its table is the one queried), one stack for the file.
const ctx = await createTestContext();
// One process at a time: seven tsx compiles at once on a loaded 2-core box outlast the 60 s start bound.
// After one fails, the rest are refused: nothing may start behind the cleanup's back.
let starting: Promise<unknown> = Promise.resolve();
let failed = false;
const oneAtATime: ServiceStarter = {
  startService(name, extra) {
    const next = starting.then(() => {
      if (failed) throw new Error(`${name} not started: an earlier service failed to start`);
      return ctx.startService(name, extra);
    });
    starting = next.catch(() => void (failed = true));
    return next;
  },
};
// In beforeAll, not at module level: a start that fails there still runs the context's cleanup
// (afterAll), so the processes already started are stopped rather than left running.
let stack: Stack;
let browser: E2eBrowser;
let api: ApiClient;
beforeAll(async () => {
  stack = await startStack(oneAtATime, { workers: [...WORKERS, 'analytics'] });
  browser = await launchBrowser({ baseUrl: stack.url, onCleanup: ctx.onCleanup });
  api = apiClient(stack.url);
}, 600_000);
// The app reports dwell clicks on its own; nothing here depends on them.
const KNOWN_PROBLEMS = [/\/api\/clicks$/];
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
/** Workers start, groups join, the analytics view catches up: slower than one UI step on a busy box. */
const STACK_TIMEOUT_MS = 90_000;

const opened: UserPage[] = [];
afterEach(async () => {
  for (const user of opened.splice(0)) await user.context.close();
});

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.mouse.move(0, 0);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  console.log(`› wrote ${path}`);
}

const cellsOf = async (row: Locator): Promise<string[]> => (await row.locator('td').allTextContents()).map((t) => t.trim());
const partitionRows = (page: Page, group: string): Locator => page.getByRole('table', { name: `Partitions of ${group}` }).locator('tbody tr');

/** Offset and high watermark summed over a group's partitions of one topic, as the page shows them. */
async function shownOffsets(page: Page, group: string, topic: string): Promise<{ offset: number; high: number; rows: number }> {
  let offset = 0;
  let high = 0;
  let rows = 0;
  for (const row of await partitionRows(page, group).all()) {
    const name = (await row.locator('th').textContent()) ?? '';
    if (!name.startsWith(`${topic}[`)) continue;
    const [committed, watermark] = await cellsOf(row);
    offset += committed === '—' ? 0 : Number(committed!.replace(/,/g, ''));
    high += Number(watermark!.replace(/,/g, ''));
    rows++;
  }
  return { offset, high, rows };
}

async function bearerOf(user: UserPage): Promise<string> {
  const cookie = (await user.context.cookies()).find((c) => c.name === 'chirp_session');
  if (!cookie) throw new Error(`@${user.handle} has no session cookie`);
  return `Bearer ${cookie.value}`;
}

describe('processors page and table query in Chromium against the running stack', () => {
  it('shows the real groups with partitions, and offsets and lag figures that change after tweets are posted', async () => {
    const saver = `${ctx.prefix}saver`;
    const analytics = `${ctx.prefix}analytics`;
    const viewer = await browser.openSignedOut();
    opened.push(viewer);
    // Reached from the pipeline page.
    await viewer.goto('/pipeline');
    await viewer.page.getByRole('link', { name: 'processors' }).click();
    await viewer.page.getByRole('heading', { name: 'Processors', level: 1 }).waitFor();
    const summary = viewer.page.getByRole('table', { name: 'Processors (consumer groups)' });
    for (const group of [saver, `${ctx.prefix}fanout`, `${ctx.prefix}graph`, `${ctx.prefix}tagger`, analytics]) {
      await summary.getByRole('rowheader', { name: group, exact: true }).waitFor({ timeout: STACK_TIMEOUT_MS });
    }
    // Every partition of the saver's input, with an offset and a high watermark.
    await expect.poll(async () => (await shownOffsets(viewer.page, saver, ctx.topics.newTweets)).rows, { timeout: STACK_TIMEOUT_MS }).toBe(4);
    const before = await shownOffsets(viewer.page, saver, ctx.topics.newTweets);

    for (let i = 0; i < 3; i++) await api.postTweet('procwriter', `Processors page tweet ${i} #monitoring`);
    // The page refreshes by itself: the high watermark moves by the three tweets, and the saver's
    // committed offsets follow until its lag is 0 again.
    await expect
      .poll(async () => (await shownOffsets(viewer.page, saver, ctx.topics.newTweets)).high, { timeout: STACK_TIMEOUT_MS, interval: 250 })
      .toBe(before.high + 3);
    await expect
      .poll(async () => (await shownOffsets(viewer.page, saver, ctx.topics.newTweets)).offset, { timeout: STACK_TIMEOUT_MS, interval: 250 })
      .toBe(before.high + 3);
    const saverRow = summary.getByRole('rowheader', { name: saver, exact: true }).locator('xpath=..');
    await expect.poll(async () => (await cellsOf(saverRow))[1], { timeout: STACK_TIMEOUT_MS }).toBe('0');
    expect((await cellsOf(saverRow))[2]).toBe('caught up');
    // The rates cover the window the tweets arrived in: the saver's input rate is above zero.
    const [, , , inRate, consumed] = await cellsOf(saverRow);
    expect(inRate).toMatch(/^\d+(\.\d)?\/s$/);
    expect(consumed).toMatch(/^\d+(\.\d)?\/s$/);

    // The analytics group's table: every partition reported by its member, restored and running.
    const recovery = viewer.page.getByRole('table', { name: `Table ${analytics}-table: recovery per partition` });
    await expect
      .poll(async () => (await recovery.locator('tbody tr td:nth-child(2)').allTextContents()).join(','), { timeout: STACK_TIMEOUT_MS })
      .toBe('running,running,running,running');
    // The API's view of that table.
    await viewer.page.getByRole('rowheader', { name: `analytics in api (${analytics}-table)` }).waitFor();
    await shoot(viewer.page, 'processors.png');
    // Signed out on purpose: the app's session check answers 401.
    expect(viewer.unexpectedProblems([...KNOWN_PROBLEMS, /\/api\/sessions\/current$/])).toEqual([]);
  }, 300_000);

  it('returns the real analytics value for the signed-in user, "not found" for a missing key, and names a bad key', async () => {
    const reader = await browser.openAs('tqreader');
    opened.push(reader);
    const authorization = await bearerOf(reader);
    const tweet = await api.postTweet('tqauthor', 'A table query tweet about #cats');
    // Clicks of the reader's own: the analytics group folds them into the reader's key of its table.
    await waitFor(
      async () => {
        const res = await fetch(`${stack.url}/api/clicks`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ clicks: [{ user: 'tqreader', tweetId: tweet.id, kind: 'like' }] }),
        });
        return res.status === 202 || res.status === 204;
      },
      { what: 'the click accepted (the tweet saved first)', timeoutMs: STACK_TIMEOUT_MS, intervalMs: 250 },
    );
    const expected = await waitFor(
      async () => {
        const res = await fetch(`${stack.url}/api/monitor/tables/analytics/tqreader`, { headers: { authorization } });
        return res.status === 200 ? ((await res.json()) as { value: unknown }).value : null;
      },
      { what: "the reader's key in the analytics table", timeoutMs: STACK_TIMEOUT_MS, intervalMs: 250 },
    );

    await reader.goto('/pipeline');
    await reader.page.getByRole('link', { name: 'table query' }).click();
    await reader.page.getByRole('heading', { name: 'Table query', level: 1 }).waitFor();
    await expect.poll(() => reader.page.getByRole('list', { name: 'Tables' }).textContent(), { timeout: UI_TIMEOUT_MS }).toContain('ready');
    const keyBox = reader.page.getByLabel('Key');
    expect(await keyBox.inputValue()).toBe('tqreader');
    await reader.page.getByRole('button', { name: 'Look up' }).click();
    const value = reader.page.getByLabel('Value of tqreader');
    await value.waitFor();
    expect(JSON.parse((await value.textContent()) ?? '')).toEqual(expected);
    expect((expected as { clicks?: unknown }).clicks).toBe(1);
    await shoot(reader.page, 'table-query.png');

    const answer = reader.page.locator('#table-query-answer');
    await keyBox.fill('bad key!');
    await reader.page.getByRole('button', { name: 'Look up' }).click();
    await expect.poll(() => answer.textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^Key /);
    await keyBox.fill('tqauthor');
    await reader.page.getByRole('button', { name: 'Look up' }).click();
    await expect
      .poll(() => answer.textContent(), { timeout: UI_TIMEOUT_MS })
      .toBe('Signed in as tqreader, not tqauthor. Only your own key (your handle) can be read.');
    expect(reader.unexpectedProblems([...KNOWN_PROBLEMS, /\/api\/monitor\/tables\/analytics\//])).toEqual([]);

    // A user who never clicked has no key in the table: "not found", said as such.
    const newcomer = await browser.openAs('tqnewcomer');
    opened.push(newcomer);
    await newcomer.goto('/tables/analytics/tqnewcomer');
    await expect
      .poll(() => newcomer.page.locator('#table-query-answer').textContent(), { timeout: UI_TIMEOUT_MS })
      .toBe('Not found: analytics has no value for the key tqnewcomer.');
    expect(newcomer.unexpectedProblems([...KNOWN_PROBLEMS, /\/api\/monitor\/tables\/analytics\/tqnewcomer$/])).toEqual([]);
  }, 300_000);
});
