import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type Page, expect, test as base } from '@playwright/test';
import { HostApi, type HostUser } from '@kongjian/testing';

export { expect };
export type { HostUser };

export type Language = 'zh-CN' | 'en';

/** The two widths every page must work at: a phone and a laptop. */
export const PHONE = { width: 375, height: 760 };
export const DESKTOP = { width: 1280, height: 860 };

/** What differs between the UIs under test: where their screenshots go, and their i18n namespaces. */
export interface KjTestOptions {
  /** Where screenshots go: `docs/screenshots` when the screenshot script asks, else this test output folder. */
  screenshotDir: string;
  /** The UI's i18next namespaces: a `namespace:key` on screen means a string was never translated. */
  namespaces: string[];
}

/** For the docs, Chinese on a laptop and English on a phone are enough; the test run keeps all four. */
const KEEP_SCREENSHOT = (language: string, width: number): boolean =>
  !process.env.KONGJIAN_SCREENSHOT_DIR ||
  (language === 'zh-CN' && width === DESKTOP.width) ||
  (language === 'en' && width === PHONE.width);

/** The password of every person the demo data seeds. */
export const DEMO_PASSWORD = 'kongjian-demo';

/**
 * A person's browser tab on the web app, signed in with their session cookie. It records what would show up
 * as trouble in the developer tools: console errors (i18next reports missing keys there), uncaught
 * exceptions, failed requests and answers of 400 or more, except those a test says it expects.
 */
export class KjPage {
  readonly problems: string[] = [];
  private readonly expected: RegExp[] = [];

