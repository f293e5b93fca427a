/**
 * The portal on a phone (390 px) and on paper: nothing wider than the screen, the content before
 * the column navigation, the statutory tables scrolling in their own region, the frame left out
 * of a print; and the search and pagers as a visitor meets them.
 */
import { it, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { useBrowserApp } from '../shared/browser-app.testing.ts';
import { seriousAxeViolations } from '../shared/axe.testing.ts';

const skip = chromiumSkipReason();
const shots = process.env.SCREENSHOT_DIR;
const PHONE = { width: 390, height: 844 };

/** How far the page reaches beyond the viewport's right edge (0 when it fits). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('portal on a phone and in print', { skip }, () => {
  const env = useBrowserApp();
  before(() => {
    if (shots) mkdirSync(shots, { recursive: true });
  });

  async function phonePage() {
    const context = await env.browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
    return { context, page: await context.newPage() };
  }

  async function firstItemPath(): Promise<string> {
    const res = await env.a.app.inject({ url: '/' });
    return /href="(\/xxgk\/xx\/\d+\/)"/.exec(res.body)![1];
  }

  it('fits an item page with its 信息目录 into 390 px, label beside value', async () => {
    const { context, page } = await phonePage();
    await page.goto(env.base + (await firstItemPath()));
    assert.equal(await overflow(page), 0);
    const box = await page.locator('table.meta').boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `信息目录 within the screen: ${JSON.stringify(box)}`);
    // 索引号 and its value side by side on one row, 主题分类 on the next.
    const label = await page.locator('table.meta th', { hasText: '索引号' }).boundingBox();
    const topic = await page.locator('table.meta th', { hasText: '主题分类' }).boundingBox();
    assert.ok(label && topic && topic.y > label.y && Math.abs(topic.x - label.x) < 2, 'labels stacked in one column');
    if (shots) await page.screenshot({ path: `${shots}/portal-item-390.png`, fullPage: true });
    await context.close();
  });

  it('shows a column page content first on a phone and the navigation on the left on a desktop', async () => {
    const { context, page } = await phonePage();
    await page.goto(`${env.base}/xxgk/fdzdgknr/`);
    assert.equal(await overflow(page), 0);
    const title = await page.locator('h1#page-title').boundingBox();
    const nav = await page.locator('nav.side-nav').boundingBox();
    assert.ok(title && nav && title.y < nav.y, 'title above the navigation');
    if (shots) await page.screenshot({ path: `${shots}/portal-column-390.png` });
    await context.close();
    const desk = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desk.goto(`${env.base}/xxgk/fdzdgknr/`);
    const t2 = await desk.locator('h1#page-title').boundingBox();
    const n2 = await desk.locator('nav.side-nav').boundingBox();
    assert.ok(t2 && n2 && n2.x < t2.x && Math.abs(n2.y - t2.y) < 40, 'navigation left of the content');
    if (shots) await desk.screenshot({ path: `${shots}/portal-column-desktop.png` });
    await desk.close();
  });

  it('prints the content without the navigation, search form and pager', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.base}/xxgk/fdzdgknr/`);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['nav.main-nav', 'nav.side-nav', 'form.header-search', 'nav.pager', 'nav.breadcrumbs']) {
      assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} hidden in print`);
    }
    assert.equal(await page.locator('h1#page-title').isVisible(), true);
    await page.close();
  });

  it('finds a 文号 typed with [ ], ( ) or （ ） as printed with 〔 〕', async () => {
    const item = await env.t.db.selectFrom('publishing_items').select(['id', 'doc_number']).where('status', '=', 'published').where('doc_number', 'like', '%〔%').orderBy('id').executeTakeFirstOrThrow();
    for (const [open, close] of [['[', ']'], ['(', ')'], ['（', '）']]) {
      const q = item.doc_number.replace('〔', open).replace('〕', close);
      const res = await env.a.app.inject({ url: `/search?q=${encodeURIComponent(q)}` });
      assert.match(res.body, new RegExp(`href="/xxgk/xx/${item.id}/"`), q);
    }
  });

  it('sorts search results by date on request, numbers the pages, and explains an empty result', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.base}/search?q=${encodeURIComponent('区')}`);
    await page.locator('#s-sort').selectOption('date');
    await page.getByRole('button', { name: '搜索', exact: true }).last().click();
    await page.waitForURL(/sort=date/);
    assert.match(await page.getByRole('status').innerText(), /按发布日期从新到旧排列/);
    const dates = await page.locator('.hit-meta').allInnerTexts();
    const published = dates.map((d) => /发布日期：(\S+)/.exec(d)![1]);
    assert.deepEqual(published, [...published].sort().reverse());
    await page.getByRole('link', { name: '第2页' }).click();
    assert.match(page.url(), /page=2/);
    assert.match(page.url(), /sort=date/);
    await page.goto(`${env.base}/search?q=${encodeURIComponent('没有这样的词语组合')}`);
    assert.equal(await page.getByRole('heading', { name: '没有找到？可以这样试试' }).isVisible(), true);
    if (shots) await page.screenshot({ path: `${shots}/portal-search-empty.png` });
    await page.close();
  });

  it('passes axe-core (no serious or critical violation) on every portal page, desktop and 390 px', async () => {
    const pages = ['/', '/xxgk/', '/xxgk/zn/', '/xxgk/zd/', '/xxgk/fdzdgknr/', '/xxgk/lm/shilong/ffjz/', await firstItemPath(), '/xxgk/nb/', '/xxgk/nb/shilong/2022/',
      `/search?q=${encodeURIComponent('区')}`, `/search?q=${encodeURIComponent('没有这样的词语组合')}`, '/hdjl/', '/hdjl/xx/', '/xmt/', '/ztzl/', '/xxgk/bm/', '/ysqgk/'];
    const counts: string[] = [];
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      const page = await env.browser.newPage({ viewport });
      for (const path of pages) {
        await page.goto(env.base + path);
        const found = await seriousAxeViolations(page);
        counts.push(`${viewport.width}px ${path}: ${found.length}`);
        assert.deepEqual(found, [], `${path} at ${viewport.width}px`);
        if (viewport === PHONE) assert.equal(await overflow(page), 0, `${path} fits 390 px`);
        if (shots && path.startsWith('/xxgk/nb/')) await page.screenshot({ path: `${shots}/portal-${path.replaceAll('/', '-').slice(1, -1)}-${viewport.width}.png`, fullPage: true });
      }
      await page.close();
    }
    if (process.env.AXE_REPORT) console.log(counts.join('\n'));
  });

  it('sends a page number past the end to the last page', async () => {
    for (const [path, last] of [['/hdjl/?page=99', '/hdjl/?page=2'], ['/xxgk/fdzdgknr/?page=100000', null]] as const) {
      const res = await env.a.app.inject({ url: path });
      assert.equal(res.statusCode, 302, path);
      if (last) assert.equal(res.headers.location, last);
      const after = await env.a.app.inject({ url: String(res.headers.location) });
      assert.equal(after.statusCode, 200);
      assert.doesNotMatch(after.body, /暂无/);
    }
    const res = await env.a.app.inject({ url: `/search?q=${encodeURIComponent('区')}&page=9999` });
    assert.equal(res.statusCode, 302);
    assert.match(String(res.headers.location), /^\/search\?q=%E5%8C%BA&page=\d+$/);
  });
});
