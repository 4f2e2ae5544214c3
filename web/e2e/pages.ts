import { afterEach, expect } from 'vitest';
import type { E2eBrowser, UserPage } from './browser.ts';

// The app reports dwell/like clicks to POST /api/clicks for the "For you" ranking; the API has no
// such route yet, so those fire-and-forget calls end in a 404 the app deliberately ignores.
export const KNOWN_PROBLEMS = [/\/api\/clicks$/];

export interface SuitePages {
  /** A signed-in page at `route`, closed after the test. */
  open: (handle: string, route: string) => Promise<UserPage>;
  /** Closes `user`'s context after the test (for a page opened another way). */
  track: (user: UserPage) => UserPage;
  /** No console error or uncaught exception on these pages but the known ones and `allowed`. */
  expectNoProblems: (users: UserPage[], allowed?: RegExp[]) => void;
}

/** The pages a suite opens, each in its own context, closed after every test. */
export function suitePages(browser: E2eBrowser): SuitePages {
  const opened: UserPage[] = [];
  afterEach(async () => {
    for (const user of opened.splice(0)) await user.context.close();
  });
  const track = (user: UserPage): UserPage => {
    opened.push(user);
    return user;
  };
  return {
    open: async (handle, route) => {
      const user = track(await browser.openAs(handle));
      await user.goto(route);
      return user;
    },
    track,
    expectNoProblems: (users, allowed = []) => {
      for (const user of users) expect(user.unexpectedProblems([...KNOWN_PROBLEMS, ...allowed]), `@${user.handle}'s console`).toEqual([]);
    },
  };
}
