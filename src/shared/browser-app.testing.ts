/**
 * Test helper for browser suites: registers before/after hooks in the current `describe` that open
 * a fresh database of `kind` with the demo data, start the app on a loopback port and launch
 * Chromium, and close all three after the suite (closing the browser closes its contexts).
 * The returned object is filled in by the time the suite's tests run.
 */
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import type { DialectName } from '../db/dialect.ts';
import { openTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, listenTestApp, type TestApp, type TestAppOptions } from '../http/test-app.ts';
import { launchChromium } from './chromium.ts';
import { ensureAdminBuilt } from './admin-build.testing.ts';

export interface BrowserApp {
  t: TestDatabase;
  a: TestApp;
  /** The app's base URL, e.g. http://127.0.0.1:40123 */
  base: string;
  browser: Browser;
}

export interface BrowserAppOptions {
  kind?: DialectName;
  now?: string;
  admin?: boolean;
  /**
   * The app's options (configuration variables, server options), read when the suite starts: a
   * function may name what an earlier `before` hook started, e.g. a mail server's URL.
   */
  app?: TestAppOptions | (() => TestAppOptions);
}

export function useBrowserApp(options: BrowserAppOptions = {}): BrowserApp {
  const env = {} as BrowserApp;
  before(async () => {
    if (options.admin) await ensureAdminBuilt();
    env.t = await openTestDatabase(options.kind ?? 'sqlite');
    env.a = await createTestApp(env.t, options.now, typeof options.app === 'function' ? options.app() : options.app);
    env.base = await listenTestApp(env.a);
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    await env.a?.app.close();
    await env.t?.close();
  });
  return env;
}
