/**
 * 年报核查 in a real browser against the real server: the auditor (who may read everything and
 * write nothing) uploads the 洪泽区 2023 report, sees the section 四 totals printed as 0 flagged
 * red with the finding and the source line, downloads the CSV summary, and the screen passes axe.
 *
 * Set ADMIN_SCREENSHOTS_DIR to a folder to keep screenshots for a human to look at.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from '../../shared/chromium.ts';
import { useBrowserApp } from '../../shared/browser-app.testing.ts';
import { seriousAxeViolations } from '../../shared/axe.testing.ts';

const HONGZE_2023 = fileURLToPath(new URL('../../reportcheck/fixtures/hongze-2023.txt', import.meta.url));
const SCREENS = process.env.ADMIN_SCREENSHOTS_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForTimeout(400); // let antd's animations finish
  await page.screenshot({ path: join(SCREENS, `reportcheck-${name}.png`), fullPage: true });
}

describe('年报核查 in Chromium', { skip: chromiumSkipReason() }, () => {

  const env = useBrowserApp({ admin: true });

  it('lets the auditor check the 洪泽区 2023 report, see the flagged cells and download the CSV summary', async () => {
    // bypassCSP: axe-core is injected as a script tag; the page keeps its CSP otherwise.
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, bypassCSP: true, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${env.base}/admin/`);
    await page.getByLabel('用户名', { exact: true }).fill('auditor');
    await page.getByLabel('密码', { exact: true }).fill(env.a.password('auditor'));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '工作台' }).waitFor();

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '年报核查' }).click();
    await page.getByRole('heading', { name: '年报核查', level: 1 }).waitFor();
    assert.match(page.url(), /#\/reportcheck$/);
    assert.deepEqual(await seriousAxeViolations(page), []);
    await screenshot(page, 'empty');

    await page.locator('input[type=file]').setInputFiles(HONGZE_2023);
    await page.getByText('hongze-2023.txt').waitFor();
    await page.getByRole('button', { name: '开始核查' }).click();
    await page.getByText('核查结果：共 1 份报告，错误 2 项').waitFor();
    assert.equal(await page.getByRole('tab', { name: /洪泽区人民政府 2023/ }).count(), 1);
    await page.getByText('人民政府（按机关名称判断，次年3月31日前公布）').waitFor();

    // Section 三 is read: 25 statutory rows plus the single （六） row this report prints.
    const table3 = page.locator('.rc-table').nth(0);
    assert.equal(await table3.locator('tbody tr.ant-table-row').count(), 26);
    const received = table3.locator('tbody tr.ant-table-row').filter({ hasText: '一、本年新收政府信息公开申请数量' });
    assert.deepEqual((await received.locator('td').allInnerTexts()).slice(1).map((s) => s.trim()), ['21', '0', '0', '0', '0', '0', '21']);
    // The single （六） row is flagged amber; its split rows 1–3 were not printed: unread, not 0.
    const single = table3.locator('tbody tr.ant-table-row').filter({ hasText: '（六）其他处理（只印一行' });
    assert.equal(await single.locator('td.rc-cell-warning').count(), 7);
    const other1 = table3.locator('tbody tr.ant-table-row').filter({ hasText: '1.申请人无正当理由逾期不补正' });
    assert.match(await other1.locator('td').nth(1).innerText(), /未读出/);

    // Section 四: 行政复议 prints 10 + 1 but 总计 0; that cell is red, and its neighbours are not.
    const table4 = page.locator('.rc-table').nth(1);
    const review = table4.locator('tbody tr.ant-table-row').filter({ hasText: '行政复议' });
    const totalCell = review.locator('td').nth(5);
    assert.match((await totalCell.getAttribute('class')) ?? '', /rc-cell-error/);
    assert.doesNotMatch((await review.locator('td').nth(1).getAttribute('class')) ?? '', /rc-cell-/);
    assert.equal(await table4.locator('td.rc-cell-error').count(), 2);
    await totalCell.locator('.rc-flag').hover();
    const tip = page.getByRole('tooltip').filter({ hasText: '之和为 11，但“总计”为 0' });
    await tip.waitFor();
    assert.match(await tip.innerText(), /原文第 153 行：10\s+1\s+0/);
    await screenshot(page, 'result');

    // The findings list names the flaw with its severity.
    const flaw = page.locator('.rc-findings').getByRole('row').filter({ hasText: '第四部分“行政复议”' });
    assert.match(await flaw.innerText(), /错误[\s\S]*第四部分 · 行政复议 · 总计 · 第 153 行/);
    await page.mouse.move(0, 0);
    assert.deepEqual(await seriousAxeViolations(page), []);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载汇总 CSV' }).click()]);
    assert.equal(download.suggestedFilename(), '年报核查汇总.csv');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    assert.match(csv[0], /^文件或网址,机关,层级,年度,发布日期,三四部分读出单元格,三四部分单元格,错误,警告,提示,/);
    assert.match(csv[1], /^hongze-2023\.txt,洪泽区人民政府,人民政府,2023,,176,176,2,1,1/);
    await screenshot(page, 'findings');
    await context.close();
  });

  it('checks pasted text and refuses a file type it cannot read', async () => {
    const context = await env.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${env.base}/admin/#/reportcheck`);
    await page.getByLabel('用户名', { exact: true }).fill('jyj-editor');
    await page.getByLabel('密码', { exact: true }).fill(env.a.password('jyj-editor'));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '年报核查', level: 1 }).waitFor();

    await page.locator('input[type=file]').setInputFiles({ name: '年报.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('\u00d0\u00cf') });
    await page.getByText('“年报.xls”不是 .txt、.html、.htm、.docx、.doc、.wps、.pdf 或 .png/.jpg 图片').waitFor();
    assert.equal(await page.getByRole('button', { name: '开始核查' }).isDisabled(), true);

    await page.getByLabel('或粘贴报告全文').fill(readFileSync(HONGZE_2023, 'utf8'));
    await page.getByLabel('粘贴文本的名称（选填）').fill('洪泽区网页');
    // The reader sets the level: the result says so and applies the departments' deadline.
    await page.locator('.ant-select', { has: page.locator('#rc-level') }).click();
    await page.locator('.ant-select-item-option', { hasText: '政府部门（1月31日前）' }).click();
    await page.getByRole('button', { name: '开始核查' }).click();
    await page.getByRole('tab', { name: /洪泽区人民政府 2023/ }).waitFor();
    assert.equal(await page.locator('.rc-table').nth(1).locator('td.rc-cell-error').count(), 2);
    await page.getByText('政府部门（核查时指定，次年1月31日前公布）').waitFor();
    // On a phone the batch's title keeps its room beside (or above) the download buttons.
    await page.setViewportSize({ width: 390, height: 900 });
    await page.getByText(/^核查结果：共 1 份报告，错误 2 项/).waitFor();
    await page.getByText('政府部门（核查时指定，次年1月31日前公布）').waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    // Nothing wider than the phone: the list of accepted file types wraps inside the drop zone.
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
    // …and it wraps between names, never inside one (“.w” / “ps”), here and in the refusal above.
    assert.deepEqual(await namesSplitAcrossLines(page, '.ant-upload-hint, .ant-alert-description'), []);
    await screenshot(page, 'pasted');
    await context.close();
  });
});

/** File extensions (“.docx”) in the elements' text whose letters are laid out on more than one line. */
function namesSplitAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const split: string[] = [];
    for (const element of document.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\.[a-z]+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) split.push(m[0]);
        }
      }
    }
    return split;
  }, selector);
}
