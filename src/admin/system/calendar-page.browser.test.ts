/**
 * 节假日日历 in Chromium at 1280 and 390 px: the administrator opens next year's form, pastes the
 * State Council notice, and the form is filled for review (periods, 调休 days, the notice's name);
 * a wrong weekday is listed back; nothing is stored until the form is saved, and then it is.
 * Screenshots go to CALENDAR_SCREENSHOTS_DIR when set.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from '../../shared/chromium.ts';
import { useBrowserApp } from '../../shared/browser-app.testing.ts';

const SCREENS = process.env.CALENDAR_SCREENSHOTS_DIR;

const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月6日（农历除夕、周六）至13日（周六）放假调休，共8天。2月14日（周日）上班。
三、清明节：4月5日（周二）放假1天。`;

async function shot(page: Page, name: string) {
  if (!SCREENS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENS, `calendar-${name}.png`), fullPage: true });
}

describe('holiday calendar: pasting the notice', { skip: chromiumSkipReason() }, () => {
  const env = useBrowserApp({ admin: true });

  // The phone reads only; the desktop then saves (after which next year is 2028).
  for (const width of [390, 1280]) {
    it(`fills next year's form from the pasted notice for review at ${width} px, and saves only when asked`, async () => {
      const page = await env.browser.newPage({ locale: 'zh-CN', viewport: { width, height: 900 } });
      page.on('pageerror', (e) => console.error(`[admin page error] ${e.message}`));
      await page.goto(`${env.base}/admin/#/system/calendar`);
      await page.getByLabel('用户名', { exact: true }).fill('admin');
      await page.getByLabel('密码', { exact: true }).fill(env.a.password('admin'));
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('button', { name: /录入 2027 年安排/ }).click();
      await page.getByLabel('粘贴通知原文（可选）').fill(NOTICE_2027);
      await page.getByRole('button', { name: '识别并填入' }).click();
      const status = page.getByRole('status').filter({ hasText: '已按通知填入' });
      await status.waitFor();
      assert.match(await status.innerText(), /3 项放假安排、1 个调休上班日/);
      assert.match(await status.innerText(), /“清明节”中“4月5日（周二）”：2027-04-05 是星期一，请核对/);
      assert.equal(await page.getByLabel('节日 2', { exact: true }).inputValue(), '春节');
      assert.equal(await page.getByLabel('节日 2 开始').inputValue(), '2027-02-06');
      assert.equal(await page.getByLabel('节日 2 结束').inputValue(), '2027-02-13');
      assert.equal(await page.getByLabel('上班日 1', { exact: true }).inputValue(), '2027-02-14');
      assert.equal(await page.getByLabel('依据的通知（名称、文号）').inputValue(), '国务院办公厅关于2027年部分节假日安排的通知');
      await shot(page, `paste-${width}`);
      const stored = () => env.a.deps.db.selectFrom('calendar_days').select('date').where('year', '=', 2027).execute();
      assert.equal((await stored()).length, 0, 'nothing is saved by reading the notice');
      if (width < 1280) return void (await page.close());
      await page.getByRole('button', { name: '保存 2027 年安排' }).click();
      await page.getByText(/已(录入|替换) 2027 年/).waitFor();
      assert.equal((await stored()).length, 13, '12 days off and 1 working Sunday');
      await shot(page, `saved-${width}`);
      await page.close();
    });
  }
});
