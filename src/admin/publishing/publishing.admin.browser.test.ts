/**
 * The publishing screens in Chromium: 发改委's publisher drafts an item through the admin form,
 * attaches a file and submits it; 发改委's reviewer approves it on the same screen; the portal
 * shows it at once. The body editor: a Word fragment with a table pasted, a .docx imported, a
 * picture inserted with its 替代文本 (refused without), all on the portal after approval. 相关信息
 * picked by title in a draft's drawer and shown on the policy's withdraw dialog as a notice; the
 * policy withdrawn with the 解读 left ticked, the unticked one staying online. The screens pass
 * axe-core (no serious or critical violation).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { Locator, Page } from 'playwright-core';
import { chromiumSkipReason } from '../../shared/chromium.ts';
import { useBrowserApp } from '../../shared/browser-app.testing.ts';
import { seriousAxeViolations } from '../../shared/axe.testing.ts';
import { COMPLETE_REVIEW } from '../../publishing/confidentiality.testing.ts';


const SHOTS = process.env.ADMIN_SCREENSHOTS_DIR;
async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SHOTS, `publishing-${name}.png`) });
}

/**
 * Ticks every box of the 保密审查 checklist, each confirmed before the next. The tick is judged once
 * the page has settled (up to 3 s), not the instant after the click; a second click comes only when
 * the first left the box unticked all that time (a click lost on a loaded machine), since clicking a
 * box whose tick is merely late would untick it. A box that cannot be ticked still fails.
 */
async function tickChecklist(dialog: Locator): Promise<void> {
  const boxes = dialog.getByRole('checkbox');
  const count = await boxes.count();
  assert.ok(count > 0, 'the checklist has boxes');
  for (let i = 0; i < count; i++) {
    const box = boxes.nth(i);
    for (let clicks = 0; !(await box.isChecked()); clicks++) {
      assert.ok(clicks < 2, `checklist box ${i + 1} stays unticked after two clicks`);
      if (clicks) console.warn(`checklist box ${i + 1} stayed unticked for 3 s after a click; clicking again`);
      await box.click();
      await box.and(dialog.locator('input:checked')).waitFor({ timeout: 3000 }).catch(() => undefined);
    }
  }
}

