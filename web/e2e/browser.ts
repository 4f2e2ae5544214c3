import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { signUp } from '../../packages/testkit/src/accounts.ts';

/** Debian's Chromium: the tests never download a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Quiet, deterministic Chromium: no sandbox (containers), no GPU, no background calls home.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Viewport {
  width: number;
  height: number;
}

export const DESKTOP: Viewport = { width: 1280, height: 800 };
export const PHONE: Viewport = { width: 390, height: 844 };

/** Long enough for a Kafka round trip on a loaded machine; every wait in the suite is bounded by it. */
export const UI_TIMEOUT_MS = 15_000;

/** A console error or an uncaught exception, with the URL it came from (for resource errors). */
export interface BrowserProblem {
  kind: 'console' | 'pageerror';
  text: string;
  url: string;
}

export interface UserPage {
  handle: string;
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions, as they happen. */
  problems: BrowserProblem[];
  /** Every request the page sent, in order. */
  requests: Request[];
  /** Opens `route` (a hash route such as `/home`) signed in as this user. */
  goto(route: string): Promise<void>;
  /** Problems whose URL or text matches none of `allowed`. */
  unexpectedProblems(allowed?: readonly RegExp[]): BrowserProblem[];
}

export interface OpenOptions {
  viewport?: Viewport;
  colorScheme?: 'light' | 'dark';
}

export interface E2eBrowser {
  browser: Browser;
  /**
   * A fresh context (own storage, own cookies) per user, so two users never share a session,
   * signed in: the account is created through the API (or signed in when it exists) and its
   * session cookie put in the context. The sign-up form itself has its own test.
   */
  openAs(handle: string, options?: OpenOptions): Promise<UserPage>;
  /** A fresh context with no session: the sign-in page. */
  openSignedOut(options?: OpenOptions): Promise<UserPage>;
}

export interface LaunchOptions {
  /** Where the API serves the built web app, e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Registers a cleanup step; the browser's close is registered the moment it exists. */
  onCleanup: (step: () => unknown) => void;
}

export function appUrl(baseUrl: string, route: string): string {
  return `${baseUrl}/#${route}`;
}

export async function launchBrowser({ baseUrl, onCleanup }: LaunchOptions): Promise<E2eBrowser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());

  async function openAs(handle: string, options: OpenOptions = {}): Promise<UserPage> {
    const user = await openSignedOut(options, handle);
    const { token } = await signUp(baseUrl, handle);
    await user.context.addCookies([{ name: 'chirp_session', value: token, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    return user;
  }

  async function openSignedOut(options: OpenOptions = {}, handle = ''): Promise<UserPage> {
    const context = await browser.newContext({
      viewport: options.viewport ?? DESKTOP,
      colorScheme: options.colorScheme ?? 'light',
      locale: 'en-US',
      timezoneId: 'UTC',
    });
    context.setDefaultTimeout(UI_TIMEOUT_MS);
    const page = await context.newPage();
    const problems: BrowserProblem[] = [];
    const requests: Request[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push({ kind: 'console', text: msg.text(), url: msg.location().url });
    });
    page.on('pageerror', (error) => problems.push({ kind: 'pageerror', text: String(error.stack ?? error), url: page.url() }));
    page.on('request', (request) => requests.push(request));
    return {
      handle,
      page,
      context,
      problems,
      requests,
      async goto(route) {
        await page.goto(appUrl(baseUrl, route));
      },
      unexpectedProblems(allowed = []) {
        return problems.filter((p) => !allowed.some((re) => re.test(p.url) || re.test(p.text)));
      },
    };
  }

  return { browser, openAs, openSignedOut };
}
