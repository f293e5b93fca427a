import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { chromiumSkipReason, launchChromium } from './chromium.ts';
import { seriousAxeViolations } from './axe.testing.ts';

// A toast as the admin's message component shows one: it fades out, then is removed on animationend.
const PAGE = `<!doctype html><html lang="zh-CN"><head><title>提示</title><style>
  @keyframes leave { from { opacity: 1 } to { opacity: 0 } }
  @keyframes spin { to { transform: rotate(360deg) } }
  .toast { color: #000; background: #fff; }
  .leaving { animation: leave 1.2s linear both; }
  .spinner { animation: spin 1s linear infinite; width: 1em; height: 1em; }
  .faint { color: #000; opacity: 0.4; }
</style></head><body><main><h1>提示</h1>
  <div class="toast" id="toast">已保存</div><div class="spinner" aria-hidden="true"></div>
  __STATIC__
</main></body></html>`;

describe('the accessibility check', { skip: chromiumSkipReason() }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('judges a toast once its fade has ended, not half-faded, and does not wait on a spinner', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(PAGE.replace('__STATIC__', ''));
      await page.evaluate(() => {
        const toast = document.getElementById('toast')!;
        toast.addEventListener('animationend', () => toast.remove());
        toast.classList.add('leaving');
      });
      await page.waitForTimeout(800); // a third opaque: light grey on white, too faint to read
      assert.deepEqual(await seriousAxeViolations(page), []);
      assert.equal(await page.locator('#toast').count(), 0, 'the toast had gone when axe looked');
    } finally {
      await page.close();
    }
  });

  it('still finds text too faint to read when nothing moves', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(PAGE.replace('__STATIC__', '<p class="faint">本页内容</p>'));
      const found = await seriousAxeViolations(page);
      assert.equal(found.length, 1, found.join('\n'));
      assert.match(found[0]!, /^serious color-contrast: .* @ p$/);
    } finally {
      await page.close();
    }
  });
});
