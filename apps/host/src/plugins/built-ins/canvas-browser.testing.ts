import fs from 'node:fs';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';
import { SESSION_COOKIE } from '../../accounts/auth.guard';
import type { TestUser } from '../../testing/factory';

/** Debian's package; CI installs the same one. Browser downloads are not possible here. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** How long a page may take to show what a user expects (plugin calls run in a worker process). */
const SEE_TIMEOUT_MS = 15_000;

/** A headless Chromium for the canvas tests; fails loudly (never skips) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The canvas browser tests need Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * One user's browser tab on a canvas, signed in with the user's session cookie. Records what would
 * show up as trouble in the developer tools: console errors, uncaught exceptions, requests that failed
 * and answers of 400 or more.
 */
export class CanvasTab {
  /** What went wrong on the page, in words, for `expect(tab.problems).toEqual([])`. */
  readonly problems: string[] = [];

  private constructor(readonly page: Page) {
    page.on('console', (message) => {
      // A 4xx/5xx answer also logs "Failed to load resource"; the response listener reports it with its URL.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.problems.push(`console error: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      // Aborted: cut short by a reload, or a failed answer the response listener already reports.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      this.problems.push(
        `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
      );
    });
    page.on('response', (response) => {
      if (response.status() >= 400) {
        this.problems.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
      }
    });
  }

  static async open(browser: Browser, baseUrl: string, user: TestUser, path: string): Promise<CanvasTab> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    await context.addCookies([{ name: SESSION_COOKIE, value: user.token, url: baseUrl, httpOnly: true }]);
    const tab = new CanvasTab(await context.newPage());
    await tab.page.goto(`${baseUrl}${path}`);
    return tab;
  }

  /** Waits until the text is on screen (a substring, or a pattern), and returns its element. */
  async see(text: string | RegExp): Promise<Locator> {
    const locator = this.page.getByText(text).first();
    try {
      await locator.waitFor({ state: 'visible', timeout: SEE_TIMEOUT_MS });
    } catch {
      const shown = await this.page.locator('body').innerText();
      throw new Error(`${this.page.url()} does not show ${String(text)}; it shows:\n${shown}`);
    }
    return locator;
  }

  /** Clicks the button with exactly this accessible name, or matching the pattern (the first of several). */
  async click(name: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).first().click({ timeout: SEE_TIMEOUT_MS });
  }

  /** `null`, `undefined`, `NaN` or `[object Object]` on screen: a script put a raw value into the page. */
  async leakedValues(): Promise<string[]> {
    const shown = await this.page.locator('body').innerText();
    const leaks = shown.match(/\b(?:null|undefined|NaN)\b|\[object Object\]/g) ?? [];
    return leaks.map((leak) => `${this.page.url()} shows "${leak}"`);
  }

  async reload(): Promise<void> {
    await this.page.reload();
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path, fullPage: true });
  }

  close(): Promise<void> {
    return this.page.context().close();
  }
}
