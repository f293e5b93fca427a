/**
 * The publishing screens in Chromium: 发改委's publisher drafts an item through the admin form,
 * attaches a file and submits it; 发改委's reviewer approves it on the same screen; the portal
 * shows it at once. The screen passes axe-core (no serious or critical violation).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from '../../shared/chromium.ts';
import { useBrowserApp } from '../../shared/browser-app.testing.ts';
import { seriousAxeViolations } from '../../shared/axe.testing.ts';


describe('publishing screens in Chromium', { skip: chromiumSkipReason() }, () => {

  const env = useBrowserApp({ admin: true });

  async function signIn(username: string): Promise<Page> {
    const page = await (await env.browser.newContext({ bypassCSP: true })).newPage();
    await page.goto(`${env.base}/admin/`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(env.a.password(username));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('menuitem', { name: /主动公开/ }).click();
    await page.getByRole('heading', { level: 1, name: '主动公开' }).waitFor();
    return page;
  }

  it('drafts with an attachment, submits, approves, and the portal shows it', async () => {
    const editor = await signIn('fgw-editor');
    assert.deepEqual(await seriousAxeViolations(editor), []);
    await editor.getByRole('button', { name: '起草信息' }).click();
    await editor.locator('#columnId').click();
    await editor.locator('#columnId').fill('公告公示');
    await editor.locator('.ant-select-tree-node-content-wrapper', { hasText: '公告公示' }).click();
    await editor.getByLabel('标题', { exact: true }).fill('石龙区发改委2026年第一季度价格监测报告');
    await editor.getByLabel(/^正文/).fill('<p>一季度全区居民消费价格总水平保持稳定。</p>');
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.getByText('已保存').waitFor();
    await editor.getByRole('tab', { name: '附件' }).click();
    await editor.locator('input[type=file]').setInputFiles({ name: '监测表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await editor.getByText('监测表.pdf').waitFor();
    await editor.getByRole('button', { name: '提交审核' }).click();
    await editor.getByText(/提交审核：完成/).waitFor();

    const reviewer = await signIn('fgw-reviewer');
    await reviewer.getByRole('button', { name: '石龙区发改委2026年第一季度价格监测报告' }).click();
    await reviewer.getByRole('button', { name: '审核通过' }).click();
    // 保密审查: the approval stays disabled until every item of the checklist is ticked.
    const dialog = reviewer.getByRole('dialog', { name: '审核通过 · 保密审查' });
    const ok = dialog.getByRole('button', { name: '审核通过并发布' });
    await dialog.getByRole('checkbox', { name: '不涉及国家秘密' }).check();
    assert.equal(await ok.isDisabled(), true);
    assert.deepEqual(await seriousAxeViolations(reviewer), []);
    for (const box of await dialog.getByRole('checkbox').all()) await box.check();
    await ok.click();
    await reviewer.getByText(/审核通过：完成/).waitFor();
    await reviewer.getByRole('tab', { name: '版本历史' }).click();
    await reviewer.getByText(/保密审查：发改委 刘洋，\d{4}-\d{2}-\d{2}。意见：经审查/).waitFor();

    const portal = await (await env.browser.newContext()).newPage();
    await portal.goto(`${env.base}/`);
    await portal.getByRole('link', { name: '石龙区发改委2026年第一季度价格监测报告' }).first().click();
    await portal.getByRole('link', { name: '监测表.pdf' }).waitFor();
  });
});
