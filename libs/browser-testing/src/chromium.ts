import { existsSync } from 'node:fs';

/** Debian's package; CI installs the same one. Browser downloads are not possible here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];

/** Stops the run at once, naming the one command that fixes it, instead of failing every test. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH}: run \`sudo apt-get install -y chromium fonts-noto-cjk\` (or set CHROMIUM_PATH).`,
    );
  }
}
