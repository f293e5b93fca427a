/**
 * The system Chromium (Debian package `chromium`), driven by playwright-core: used to print our own
 * HTML to PDF and by browser tests. playwright-core downloads no browser; we point it at the binary.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

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

/** Launches the system Chromium; the caller closes it (`await browser.close()`). */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
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
