/**
 * One application's whole journey, end to end, on SQLite and on PostgreSQL: a real server on
 * loopback with its own mail sender loop, a real SMTP server on loopback (SMTP_URL), a real
 * Chromium. The citizen applies on the portal (JavaScript off) with an e-mail address and an
 * attachment; the clerk sets the body's 文号 patterns, contact block and electronic seal, confirms
 * receipt in the admin app (the receipt e-mail arrives), asks for
 * 补正 and issues the numbered 补正告知书 (the 补正 e-mail arrives); the citizen answers online with
 * text and a file; the clerk sees the answer, attaches the released file, decides 予以公开 and
 * issues the numbered 答复书 (the decision e-mail arrives); the citizen downloads it from the
 * status page — the stored bytes, SHA-256 for SHA-256, the number in the document's own text;
 * the clerk corrects it and the original still downloads byte-identical, the correction naming it.
 *
 * Dates (2026, no holiday in March; day zero never counted): receipt confirmed Mon 03-02, due
 * 20 working days later: 03-03…06 (4), 09…13 (9), 16…20 (14), 23…27 (19), 03-30 (20) → 2026-03-30.
 * 补正 answered online Tue 03-03 at 10:00 Beijing time, a working day before 17:00: received that
 * day (Art. 31(三)), the new day zero: 03-04…06 (3), 09…13 (8), 16…20 (13), 23…27 (18), 03-30, 31
 * (20) → 2026-03-31. Decided Wed 03-04.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { useBrowserApp } from '../shared/browser-app.testing.ts';
import { postgresSkipReason } from '../db/test-databases.ts';
import { startTestSmtp, type TestSmtp } from '../notifications/mail-servers.testing.ts';
import { samplePdf, samplePng } from './case-files.testing.ts';
import { caseAction, downloaded, pickDate, signIn, statusPage } from './case-page.testing.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const docxText = async (b: Buffer) => (await mammoth.extractRawText({ buffer: b })).value;
function pdfText(b: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gk-journey-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), b);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
// 1×1 PNG: the body's uploaded electronic seal.
const SEAL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

const browserSkip = chromiumSkipReason();

for (const kind of ['sqlite', 'postgres'] as const) {
  const skip = browserSkip || (kind === 'postgres' ? postgresSkipReason() : false);
  describe(`a case from application to corrected reply, with e-mail, in Chromium [${kind}]`, { skip }, () => {
    let smtp: TestSmtp;
    before(async () => {
      smtp = await startTestSmtp();
    });
    after(() => smtp?.stop());
    // The sender loop runs as in production, only faster: mail leaves within a fraction of a second.
    const env = useBrowserApp({
      admin: true, kind, now: '2026-03-02T02:00:00Z', // Mon 10:00 in Shanghai
      app: () => ({ env: { SMTP_URL: smtp.url, MAIL_FROM: '石龙区政务公开 <gk@shilong.example.gov.cn>' }, server: { notifications: { pollMs: 200 } } }),
    });
    const at = (date: string) => env.a.deps.clock.set(`${date}T02:00:00Z`);
    const clerk = (hash: string) => signIn(env.browser, env.base, 'gkb', env.a.password('gkb'), hash);
    const status = (tn: string, code: string) => statusPage(env.browser, env.base, tn, code);
    /** The n-th mail to arrive (1-based), waiting for it. */
    const mail = async (n: number) => {
      await smtp.waitFor(n, 20_000);
      assert.ok(smtp.mails.length >= n, `mail ${n} arrived (${smtp.mails.map((m) => m.subject).join(' | ')})`);
      return smtp.mails[n - 1]!;
    };
    /** 签发 or 更正 on the case page's 文书 card; issuing prints a PDF in Chromium on the server. */
    async function confirmIssue(page: Page, button: string, confirm: '签发' | '签发更正', shown: string) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('tooltip').getByRole('button', { name: confirm }).click();
      await page.getByText(shown).or(page.locator('.ant-message-error')).first().waitFor({ timeout: 120_000 });
      assert.equal(await page.locator('.ant-message-error').count(), 0, await page.locator('.ant-message').innerText().catch(() => ''));
    }
    const filesCard = (page: Page) => page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '材料与公开文件' }) });
    const storedLetter = (docNumber: string) =>
      env.a.deps.db.selectFrom('issued_letters').select(['id', 'docx', 'docx_sha256', 'pdf', 'pdf_sha256', 'replaces_id']).where('doc_number', '=', docNumber).executeTakeFirstOrThrow();

    it('applies with a file, is mailed, answers a 补正 online, downloads the numbered reply; the clerk corrects it and the original stays byte-identical', async () => {
      const attachment = samplePng();
      const answerFile = samplePdf('补正：人民路片区项目清单');
      const released = samplePdf('人民路片区老旧小区改造资金安排');

      // 1. The citizen applies online with an e-mail address and an ID copy, JavaScript off.
      const pub = await env.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
      const form = await pub.newPage();
      await form.goto(`${env.base}/ysqgk/`);
      await form.getByLabel('向哪个行政机关申请').selectOption({ label: '石龙区人民政府' });
      await form.getByLabel('申请人类型').selectOption('自然人');
      await form.getByLabel('姓名或名称').fill('赵晓燕');
      await form.getByLabel('证件类型').selectOption('居民身份证');
      await form.getByLabel('证件号码').fill('410402199203041234');
      await form.getByLabel('联系电话').fill('0375-7654321'); // a landline: no SMS, e-mail only
      await form.getByLabel('电子邮箱').fill('zhao.xiaoyan@example.cn');
      await form.getByLabel('所需信息的名称或内容描述').fill('石龙区2025年老旧小区改造项目资金安排');
      await form.getByLabel('信息的提供形式').selectOption('电子数据');
      await form.getByLabel('获取信息的方式').selectOption('电子邮件');
      await form.getByLabel('身份证件复印件、证明材料等').setInputFiles({ name: '身份证复印件.png', mimeType: 'image/png', buffer: attachment });
      await form.getByRole('button', { name: '提交申请' }).click();
      assert.equal(await form.locator('#file-count').innerText(), '已收到 1 个');
      const tn = (await form.locator('#tracking-number').innerText()).trim();
      const code = (await form.locator('#query-code').innerText()).trim();
      assert.match(tn, /^2026\d{8}$/);
      await pub.close();

      // 2. The clerk first sets the body's 文号 patterns, contact block and electronic seal
      // (系统管理 → 文书模板), then finds the application in the list, sees the attachment, and
      // confirms receipt: the receipt e-mail.
      let page = await clerk('/system/letters');
      const settings = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '文号、联系方式和电子印章' }) });
      await settings.getByLabel('政府信息公开申请补正告知书文号格式').fill('石政公开补〔{年}〕第{号}号');
      await settings.getByLabel('政府信息公开申请答复书文号格式').fill('石政公开〔{年}〕第');
      await settings.getByText('文号格式必须包含一次序号占位符 {号}').waitFor();
      await settings.getByLabel('政府信息公开申请答复书文号格式').fill('石政公开〔{年}〕第{号}号');
      await settings.getByText(/^例：答复书 石政公开〔\d{4}〕第12号$/).waitFor();
      await settings.getByLabel('联系方式（每行一项，如联系人、电话、地址）').fill('联系人：王敏\n联系电话：0375-1234567\n地址：石龙区人民路1号');
      await settings.getByRole('button', { name: '保存文号和联系方式' }).click();
      await page.getByText('文书设置已保存').waitFor();
      await settings.getByLabel('选择电子印章图片').setInputFiles({ name: '印章.png', mimeType: 'image/png', buffer: SEAL });
      await settings.getByText('已上传', { exact: true }).waitFor();
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开', exact: true }).click();
      await page.getByRole('heading', { name: '依申请公开' }).waitFor();
      await page.getByLabel('搜索受理编号、申请人或所需信息').fill(tn);
      await page.getByLabel('搜索受理编号、申请人或所需信息').press('Enter');
      await page.getByRole('row').filter({ has: page.getByRole('link', { name: tn }) }).getByRole('link', { name: tn }).click();
      await page.getByRole('heading', { name: `申请 ${tn}` }).waitFor();
      const caseHash = page.url().slice(page.url().indexOf('#') + 1);
      let files = filesCard(page);
      await files.getByText('身份证复印件.png').waitFor();
      const seenAttachment = await downloaded(page, () => files.getByRole('button', { name: '下载 身份证复印件.png' }).click());
      assert.ok(seenAttachment.bytes.equals(attachment), 'the clerk downloads the attachment as the citizen sent it');
      await caseAction(page, '确认收到申请', (d) => pickDate(d, '收到申请日期', '2026-03-02'));
      assert.equal(await page.locator('#due-date').innerText(), '2026-03-30');
      const receiptMail = await mail(1);
      assert.equal(receiptMail.subject, `政府信息公开申请已受理（受理编号 ${tn}）`);
      assert.match(receiptMail.to, /zhao\.xiaoyan@example\.cn/);
      assert.match(receiptMail.from, /石龙区政务公开/);
      assert.match(receiptMail.text, new RegExp(`赵晓燕：[\\s\\S]*已于 2026-03-02 收到，受理编号 ${tn}[\\s\\S]*将于 2026-03-30 前予以答复`));

      // 3. 补正: the request (the 补正 e-mail) and the numbered 补正告知书.
      await caseAction(page, '告知补正', async (d) => {
        await d.getByLabel('需要补正的事项').fill('请写明所需资金安排涉及的片区或项目名称');
        await pickDate(d, '补正期限', '2026-03-16');
      });
      assert.equal(await page.locator('#due-date').innerText(), '暂停计算');
      const correctionMail = await mail(2);
      assert.equal(correctionMail.subject, `政府信息公开申请需要补正（受理编号 ${tn}）`);
      assert.match(correctionMail.text, /请写明所需资金安排涉及的片区或项目名称[\s\S]*请于 2026-03-16 前补正/);
      await confirmIssue(page, '签发 补正告知书', '签发', '石政公开补〔2026〕第1号 · 2026-03-02');
      const correctionLetter = await storedLetter('石政公开补〔2026〕第1号');
      assert.match(await docxText(Buffer.from(correctionLetter.docx)), /请写明所需资金安排涉及的片区或项目名称[\s\S]*请于2026-03-16前补正/);
      await page.context().close();

      // 4. Next day the citizen opens the status page, sees the 补正告知书, and answers with text and a file.
      at('2026-03-03');
      const citizen = await status(tn, code);
      assert.equal(await citizen.locator('#status').innerText(), '待申请人补正');
      assert.match(await citizen.locator('#documents').innerText(), /政府信息公开申请补正告知书（石政公开补〔2026〕第1号），2026-03-02/);
      await citizen.getByLabel('补正内容').fill('所需信息为人民路片区老旧小区改造项目的资金安排。');
      await citizen.getByLabel('补正材料（可选）').setInputFiles({ name: '项目清单.pdf', mimeType: 'application/pdf', buffer: answerFile });
      await citizen.getByRole('button', { name: '提交补正' }).click();
      assert.equal(await citizen.locator('#correction-date').innerText(), '2026-03-03');
      assert.match(await citizen.locator('#correction-received').innerText(), /2026-03-31/);
      await citizen.context().close();

      // 5. The clerk sees the answer and its file, attaches the released information, decides
      // 予以公开 and issues the numbered 答复书: the decision e-mail.
      at('2026-03-04');
      page = await clerk(caseHash);
      files = filesCard(page);
      assert.equal(await page.locator('#due-date').innerText(), '2026-03-31');
      assert.match(await page.locator('.ant-timeline').innerText(), /在线提交补正（附材料 1 份），收到补正日期 2026-03-03，答复期限重新计算。补正内容：所需信息为人民路片区老旧小区改造项目的资金安排。/);
      const seenAnswer = await downloaded(page, () => files.getByRole('button', { name: '下载 项目清单.pdf' }).click());
      assert.ok(seenAnswer.bytes.equals(answerFile), 'the clerk reads the 补正 file as the citizen sent it');
      await page.getByLabel('选择公开的信息文件').setInputFiles({ name: '资金安排.pdf', mimeType: 'application/pdf', buffer: released });
      await files.getByText('资金安排.pdf').waitFor();
      await page.getByRole('button', { name: '作出答复', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: /^作出答复：/ });
      await dialog.locator('.ant-form-item').filter({ hasText: '办理结果' }).locator('.ant-select-selector').click();
      await page.locator('.ant-select-item-option', { hasText: '予以公开' }).first().click();
      await dialog.getByLabel('答复正文').fill('所申请的资金安排文件见附件《资金安排.pdf》。');
      await pickDate(dialog, '答复日期', '2026-03-04');
      await dialog.getByRole('button', { name: '确定' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('已答复', { exact: true }).first().waitFor();
      await confirmIssue(page, '签发 政府信息公开申请答复书', '签发', '石政公开〔2026〕第1号 · 2026-03-04');
      const decisionMail = await mail(3);
      assert.equal(decisionMail.subject, `政府信息公开申请已答复（受理编号 ${tn}）`);
      assert.match(decisionMail.text, /已于 2026-03-04 对您的政府信息公开申请[\s\S]*作出答复：您申请的政府信息予以公开/);
      assert.doesNotMatch(decisionMail.text, /行政复议/, 'a full disclosure refuses nothing');
      // The case page's 通知记录 lists the three e-mails as sent.
      await page.reload();
      const log = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: '通知记录' }) });
      await log.getByText('答复通知').waitFor();
      assert.equal(await log.getByText('已发送').count(), 3);
      assert.equal(smtp.mails.length, 3, 'one e-mail per moment the applicant is told of, nothing doubled');

      // 6. The citizen downloads the numbered 答复书 and the released file from the status page.
      let citizenPage = await status(tn, code);
      assert.equal(await citizenPage.locator('#status').innerText(), '已答复');
      assert.match(await citizenPage.locator('#decision').innerText(), /2026-03-04 答复：您申请的政府信息予以公开/);
      const reply = await storedLetter('石政公开〔2026〕第1号');
      const citizenWord = await downloaded(citizenPage, () => citizenPage.getByRole('button', { name: '下载政府信息公开申请答复书 Word' }).click());
      assert.equal(citizenWord.name, '政府信息公开申请答复书（石政公开〔2026〕第1号）.docx');
      assert.equal(sha256(citizenWord.bytes), reply.docx_sha256, 'the citizen gets the stored Word file');
      assert.equal(sha256(Buffer.from(reply.docx)), reply.docx_sha256);
      const text = await docxText(citizenWord.bytes);
      assert.match(text, /政府信息公开申请答复书\s+石政公开〔2026〕第1号/);
      assert.match(text, /赵晓燕：[\s\S]*受理编号：\d+[\s\S]*现答复如下：您申请的政府信息予以公开[\s\S]*所申请的资金安排文件见附件/);
      assert.match(text, /石龙区人民政府\s+2026年3月4日/, '落款 and the issue date');
      assert.match(text, /联系电话：0375-1234567/, 'the contact block');
      assert.ok(citizenWord.bytes.includes(Buffer.from('word/media/')), 'the electronic seal is in the file');
      const citizenPdf = await downloaded(citizenPage, () => citizenPage.getByRole('button', { name: '下载政府信息公开申请答复书 PDF' }).click());
      assert.equal(sha256(citizenPdf.bytes), reply.pdf_sha256, 'the citizen gets the stored PDF');
      assert.match(pdfText(citizenPdf.bytes).replace(/\s+/g, ''), /石政公开〔2026〕第1号[\s\S]*石龙区人民政府2026年3月4日/);
      const releasedFile = await downloaded(citizenPage, () => citizenPage.getByRole('button', { name: '下载资金安排.pdf' }).click());
      assert.ok(releasedFile.bytes.equals(released), 'the released file as the clerk attached it');
      await citizenPage.context().close();

      // 7. The clerk downloads the 答复书, corrects it (a new number naming the old), and downloads
      // the original again: the same bytes as before and as the citizen's copy.
      const clerkWord = (docNumber: string) => downloaded(page, () => page.getByRole('button', { name: `下载 Word ${docNumber}` }).click());
      const first = await clerkWord('石政公开〔2026〕第1号');
      assert.ok(first.bytes.equals(citizenWord.bytes), "the clerk's copy is the citizen's copy");
      await confirmIssue(page, '更正 石政公开〔2026〕第1号', '签发更正', '已由 石政公开〔2026〕第2号 更正');
      const again = await clerkWord('石政公开〔2026〕第1号');
      assert.equal(sha256(again.bytes), sha256(first.bytes), 'the corrected letter still downloads byte-identical');
      const correction = await clerkWord('石政公开〔2026〕第2号');
      assert.equal((await storedLetter('石政公开〔2026〕第2号')).replaces_id, reply.id);
      const correctionText = await docxText(correction.bytes);
      assert.match(correctionText, /石政公开〔2026〕第2号/);
      assert.match(correctionText, /本文书更正本机关2026年3月4日作出的《政府信息公开申请答复书》（石政公开〔2026〕第1号），原文书同时作废，以本文书为准。/);
      await page.context().close();
      // The citizen now sees the correction, not the letter it replaced.
      citizenPage = await status(tn, code);
      const docs = await citizenPage.locator('#documents').innerText();
      assert.match(docs, /政府信息公开申请答复书（石政公开〔2026〕第2号），2026-03-04/);
      assert.doesNotMatch(docs, /石政公开〔2026〕第1号/);
      await citizenPage.context().close();
    });
  });
}
