/**
 * The applicant's self-service in a real Chromium with JavaScript off, at 1280 and 390 px: the
 * application form with an attachment, the status page's 补正 form answered with a file, and
 * the released file offered after the 答复. SCREENSHOT_DIR keeps a screenshot of each step.
 */
import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { useBrowserApp } from '../shared/browser-app.testing.ts';
import { multipartForm, samplePdf } from './case-files.testing.ts';

const skip = chromiumSkipReason();
const shots = process.env.SCREENSHOT_DIR;

describe('applicant self-service in Chromium without JavaScript', { skip }, () => {
  const env = useBrowserApp();

  for (const width of [1280, 390]) {
    it(`applies with a file, answers a 补正 and downloads a released file at ${width} px`, async () => {
      if (shots) mkdirSync(shots, { recursive: true });
      const dir = mkdtempSync(join(tmpdir(), 'gk-shot-'));
      writeFileSync(join(dir, '身份证复印件.pdf'), samplePdf());
      writeFileSync(join(dir, '补正说明.pdf'), samplePdf('补正'));
      const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${env.base}/ysqgk/`);
      await page.selectOption('#f-organizationId', { index: 1 });
      await page.selectOption('#f-applicantType', '自然人');
      await page.fill('#f-applicantName', '张三');
      await page.selectOption('#f-idKind', '居民身份证');
      await page.fill('#f-idNumber', '410402199001011234');
      await page.fill('#f-phone', '13800000000');
      await page.fill('#f-description', '2025年石龙区老旧小区改造项目的资金安排文件');
      await page.selectOption('#f-formWanted', '电子数据');
      await page.selectOption('#f-deliveryWanted', '网上获取');
      await page.setInputFiles('#f-files', join(dir, '身份证复印件.pdf'));
      if (shots) await page.screenshot({ path: `${shots}/ysqgk-form-file-${width}.png`, fullPage: true });
      await page.getByRole('button', { name: '提交申请' }).click();
      assert.equal(await page.locator('#file-count').innerText(), '已收到 1 个');
      const tn = await page.locator('#tracking-number').innerText();
      const code = await page.locator('#query-code').innerText();

      const a = env.a;
      const clerk = (await a.login('gkb')).headers;
      const caseId = (await a.deps.db.selectFrom('applications').select('id').where('tracking_number', '=', tn).executeTakeFirstOrThrow()).id;
      const act = async (action: string, payload: Record<string, unknown>) => assert.equal((await a.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/${action}`, headers: clerk, payload })).statusCode, 200);
      await act('receipt_confirmed', { receivedDate: '2026-03-02' });
      await act('correction_requested', { date: '2026-03-02', items: '请写明所需信息的具体项目名称', replyBy: '2026-03-16' });

      await page.goto(`${env.base}/ysqgk/cx/`);
      await page.fill('#f-tn', tn);
      await page.fill('#f-qc', code);
      await page.getByRole('button', { name: '查询' }).click();
      await page.fill('#f-answer', '所需信息为人民路片区老旧小区改造项目的资金安排。');
      await page.setInputFiles('#f-bz-files', join(dir, '补正说明.pdf'));
      if (shots) await page.screenshot({ path: `${shots}/ysqgk-status-correction-${width}.png`, fullPage: true });
      await page.getByRole('button', { name: '提交补正' }).click();
      assert.equal(await page.locator('#correction-date').innerText(), '2026-03-02');

      await act('decided', { outcome: 'disclosed', replyText: '予以公开，见所附文件。' });
      const form = multipartForm({}, [{ fileName: '资金安排.pdf', bytes: samplePdf('资金安排') }]);
      assert.equal((await a.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/files`, headers: { ...clerk, 'content-type': form.contentType }, payload: form.payload })).statusCode, 201);
      await page.goto(`${env.base}/ysqgk/cx/`);
      await page.fill('#f-tn', tn);
      await page.fill('#f-qc', code);
      await page.getByRole('button', { name: '查询' }).click();
      if (shots) await page.screenshot({ path: `${shots}/ysqgk-status-decided-${width}.png`, fullPage: true });
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载资金安排.pdf' }).click();
      assert.equal((await download).suggestedFilename(), '资金安排.pdf');
      await context.close();
    });
  }
});
