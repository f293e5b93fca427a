/**
 * The annual report in a real browser, on the demo records of 石龙区 2022 (the demo's published
 * report replaced by a fresh draft of it, section 二 not yet entered): the 公开办 editor
 * enters the section 二 figures, writes a count without its number and is refused, writes a figure
 * in the narrative that contradicts the table and sees the validation error naming the paragraph,
 * fixes it with a placeholder, submits; the leader approves and publishes; the report is then in
 * the portal's 年报 column.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from '../../shared/chromium.ts';
import { useBrowserApp } from '../../shared/browser-app.testing.ts';
import { freshDemoDraft } from '../../demo/report-draft.testing.ts';
import { seriousAxeViolations } from '../../shared/axe.testing.ts';


async function openReport(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/admin/#/report`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '年度报告' }).waitFor();
  await page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '年度' }) }).click();
  await page.getByTitle('2022年度').click();
  await page.getByText('石龙区人民政府2022年政府信息公开工作年度报告').waitFor();
}

describe('annual report in Chromium', { skip: chromiumSkipReason() }, () => {
  const env = useBrowserApp({ admin: true, now: '2023-01-16T02:00:00Z' });
  before(async () => {
    await freshDemoDraft({ deps: env.a.deps });
  });

  it('a placeholder goes in at the caret and the typing after it stays', async () => {
    const page = await env.browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    await openReport(page, env.base, 'gkb', env.a.password('gkb'));
    await page.getByRole('tab', { name: '正文' }).click();
    const box = page.getByRole('textbox', { name: '（二）依申请公开情况', exact: true });
    await box.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type('全区共受理政府信息公开申请，均在法定期限内答复。');
    // The caret goes back before "，均在法定期限内答复。" (11 characters), in the middle of the paragraph.
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowLeft');
    await page.getByRole('combobox', { name: '（二）依申请公开情况：插入表格数字' }).click();
    await page.keyboard.type('本年新收');
    await page.keyboard.press('Enter');
    await page.keyboard.type('件');
    await page.keyboard.press('End');
    await page.keyboard.type('另收到咨询若干。');
    const expected = '全区共受理政府信息公开申请{{本年新收申请}}件，均在法定期限内答复。另收到咨询若干。';
    assert.equal(await box.innerText(), expected);
    await page.getByRole('button', { name: '保存正文' }).click();
    await page.getByText('正文已保存').waitFor();
    const row = await env.t.db.selectFrom('report_versions').select('narrative').where('year', '=', 2022).where('status', '=', 'draft').executeTakeFirstOrThrow();
    const stored = (JSON.parse(row.narrative) as Record<string, string>).ysqgk;
    assert.equal(stored.replace(/<[^>]+>/g, ''), expected, stored);
    await page.close();
  });

  it('edit, see the contradiction, fix, submit, approve, publish, find it on the portal', async () => {
    const editor = await env.browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    await openReport(editor, env.base, 'gkb', env.a.password('gkb'));

    // Section 二 figures nobody entered block submission until entered.
    await editor.getByRole('tab', { name: '第二部分数字' }).click();
    await editor.getByLabel('行政许可本年处理决定数量').fill('120');
    await editor.getByLabel('行政处罚本年处理决定数量').fill('15');
    await editor.getByLabel('行政强制本年处理决定数量').fill('0');
    await editor.getByLabel('行政事业性收费本年收费金额（万元）').fill('12.5');
    await editor.getByRole('button', { name: '保存数字' }).click();
    await editor.getByText('已保存').waitFor();

    // A count written without its number (the placeholder lost): named in 校验, and 提交审批 refused.
    await editor.getByRole('tab', { name: '正文' }).click();
    const ysqgk = editor.getByRole('textbox', { name: '（二）依申请公开情况', exact: true });
    await ysqgk.fill('（二）依申请公开情况。2022年，全区共受理政府信息公开申请件，均在法定期限内予以答复。');
    await editor.getByRole('button', { name: '保存正文' }).click();
    await editor.getByText('正文已保存').waitFor();
    const missing = '第一部分“（二）依申请公开情况”第1段“全区共受理政府信息公开申请件”缺少数字：“件”前应写明数字，或插入表格数字（占位符）';
    await editor.getByRole('tab', { name: /校验/ }).click();
    await editor.getByRole('region', { name: '校验发现' }).getByText(missing).waitFor();
    await editor.getByRole('button', { name: '提交审批' }).click();
    await editor.locator('.ant-message').getByText(missing).waitFor();
    await editor.getByText('第1版 · 草稿').waitFor();

    // A literal figure that contradicts the table: 12 applications written, 9 in the records.
    await editor.getByRole('tab', { name: '正文' }).click();
    await ysqgk.fill('（二）依申请公开情况。2022年，全区共受理政府信息公开申请12件，均在法定期限内予以答复。');
    await editor.getByRole('button', { name: '保存正文' }).click();
    await editor.getByText('正文已保存').last().waitFor();
    await editor.getByRole('tab', { name: /校验/ }).click();
    const findings = editor.getByRole('region', { name: '校验发现' });
    await findings.getByText(/写本年新收申请为“受理政府信息公开申请12件”，但表格数字为 9/).waitFor();
    await findings.getByText('（二）依申请公开情况', { exact: false }).first().waitFor();

    // Fix with the placeholder; the error goes away; submit.
    await editor.getByRole('tab', { name: '正文' }).click();
    await ysqgk.fill('（二）依申请公开情况。2022年，全区共受理政府信息公开申请{{本年新收申请}}件，均在法定期限内予以答复。');
    await editor.getByRole('button', { name: '保存正文' }).click();
    await editor.getByText('正文已保存').last().waitFor();
    await editor.getByRole('tab', { name: /校验（0 错误）/ }).click();
    await editor.getByText('没有错误').waitFor();
    await editor.getByRole('button', { name: '提交审批' }).click();
    await editor.getByText('第1版 · 待审批').waitFor();
    assert.equal(await editor.getByRole('button', { name: '审批通过' }).count(), 0, 'the editor cannot approve');
    await editor.close();

    // The leader in charge (第一责任人) approves and publishes.
    const leader = await env.browser.newPage({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    await openReport(leader, env.base, 'leader', env.a.password('leader'));
    await leader.getByRole('button', { name: '审批通过' }).click();
    await leader.getByText('第1版 · 已审批待发布').waitFor();
    await leader.getByRole('button', { name: '发布到门户网站' }).click();
    await leader.getByText('第1版 · 已发布').waitFor();
    await leader.getByText('发布日期：2023-01-16').waitFor();

    // The portal's 年报 column lists it; the page shows the figure the placeholder filled in.
    await leader.goto(`${env.base}/xxgk/nb/`);
    assert.deepEqual(await seriousAxeViolations(leader), []);
    await leader.getByRole('link', { name: '石龙区人民政府2022年政府信息公开工作年度报告' }).click();
    await leader.getByText('全区共受理政府信息公开申请9件').waitFor();
    await leader.getByText('发布日期：2023-01-16').waitFor();
    assert.deepEqual(await seriousAxeViolations(leader), []);
    await leader.close();
  });
});