describe('publishing screens in Chromium', { skip: chromiumSkipReason() }, () => {

  const env = useBrowserApp({ admin: true });

  async function signIn(username: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await (await env.browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport })).newPage();
    await page.goto(`${env.base}/admin/#/publishing`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(env.a.password(username));
    await page.getByRole('button', { name: '登录', exact: true }).click();
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
    await editor.getByRole('textbox', { name: '正文', exact: true }).fill('一季度全区居民消费价格总水平保持稳定。');
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.getByText('已保存').waitFor();
    await editor.getByRole('tab', { name: '附件' }).click();
    await editor.getByRole('tabpanel', { name: '附件' }).locator('input[type=file]').setInputFiles({ name: '监测表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await editor.getByText('监测表.pdf').waitFor();
    await editor.getByRole('button', { name: '提交审核', exact: true }).click();
    await editor.getByText(/提交审核：完成/).waitFor();

    const reviewer = await signIn('fgw-reviewer');
    await reviewer.getByRole('button', { name: '石龙区发改委2026年第一季度价格监测报告' }).click();
    await reviewer.getByRole('button', { name: '审核通过', exact: true }).click();
    // 保密审查: the approval stays disabled until every item of the checklist is ticked.
    const dialog = reviewer.getByRole('dialog', { name: '审核通过 · 保密审查' });
    const ok = dialog.getByRole('button', { name: '审核通过并发布' });
    await dialog.getByRole('checkbox', { name: '不涉及国家秘密' }).check();
    assert.equal(await ok.isDisabled(), true);
    assert.deepEqual(await seriousAxeViolations(reviewer), []);
    await tickChecklist(dialog);
    await ok.click();
    await reviewer.getByText(/审核通过：完成/).waitFor();
    await reviewer.getByRole('tab', { name: '版本历史' }).click();
    await reviewer.getByText(/保密审查：发改委 刘洋，\d{4}-\d{2}-\d{2}。意见：经审查/).waitFor();

    // A 解读 linked to that document by searching its title, then submitted from the list in bulk.
    await editor.locator('.ant-drawer-close').click();
    await editor.getByRole('button', { name: '起草信息' }).click();
    await editor.locator('#columnId').click();
    await editor.locator('#columnId').fill('政策解读');
    await editor.locator('.ant-select-tree-node-content-wrapper', { hasText: '政策解读' }).first().click();
    await editor.locator('#kind').click({ force: true });
    await editor.locator('.ant-select-item-option', { hasText: '政策解读' }).click();
    await editor.getByLabel('标题', { exact: true }).fill('图解：2026年第一季度价格监测报告');
    await editor.locator('#interpretsItemId').click({ force: true });
    await editor.locator('#interpretsItemId').fill('价格监测');
    await editor.locator('.ant-select-item-option', { hasText: '石龙区发改委2026年第一季度价格监测报告' }).click();
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.getByText('已保存').first().waitFor();
    await editor.locator('.ant-drawer-close').click();
    await editor.getByLabel('选择：图解：2026年第一季度价格监测报告').check();
    await editor.getByRole('button', { name: '批量提交审核' }).click();
    const results = editor.getByRole('dialog', { name: /批量操作结果：成功 1 条，未成功 0 条/ });
    await results.getByText('成功', { exact: true }).waitFor();
    assert.deepEqual(await seriousAxeViolations(editor), []);
    if (process.env.ADMIN_SCREENSHOTS_DIR) {
      for (const width of [1280, 390]) {
        await editor.setViewportSize({ width, height: 800 });
        await editor.screenshot({ path: `${process.env.ADMIN_SCREENSHOTS_DIR}/bulk-results-${width}.png` });
      }
      await editor.setViewportSize({ width: 1280, height: 800 });
    }
    await results.getByRole('button', { name: '完成' }).click();
    const linked = await env.a.deps.db.selectFrom('publishing_items').select(['status', 'interprets_item_id']).where('title', '=', '图解：2026年第一季度价格监测报告').executeTakeFirstOrThrow();
    const policy = await env.a.deps.db.selectFrom('publishing_items').select('id').where('title', '=', '石龙区发改委2026年第一季度价格监测报告').executeTakeFirstOrThrow();
    assert.deepEqual(linked, { status: 'submitted', interprets_item_id: policy.id });

    const portal = await (await env.browser.newContext()).newPage();
    await portal.goto(`${env.base}/`);
    await portal.getByRole('link', { name: '石龙区发改委2026年第一季度价格监测报告' }).first().click();
    await portal.getByRole('link', { name: '监测表.pdf' }).waitFor();
  });

  it('the body editor: a Word fragment pasted, a .docx imported, a picture with its 替代文本; approved and on the portal', async () => {
    const title = '石龙区发改委2026年政务公开工作安排';
    const editor = await signIn('fgw-editor');
    await editor.getByRole('button', { name: '起草信息' }).click();
    await editor.locator('#columnId').click();
    await editor.locator('#columnId').fill('公告公示');
    await editor.locator('.ant-select-tree-node-content-wrapper', { hasText: '公告公示' }).click();
    await editor.getByLabel('标题', { exact: true }).fill(title);
    const body = editor.getByRole('textbox', { name: '正文', exact: true });
    await body.click();
    await editor.keyboard.type('现将有关安排通知如下。');
    await editor.keyboard.press('Enter');

    // Paste what Word puts on the clipboard: a heading, lists, a table with merged cells, a picture.
    const wordHtml = readFileSync(new URL('../../publishing/fixtures/word-clipboard.html', import.meta.url), 'utf8');
    await body.evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '一、总体要求');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, wordHtml);
    await body.locator('td[colspan="2"]', { hasText: '申请人情况' }).waitFor();
    await body.getByRole('heading', { level: 2, name: '一、总体要求' }).waitFor();
    await editor.getByText(/粘贴内容中的 1 张图片未保留/).waitFor();
    const pasted = await body.innerHTML();
    assert.doesNotMatch(pasted, /mso-|Mso|font-family|<o:p|<img|file:/, 'no Word styles, classes or pictures left');
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.getByText('已保存').waitFor();

    // 导入 Word 文档 at the end of the body.
    await body.click();
    await editor.keyboard.press('ControlOrMeta+End');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [
      new Paragraph({ children: [new TextRun('二、工作措施：全面推进'), new TextRun({ text: '基层政务公开标准化', bold: true }), new TextRun('建设。')] }),
    ] }] }));
    await editor.locator('input[type=file][accept=".docx"]').setInputFiles({ name: '工作措施.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx) });
    await editor.getByText('已导入“工作措施.docx”').waitFor();
    await body.locator('strong', { hasText: '基层政务公开标准化' }).waitFor();
    // Not a .docx: a clear refusal, nothing inserted.
    await editor.locator('input[type=file][accept=".docx"]').setInputFiles({ name: '旧格式.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]) });
    await editor.getByText(/只能导入 Word 文档（\.docx）/).waitFor();

    // A picture: uploaded as an attachment from the dialog; refused without its 替代文本.
    await editor.getByRole('button', { name: '图片', exact: true }).click();
    const dialog = editor.getByRole('dialog', { name: '插入图片' });
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    await dialog.locator('input[type=file]').setInputFiles({ name: '大厅.png', mimeType: 'image/png', buffer: png });
    await dialog.getByText('大厅.png').waitFor();
    await dialog.getByRole('button', { name: '插 入' }).or(dialog.getByRole('button', { name: '插入' })).click();
    await dialog.getByText('请填写替代文本：没有替代文本的图片不能插入').waitFor();
    assert.equal(await body.locator('img').count(), 0);
    await dialog.getByLabel('替代文本').fill('石龙区政务服务中心综合窗口');
    await dialog.getByRole('button', { name: '插 入' }).or(dialog.getByRole('button', { name: '插入' })).click();
    await body.locator('img[alt="石龙区政务服务中心综合窗口"]').waitFor();
    // The draft's picture is not public yet: the editor shows it from the staff address.
    const loaded = await body.locator('img[alt="石龙区政务服务中心综合窗口"]').evaluate((i: HTMLImageElement) =>
      i.complete ? i.naturalWidth : new Promise<number>((done) => { i.onload = () => done(i.naturalWidth); i.onerror = () => done(0); }));
    assert.ok(loaded > 0, 'the draft\'s picture shows in the editor');
    assert.deepEqual(await seriousAxeViolations(editor), []);
    await shoot(editor, 'editor-1280');
    await editor.getByRole('button', { name: '保存草稿' }).click();
    await editor.getByText('已保存').last().waitFor();
    await editor.getByRole('button', { name: '提交审核', exact: true }).click();
    await editor.getByText(/提交审核：完成/).waitFor();

    // Another person, the unit's reviewer, approves after the 保密审查: separation of duties.
    const reviewer = await signIn('fgw-reviewer');
    await reviewer.getByRole('button', { name: title }).click();
    await reviewer.getByRole('button', { name: '审核通过', exact: true }).click();
    const review = reviewer.getByRole('dialog', { name: '审核通过 · 保密审查' });
    await tickChecklist(review);
    await shoot(reviewer, 'approve-1280');
    await review.getByRole('button', { name: '审核通过并发布' }).click();
    await reviewer.getByText(/审核通过：完成/).waitFor();

    const portal = await (await env.browser.newContext()).newPage();
    await portal.goto(`${env.base}/`);
    await portal.getByRole('link', { name: title }).first().click();
    await portal.locator('td[colspan="2"]', { hasText: '申请人情况' }).waitFor();
    await portal.getByText('现将有关安排通知如下。').waitFor();
    await portal.locator('strong', { hasText: '基层政务公开标准化' }).waitFor();
    const img = portal.locator('img[alt="石龙区政务服务中心综合窗口"]');
    await img.waitFor();
    assert.ok(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0), 'the picture loads on the portal');
    assert.deepEqual(await seriousAxeViolations(portal), []);

    // A phone-width look at the editor (screenshots only when asked for).
    if (SHOTS) {
      const phone = await signIn('fgw-editor', { width: 390, height: 844 });
      await phone.getByRole('button', { name: '起草信息' }).click();
      await phone.getByRole('toolbar', { name: '正文格式' }).scrollIntoViewIfNeeded();
      await shoot(phone, 'editor-390');
    }
  });

  it('相关信息: picked by title in a draft\'s drawer, removed, and listed as a notice in the other item\'s withdraw dialog, which takes offline the 解读 left ticked', async () => {
    const db = env.a.deps.db;
    const policy = await db.selectFrom('publishing_items').select(['id', 'title']).where('title', 'like', '%规范政府定价经营服务性收费的通知').where('kind', '=', 'normative_document').executeTakeFirstOrThrow();
    const column = await db.selectFrom('publishing_items').select('column_id').where('id', '=', policy.id).executeTakeFirstOrThrow();
    const api = (await env.a.login('fgw-editor')).headers;
    const title = '石龙区经营服务性收费目录清单（2026年版）';
    const created = await env.a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: api, payload: { columnId: column.column_id, kind: 'general', title, bodyHtml: '<p>目录清单见附件。</p>' } });
    assert.equal(created.statusCode, 200, created.body);
    const draftId = (created.json() as { id: number }).id;

    const editor = await signIn('fgw-editor');
    await editor.getByRole('button', { name: title }).click();
    const section = editor.locator('section[aria-labelledby="related-heading"]');
    await section.getByText('暂无相关信息').waitFor();
    await section.getByRole('combobox', { name: '添加相关信息' }).click();
    await editor.keyboard.type('定价经营');
    await editor.locator('.ant-select-item-option', { hasText: policy.title }).click();
    await section.getByText(policy.title).waitFor();
    assert.deepEqual(await seriousAxeViolations(editor), []);
    await section.getByRole('button', { name: `取消关联：${policy.title}` }).click();
    await section.getByText('暂无相关信息').waitFor();
    await section.getByRole('combobox', { name: '添加相关信息' }).click();
    await editor.keyboard.type('定价经营');
    await editor.locator('.ant-select-item-option', { hasText: policy.title }).click();
    await section.getByText(policy.title).waitFor();

    // Published, the draft shows on the policy's withdraw dialog as a notice, not as a choice; the
    // policy's live 解读 (the demo's and two more) are the choice, all ticked at first.
    const reviewerApi = (await env.a.login('fgw-reviewer')).headers;
    const publish = async (id: number) => {
      assert.equal((await env.a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${id}/transitions`, headers: api, payload: { action: 'submit' } })).statusCode, 200);
      const approved = await env.a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${id}/transitions`, headers: reviewerApi, payload: { action: 'approve', confidentialityReview: COMPLETE_REVIEW } });
      assert.equal(approved.statusCode, 200, approved.body);
    };
    await publish(draftId);
    const interpretationColumn = await db.selectFrom('publishing_columns').select('id').where('code', '=', 'zcjd')
      .where('organization_id', '=', db.selectFrom('publishing_items').select('organization_id').where('id', '=', policy.id)).executeTakeFirstOrThrow();
    const interpretations = (await db.selectFrom('publishing_items').select('id').where('interprets_item_id', '=', policy.id).where('status', '=', 'published').execute()).map((r) => r.id);
    for (const name of ['图解', '政策问答']) {
      const res = await env.a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: api, payload: { columnId: interpretationColumn.id, kind: 'interpretation', title: `《规范政府定价经营服务性收费的通知》${name}`, bodyHtml: `<p>${name}。</p>`, interpretsItemId: policy.id } });
      assert.equal(res.statusCode, 200, res.body);
      interpretations.push((res.json() as { id: number }).id);
      await publish(interpretations.at(-1)!);
    }
    const reviewer = await signIn('fgw-reviewer');
    await reviewer.getByRole('button', { name: policy.title, exact: true }).click();
    await reviewer.getByRole('button', { name: '撤 回' }).or(reviewer.getByRole('button', { name: '撤回', exact: true })).first().click();
    const dialog = reviewer.getByRole('dialog', { name: '撤回信息' });
    await dialog.getByRole('note').getByText(title).waitFor();
    assert.deepEqual(await seriousAxeViolations(reviewer), []);
    // The 图解 stays online: untick it, and the button counts one 解读 fewer.
    const boxes = dialog.getByRole('checkbox');
    const n = interpretations.length;
    assert.equal(await boxes.count(), n);
    for (let i = 0; i < n; i++) assert.equal(await boxes.nth(i).isChecked(), true, `解读 ${i + 1} is ticked at first`);
    await dialog.getByRole('checkbox', { name: /图解/ }).uncheck();
    await dialog.getByLabel('撤回原因（必填）').fill('收费目录已调整');
    await shoot(reviewer, 'withdraw-1280');
    await dialog.getByRole('button', { name: `撤回（含 ${n - 1} 条解读）` }).click();
    await reviewer.getByText(`撤回：完成（含 ${n - 1} 条关联解读）`).waitFor();
    const status = new Map((await db.selectFrom('publishing_items').select(['id', 'status']).where('id', 'in', [policy.id, ...interpretations]).execute()).map((r) => [r.id, r.status]));
    const diagram = interpretations[n - 2];
    assert.equal(status.get(policy.id), 'withdrawn');
    assert.equal(status.get(diagram), 'published', 'the unticked 图解 stays online');
    assert.deepEqual(interpretations.filter((id) => id !== diagram).map((id) => status.get(id)), Array(n - 1).fill('withdrawn'));
  });
});
