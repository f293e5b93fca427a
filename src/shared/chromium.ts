/**
 * The system Chromium (Debian package `chromium`), driven by playwright-core: used to print our own
 * HTML to PDF and by browser tests. playwright-core downloads no browser; we point it at the binary.
 */
import { existsSync } from 'node:fs';
import type { Browser, LaunchOptions } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless server without a sandbox-capable kernel, GPU or network side-traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export function chromiumAvailable(executablePath = CHROMIUM_PATH): boolean {
  return existsSync(executablePath);
}

/**
 * Launches the system Chromium; the caller closes it (`await browser.close()`). Its pages ask for
 * reduced motion (the admin app then turns antd's animations off): no half-open dialog for a
 * test to click into, nothing moving in a printed PDF. A page or context may still override it.
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  // Loaded here, not at the top: playwright-core is a large bundle (about a second of start-up
  // on a busy machine) that only PDF output and browser tests need.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (o = {}) => newContext({ reducedMotion: 'reduce', ...o });
  browser.newPage = (o = {}) => newPage({ reducedMotion: 'reduce', ...o });
  return browser;
}

/**
 * For `it(name, { skip: chromiumSkipReason() }, …)`: false when the browser exists. When it is
 * missing, a developer machine skips with a loud warning; under CI=true it returns false, so the
 * test runs and fails instead of passing silently.
 */
export function chromiumSkipReason(executablePath = CHROMIUM_PATH): false | string {
  if (chromiumAvailable(executablePath)) return false;
  if (process.env.CI === 'true') return false;
  const reason = `Chromium not found at ${executablePath}: install the Debian packages chromium and fonts-noto-cjk`;
  console.warn(`\n!!!!!!!! SKIPPING BROWSER TEST — ${reason} !!!!!!!!\n`);
  return reason;
}
