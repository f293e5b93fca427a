/**
 * The portal in a real Chromium: pages render, the larger-text and high-contrast modes work by
 * plain links, keyboard users get the skip link, and axe-core finds no serious or critical problem.
 */
import { it, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { openTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { createTestApp, listenTestApp, type TestApp } from '../http/test-app.ts';
import { chromiumSkipReason, launchChromium } from '../shared/chromium.ts';
import { seriousAxeViolations } from '../shared/axe.testing.ts';

const skip = chromiumSkipReason();
const shots = process.env.SCREENSHOT_DIR;

describe('portal in Chromium', { skip }, () => {
  let t: TestDatabase;
  let a: TestApp;
  let base: string;
  let browser: Browser;
  before(async () => {
    t = await openTestDatabase('sqlite');
    a = await createTestApp(t);
    base = await listenTestApp(a);
    browser = await launchChromium();
    if (shots) mkdirSync(shots, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await a?.app.close();
    await t?.close();
  });

  for (const path of ['/', '/xxgk/', '/xxgk/zn/', '/ysqgk/', '/no-such-page']) {
    it(`has no serious or critical axe-core violation on ${path}`, async () => {
      const page = await browser.newPage();
      await page.goto(base + path);
      assert.deepEqual(await seriousAxeViolations(page), []);
      await page.close();
    });
  }

  it('offers the skip link to keyboard users first, and switches modes without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/xxgk/zn/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '跳到主要内容');
    await page.getByRole('link', { name: '大字版' }).click();
    assert.equal(new URL(page.url()).pathname, '/xxgk/zn/');
    assert.equal(await page.getAttribute('body', 'class'), 'large-text');
    await page.getByRole('link', { name: '高对比度' }).click();
    assert.equal(await page.getAttribute('body', 'class'), 'large-text high-contrast');
    if (shots) await page.screenshot({ path: `${shots}/portal-guide-large-contrast.png`, fullPage: true });
    await context.close();
  });

  it('renders the home page with the body name in the header', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    assert.equal(await page.locator('.site-name').innerText(), '石龙区人民政府');
    if (shots) await page.screenshot({ path: `${shots}/portal-home.png`, fullPage: true });
    await page.close();
  });
});
