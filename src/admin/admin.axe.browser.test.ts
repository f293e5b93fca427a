/**
 * Every admin page, at desktop width and on a 390 px phone, as the users who work on it: axe-core
 * finds no serious or critical violation, and one `main` landmark holds the page. Drawers that a
 * clerk works in (the item editor, a published item opened read-only) are checked open.
 * A user who opens a page of a role they lack sees 无权访问, not 页面不存在.
 *
 * Set AXE_REPORT=1 to print the number of serious and critical violations of every page, and
 * ADMIN_SCREENSHOTS_DIR to keep a screenshot of each.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { useBrowserApp } from '../shared/browser-app.testing.ts';
import { seriousAxeViolations } from '../shared/axe.testing.ts';

const VIEWPORTS = [{ name: 'desktop', width: 1280, height: 800 }, { name: '390px', width: 390, height: 844 }] as const;

interface Check {
  user: string;
  hash: string;
  /** Something on the page to wait for before checking. */
  ready: (page: Page) => Promise<unknown>;
  /** Opens a drawer or tab before the check. */
  then?: (page: Page) => Promise<unknown>;
  name: string;
}

const heading = (name: string | RegExp) => (p: Page) => p.getByRole('heading', { level: 1, name }).first().waitFor();

const CHECKS: Check[] = [
  { name: '工作台', user: 'gkb', hash: '/dashboard', ready: heading('工作台') },
  { name: '主动公开·信息发布', user: 'gkb', hash: '/publishing', ready: heading('主动公开') },
  {
    name: '主动公开·起草抽屉', user: 'fgw-editor', hash: '/publishing', ready: heading('主动公开'),
    then: async (p) => {
      await p.getByRole('button', { name: '起草信息' }).click();
      await p.getByRole('dialog').first().waitFor();
      await p.getByRole('toolbar', { name: '正文格式' }).waitFor(); // the body editor, loaded on demand
    },
  },
  {
    name: '主动公开·已发布信息抽屉（只读）', user: 'auditor', hash: '/publishing', ready: heading('主动公开'),
    then: async (p) => {
      await p.locator('.ant-table-row button').first().click();
      await p.getByRole('dialog').first().waitFor();
      await p.getByRole('textbox', { name: '正文', exact: true }).waitFor();
    },
  },
  {
    // The per-item results: a table at desktop width, a list on a phone. Submitting published
    // items is refused item by item, so the check changes nothing.
    name: '主动公开·批量操作结果', user: 'fgw-editor', hash: '/publishing', ready: heading('主动公开'),
    then: async (p) => {
      const boxes = p.locator('.ant-table-row .ant-checkbox-input');
      await boxes.first().waitFor();
      for (const box of (await boxes.all()).slice(0, 2)) await box.check();
      await p.getByRole('button', { name: '批量提交审核' }).click();
      await p.getByRole('dialog', { name: /批量操作结果/ }).waitFor();
    },
  },
  { name: '主动公开·栏目管理', user: 'gkb', hash: '/publishing', ready: heading('主动公开'), then: (p) => p.getByRole('tab', { name: '栏目管理' }).click() },
  { name: '主动公开·网站监测', user: 'gkb', hash: '/publishing', ready: heading('主动公开'), then: (p) => p.getByRole('tab', { name: '网站监测' }).click() },
  { name: '主动公开·信箱与新媒体', user: 'gkb', hash: '/publishing', ready: heading('主动公开'), then: (p) => p.getByRole('tab', { name: '信箱与新媒体' }).click() },
  { name: '依申请公开', user: 'gkb', hash: '/applications', ready: heading('依申请公开') },
  { name: '依申请公开·登记', user: 'gkb', hash: '/applications?new=1', ready: (p) => p.locator('form').first().waitFor() },
  { name: '依申请公开·案件', user: 'gkb', hash: '/applications?case=1', ready: (p) => p.locator('h1').first().waitFor() },
  { name: '复议诉讼', user: 'gkb', hash: '/oversight', ready: heading('复议诉讼') },
  { name: '统计分析', user: 'gkb', hash: '/statistics', ready: heading('统计分析') },
  { name: '通知', user: 'gkb', hash: '/notifications', ready: heading('通知') },
  { name: '年度报告', user: 'gkb', hash: '/report', ready: heading('年度报告') },
  { name: '年报核查', user: 'gkb', hash: '/reportcheck', ready: heading('年报核查') },
  { name: '用户管理', user: 'admin', hash: '/system/users', ready: heading('用户管理') },
  { name: '组织机构', user: 'admin', hash: '/system/organizations', ready: heading('组织机构') },
  { name: '文书模板', user: 'admin', hash: '/system/letters', ready: (p) => p.getByRole('heading', { name: '文号、联系方式和电子印章' }).waitFor() }, // with the body's letter settings
  { name: '节假日日历', user: 'admin', hash: '/system/calendar', ready: heading('节假日日历') },
  { name: '审批规则', user: 'admin', hash: '/system/approvals', ready: heading('审批规则') },
  { name: '审计日志', user: 'auditadmin', hash: '/system/audit', ready: heading('审计日志') },
  { name: '无权访问', user: 'fgw-editor', hash: '/system/users', ready: heading('无权访问') },
];

describe('admin pages pass axe-core at desktop and phone widths', { skip: chromiumSkipReason() }, () => {
  const env = useBrowserApp({ admin: true });
  // One signed-in page per user and width, moved from page to page by its hash like a clerk's
  // clicks: loading the app afresh for each check would cost more than the checks.
  const pages = new Map<string, Page>();

  async function pageAs(user: string, viewport: { width: number; height: number }): Promise<Page> {
    const key = `${user}@${viewport.width}`;
    let page = pages.get(key);
    if (!page) {
      const context: BrowserContext = await env.browser.newContext({ locale: 'zh-CN', viewport, reducedMotion: 'reduce' });
      context.setDefaultTimeout(90_000);
      page = await context.newPage();
      page.on('pageerror', (e) => console.error(`[admin page error] ${e.message}`));
      await page.goto(`${env.base}/admin/`);
      await page.getByLabel('用户名', { exact: true }).fill(user);
      await page.getByLabel('密码', { exact: true }).fill(env.a.password(user));
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.locator('#main-content').waitFor();
      pages.set(key, page);
    } else {
      // Close what the previous check opened.
      await page.keyboard.press('Escape');
    }
    return page;
  }

  for (const vp of VIEWPORTS) {
    for (const c of CHECKS) {
      it(`${c.name} (${vp.name})`, async () => {
        const page = await pageAs(c.user, vp);
        // A fresh view of the page even when the hash stays the same.
        await page.evaluate(() => { window.location.hash = '#/__axe'; });
        await page.evaluate((h) => { window.location.hash = h; }, `#${c.hash}`);
        await c.ready(page);
        await c.then?.(page);
        await page.waitForTimeout(300);
        const found = await seriousAxeViolations(page);
        if (process.env.AXE_REPORT) console.log(`axe ${vp.name} ${c.name}: ${found.length}`);
        assert.deepEqual(found, []);
        assert.equal(await page.locator('main, [role=main]').count(), 1, 'one main landmark');
        // Nothing runs past the screen: wide tables scroll inside their own box, never the page.
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), vp.width, 'no wider than the screen');
        if (process.env.ADMIN_SCREENSHOTS_DIR) {
          mkdirSync(process.env.ADMIN_SCREENSHOTS_DIR, { recursive: true });
          await page.screenshot({ path: join(process.env.ADMIN_SCREENSHOTS_DIR, `axe-${vp.name}-${c.name}.png`) });
        }
      });
    }
  }
});
