/**
 * The portal in a real Chromium: pages render, the larger-text and high-contrast modes work by
 * plain links, keyboard users get the skip link, and axe-core finds no serious or critical problem.
 */
import { it, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { useBrowserApp } from '../shared/browser-app.testing.ts';
import { seriousAxeViolations } from '../shared/axe.testing.ts';

const skip = chromiumSkipReason();
const shots = process.env.SCREENSHOT_DIR;

describe('portal in Chromium', { skip }, () => {
  const env = useBrowserApp();
  before(() => {
    if (shots) mkdirSync(shots, { recursive: true });
  });

  for (const path of ['/', '/xxgk/', '/xxgk/zn/', '/ysqgk/', '/no-such-page']) {
    it(`has no serious or critical axe-core violation on ${path}`, async () => {
      const page = await env.browser.newPage();
      await page.goto(env.base + path);
      assert.deepEqual(await seriousAxeViolations(page), []);
      await page.close();
    });
  }

  it('offers the skip link to keyboard users first, and switches modes without JavaScript', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${env.base}/xxgk/zn/`);
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
    const page = await env.browser.newPage();
    await page.goto(env.base);
    assert.equal(await page.locator('.site-name').innerText(), '石龙区人民政府');
    if (shots) await page.screenshot({ path: `${shots}/portal-home.png`, fullPage: true });
    await page.close();
  });
});