  /** An i18n key on screen (`feed:composer.placeholder`) means a string was never translated. */
  private readonly rawKey: RegExp;
  private readonly screenshotDir: string;

  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    options: KjTestOptions,
  ) {
    this.rawKey = new RegExp(`\\b(?:common|problem|${options.namespaces.join('|')}):[\\w.]+`);
    this.screenshotDir = process.env.KONGJIAN_SCREENSHOT_DIR ?? options.screenshotDir;
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.problems.push(`console error: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      // Aborted: cut short by a navigation, an unmounted query, or a closed event stream.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      this.problems.push(
        `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
      );
    });
    page.on('response', (response) => {
      const line = `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`;
      if (response.status() >= 400 && !this.expected.some((pattern) => pattern.test(line))) {
        this.problems.push(line);
      }
    });
  }

  /** Lets an error answer pass that the journey provokes on purpose, e.g. /^422 POST \/moods$/. */
  expectError(pattern: RegExp): void {
    this.expected.push(pattern);
  }

  async goto(pathname: string): Promise<void> {
    await this.page.goto(new URL(pathname, this.baseUrl).href);
  }

  /** Switches the language the way a person remembers it, and reloads. */
  async setLanguage(language: Language): Promise<void> {
    await this.page.evaluate((chosen) => localStorage.setItem('kongjian.language', chosen), language);
    await this.page.reload();
  }

  /**
   * What a finished page must pass, at the width it has now and at the other one: no serious or critical
   * axe-core violation, no raw i18n key on screen, and a full-page screenshot `<name>-<language>-<width>.png`.
   */
  async check(name: string): Promise<void> {
    const original = this.page.viewportSize() ?? DESKTOP;
    for (const size of original.width === PHONE.width ? [PHONE, DESKTOP] : [DESKTOP, PHONE]) {
      await this.page.setViewportSize(size);
      await this.page.waitForLoadState('networkidle').catch(() => undefined);
      // A dialog still fading out would be judged half-transparent, with its title already gone.
      await this.page.waitForFunction(() =>
        document
          .getAnimations()
          .every(
            (animation) =>
              animation.playState !== 'running' ||
              animation.effect?.getComputedTiming().iterations === Infinity,
          ),
      );
      // Judge the page at rest: no hover or focus styles left over from the journey's last click.
      await this.page.mouse.move(0, 0);
      // A full-page shot taken scrolled down would paint the sticky header in the middle of the page.
      await this.page.evaluate(() => window.scrollTo(0, 0));
      await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      // An app's canvas is the app's own document (the plugins' canvas tests check theirs), not this page's.
      const results = await new AxeBuilder({ page: this.page }).options({ iframes: false }).analyze();
      const serious = results.violations.filter(
        (violation) => violation.impact === 'serious' || violation.impact === 'critical',
      );
      expect(
        serious.map(
          (violation) =>
            `${violation.id}: ${violation.help} (${violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`).join(', ')})`,
        ),
        `${name} at ${size.width}px`,
      ).toEqual([]);
      const text = await this.page.locator('body').innerText();
      expect(text.match(this.rawKey)?.[0], `${name}: an untranslated key is on screen`).toBeUndefined();
      expect(
        text.match(/\b(?:undefined|NaN)\b|\[object Object\]/)?.[0],
        `${name}: a raw value is on screen`,
      ).toBeUndefined();
      await this.screenshot(name);
    }
    await this.page.setViewportSize(original);
  }

  /** A full-page screenshot `<name>-<language>-<width>.png`, for the docs when it is one they keep. */
  async screenshot(name: string): Promise<void> {
    const language = await this.page.evaluate(() => document.documentElement.lang);
    const width = this.page.viewportSize()?.width ?? DESKTOP.width;
    if (!KEEP_SCREENSHOT(language, width)) return;
    mkdirSync(this.screenshotDir, { recursive: true });
    await this.page.screenshot({
      path: path.join(this.screenshotDir, `${name}-${language}-${width}.png`),
      fullPage: true,
    });
  }

  /** Nothing went wrong that the person would have seen in the developer tools. */
  expectNoProblems(): void {
    expect(this.problems).toEqual([]);
  }
}

interface Fixtures {
  baseUrl: string;
  hostApi: HostApi;
  /** Opens a tab for a person (signed in when given one), in a language, at desktop width. */
  open: (
    user: HostUser | undefined,
    options?: { language?: Language; viewport?: typeof DESKTOP },
  ) => Promise<KjPage>;
  /** Signs a demo person in over the API (they exist with the demo data). */
  demoUser: (username: string) => Promise<HostUser>;
  /** The host's admin (named at start, as KONGJIAN_ADMIN), signed in over the API. */
  admin: HostUser;
}

async function openTab(
  browser: Browser,
  baseUrl: string,
  user: HostUser | undefined,
  language: Language,
  viewport: typeof DESKTOP,
  options: KjTestOptions,
): Promise<KjPage> {
  // As a person who asked for less motion: antd then shows dialogs and menus at once, so a journey never
  // clicks into one still moving in on a slow machine.
  const context = await browser.newContext({ viewport, locale: language, reducedMotion: 'reduce' });
  if (user) {
    await context.addCookies([{ name: 'kj_session', value: user.token, url: baseUrl, httpOnly: true }]);
  }
  await context.addInitScript((chosen) => {
    if (!localStorage.getItem('kongjian.language')) localStorage.setItem('kongjian.language', chosen);
  }, language);
  const tab = new KjPage(await context.newPage(), baseUrl, options);
  // Signed out, the app asks who is signed in and hears 401: that is how it knows.
  if (!user) tab.expectError(/^401 GET \/account$/);
  return tab;
}

async function signIn(hostApi: HostApi, username: string, password: string): Promise<HostUser> {
  const signedIn = await hostApi.request<{ account: { id: string }; token: string }>('POST', '/sessions', {
    body: { username, password },
  });
  return { id: signedIn.account.id, username, password, token: signedIn.token };
}

/** Playwright's `test` with the fixtures every Kongjian UI journey uses, for one UI. */
export function createKjTest(options: KjTestOptions) {
  return base.extend<Fixtures>({
    // eslint-disable-next-line no-empty-pattern
    baseUrl: async ({}, use) => {
      const url = process.env.KONGJIAN_TEST_URL;
      if (!url) throw new Error('KONGJIAN_TEST_URL is unset: run the tests through playwright.config.ts');
      await use(url);
    },
    hostApi: async ({ baseUrl }, use) => use(new HostApi(baseUrl)),
    open: async ({ browser, baseUrl }, use) => {
      const opened: KjPage[] = [];
      await use(async (user, choice = {}) => {
        const tab = await openTab(
          browser,
          baseUrl,
          user,
          choice.language ?? 'zh-CN',
          choice.viewport ?? DESKTOP,
          options,
        );
        opened.push(tab);
        return tab;
      });
      for (const tab of opened) await tab.page.context().close();
    },
    demoUser: async ({ hostApi }, use) => {
      await use((username) => signIn(hostApi, username, DEMO_PASSWORD));
    },
    admin: async ({ hostApi }, use) => {
      const [username, password] = process.env.KONGJIAN_TEST_ADMIN!.split(':') as [string, string];
      await use(await signIn(hostApi, username, password));
    },
  });
}
