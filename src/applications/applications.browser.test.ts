/**
 * 依申请公开 end to end in a real Chromium, on SQLite and on PostgreSQL: a citizen applies at
 * /ysqgk/ with JavaScript off, gets a tracking number and query code; the clerk (gkb) confirms
 * receipt in /admin/, asks for 补正; the citizen sees it on the status page; the corrected
 * application arrives; a third party is consulted and answers; gkb asks for an extension and,
 * though also a reviewer, is offered no button to approve it (separation of duties): the leader
 * approves it and is named on the case; the clerk decides with a reply letter; the citizen sees
 * the result.
 * The test clock moves between steps; each due date shown is checked against a value worked out
 * by hand below. axe-core must find nothing serious on the list and the case page.
 *
 * Set APPLICATIONS_SCREENSHOTS_DIR to keep screenshots of each screen.
 *
 * Hand-worked due dates (2026 holidays from the State Council notice: 清明 04-04…04-06 off,
 * 劳动节 05-01…05-05 off, Saturday 05-09 a working day; day zero is never counted):
 * - Online application Mon 03-23; receipt confirmed (Art. 31(三)) Tue 03-24 = day zero.
 *   20 working days: 03-25,26,27,30,31, 04-01,02,03 (8), [04-04…06 off], 04-07…10 (12),
 *   04-13…17 (17), 04-20,21,22 (20) → due Wed 2026-04-22.
 * - 补正 notified Thu 03-26: the clock stops (no due date) until the correction arrives.
 * - Corrected application received Wed 04-01 = new day zero (Art. 30). 20 working days:
 *   04-02,03 (2), 04-07…10 (6), 04-13…17 (11), 04-20…24 (16), 04-27…30 (20) → Thu 2026-04-30.
 * - Third-party consultation sent Thu 04-09, no reply yet: working days 04-10 … the 15th working
 *   day after sending (04-10, 13…17, 20…24, 27…30 = 15 → Thu 04-30) are not counted.
 *   Counted: 04-02,03,07,08,09 (5), then 05-06,07,08 (8), Sat 05-09 (9), 05-11…15 (14),
 *   05-18…22 (19), 05-25 (20) → Mon 2026-05-25.
 * - Reply arrives Fri 04-17: only 04-10, 13, 14, 15, 16, 17 (6 days) are not counted.
 *   Counted: 04-02,03,07,08,09 (5), 04-20…24 (10), 04-27…30 (14), 05-06,07,08 (17),
 *   Sat 05-09 (18), 05-11 (19), 05-12 (20) → Tue 2026-05-12.
 * - Extension of 15 working days approved Mon 04-20 (Art. 33(2)): 35 counted days: from 05-12,
 *   05-13,14,15 (23), 05-18…22 (28), 05-25…29 (33), 06-01 (34), 06-02 (35) → Tue 2026-06-02.
 * - On Thu 05-28 the 工作台 lists it as due soon: 05-29, 06-01, 06-02 → 3 working days left.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumSkipReason } from '../shared/chromium.ts';
import { useBrowserApp } from '../shared/browser-app.testing.ts';
import { postgresSkipReason } from '../db/test-databases.ts';
import { seriousAxeViolations } from '../shared/axe.testing.ts';
import { caseAction, pickDate, signIn, statusPage } from './case-page.testing.ts';

const SCREENS = process.env.APPLICATIONS_SCREENSHOTS_DIR;

async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENS) return;
  mkdirSync(SCREENS, { recursive: true });
  await page.waitForTimeout(400); // let antd's animations finish
  await page.screenshot({ path: join(SCREENS, `applications-${name}.png`), fullPage: true });
}

const kinds = ['sqlite', 'postgres'] as const;
const browserSkip = chromiumSkipReason();

for (const kind of kinds) {
  const skip = browserSkip || (kind === 'postgres' ? postgresSkipReason() : false);
  describe(`依申请公开 end to end in Chromium [${kind}]`, { skip }, () => {
    const shot = (page: Page, name: string) => (kind === 'sqlite' ? screenshot(page, name) : Promise.resolve());

    const env = useBrowserApp({ admin: true, kind, now: '2026-03-23T02:00:00Z' }); // Mon 10:00 in Shanghai

    /** A fresh context logged in as gkb (moving the clock ends earlier sessions), on `hash`. */
    async function clerk(hash: string, username = 'gkb', width = 1366): Promise<Page> {
      return signIn(env.browser, env.base, username, env.a.password(username), hash, width);
    }

    /** The citizen's status page, without JavaScript. */
    async function citizenStatus(tn: string, code: string): Promise<Page> {
      return statusPage(env.browser, env.base, tn, code);
    }

    const act = caseAction;

    const dueDate = (page: Page) => page.locator('#due-date').innerText();
    const at = (date: string) => env.a.deps.clock.set(`${date}T02:00:00Z`);

    it('runs one application from the public form to the answer, with the due date right at every step', async () => {
      // 1. The citizen applies online, JavaScript off.
      const pub = await env.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
      const form = await pub.newPage();
      await form.goto(`${env.base}/ysqgk/`);
      await form.getByLabel('向哪个行政机关申请').selectOption({ label: '石龙区人民政府' });
      await form.getByLabel('申请人类型').selectOption('自然人');
      await form.getByLabel('姓名或名称').fill('王小明');
      await form.getByLabel('证件类型').selectOption('居民身份证');
      await form.getByLabel('证件号码').fill('410402199001011234');
      await form.getByLabel('联系电话').fill('13800000000');
      await form.getByLabel('所需信息的名称或内容描述').fill('石龙区2025年老旧小区改造项目清单');
      await form.getByLabel('信息的提供形式').selectOption('电子数据');
      await form.getByLabel('获取信息的方式').selectOption('网上获取');
      await form.getByRole('button', { name: '提交申请' }).click();
      const tn = (await form.locator('#tracking-number').innerText()).trim();
      const code = (await form.locator('#query-code').innerText()).trim();
      assert.match(tn, /^2026\d{8}$/);
      assert.match(code, /^[A-Z2-9]{8}$/);

      // 2. The clerk finds it waiting on the 工作台, then in the list, and confirms receipt on 03-24.
      at('2026-03-24');
      let page = await clerk('/dashboard');
      const awaiting = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: /^待我办理/ }) });
      await awaiting.getByRole('link', { name: tn }).waitFor();
      assert.match(await awaiting.innerText(), /待确认收到/);
      await shot(page, 'dashboard-new');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开', exact: true }).click();
      await page.getByRole('heading', { name: '依申请公开' }).waitFor();
      await page.getByLabel('搜索受理编号、申请人或所需信息').fill(tn);
      await page.getByLabel('搜索受理编号、申请人或所需信息').press('Enter');
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: tn }) });
      await row.waitFor();
      assert.match(await row.innerText(), /王小明[\s\S]*4104\*{10}1234[\s\S]*待确认收到/);
      assert.deepEqual(await seriousAxeViolations(page), [], 'case list');
      await shot(page, 'list');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出 CSV' }).click();
      const csv = readFileSync((await (await download).path())!, 'utf8');
      assert.ok(csv.includes(tn) && csv.includes('4104**********1234') && !csv.includes('410402199001011234'), 'the export masks the ID');

      await row.getByRole('link', { name: tn }).click();
      await page.getByRole('heading', { name: `申请 ${tn}` }).waitFor();
      assert.equal(await dueDate(page), '尚未起算');
      await act(page, '确认收到申请', (d) => pickDate(d, '收到申请日期', '2026-03-24'));
      assert.equal(await dueDate(page), '2026-04-22');
      await page.getByText('为什么是这一天').click();
      const why = page.locator('#due-date-explanation');
      await why.waitFor();
      await page.waitForTimeout(500); // the panel fades in; axe would measure its half-transparent text
      assert.match(await why.innerText(), /2026-03-24 收到申请（第0日，不计入/);
      assert.deepEqual(await seriousAxeViolations(page), [], 'case page');
      await shot(page, 'case-received');

      // 3. 补正 on 03-26: a period before the notice date is refused with the server's reason.
      at('2026-03-26');
      page = await clerk(`/applications?case=${new URL(page.url()).hash.split('=')[1]}`);
      await page.getByRole('button', { name: '告知补正', exact: true }).click();
      let dialog = page.getByRole('dialog', { name: /^告知补正：/ });
      await pickDate(dialog, '补正告知日期', '2026-03-26');
      await dialog.getByLabel('需要补正的事项').fill('请写明所需项目清单的年度和所在街道');
      await pickDate(dialog, '补正期限', '2026-03-20');
      await dialog.getByRole('button', { name: '确定' }).click();
      await dialog.getByRole('alert').filter({ hasText: '补正期限（2026-03-20）不能早于补正告知日期（2026-03-26）' }).waitFor();
      await shot(page, 'action-error');
      await pickDate(dialog, '补正期限', '2026-04-10');
      await dialog.getByRole('button', { name: '确定' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await dueDate(page), '暂停计算');
      await page.getByRole('heading', { name: `申请 ${tn}` }).waitFor();
      const caseUrl = page.url().slice(page.url().indexOf('#') + 1);

      // 4. The citizen sees the request to correct.
      let status = await citizenStatus(tn, code);
      assert.equal(await status.locator('#status').innerText(), '待申请人补正');
      assert.match(await status.locator('#correction').innerText(), /请写明所需项目清单的年度和所在街道[\s\S]*2026-04-10/);
      assert.equal(await status.locator('#due-date').count(), 0, 'no due date while the correction is awaited');
      await shot(status, 'status-correction');

      // 5. The corrected application arrives on 04-01: a new day zero.
      at('2026-04-01');
      page = await clerk(caseUrl);
      await act(page, '收到补正', (d) => pickDate(d, '收到补正日期', '2026-04-01'));
      assert.equal(await dueDate(page), '2026-04-30');

      // 6. Third-party consultation sent 04-09 (pause up to the 15th working day), replied 04-17.
      at('2026-04-09');
      page = await clerk(caseUrl);
      await act(page, '发出征求意见', async (d) => {
        await d.getByLabel('被征求意见的第三方或机关').fill('石龙区某物业服务有限公司');
        await pickDate(d, '征求意见书发出日期', '2026-04-09');
      });
      assert.equal(await dueDate(page), '2026-05-25');
      at('2026-04-17');
      page = await clerk(caseUrl);
      await act(page, '登记征求意见答复', async (d) => {
        await d.getByLabel('同意公开', { exact: true }).check();
        await pickDate(d, '收到答复日期', '2026-04-17');
      });
      assert.equal(await dueDate(page), '2026-05-12');

      // 7. Extension of 15 working days, asked by gkb and approved on 04-20 by the leader: gkb,
      // though also a reviewer, may not approve their own request and is offered no button.
      at('2026-04-20');
      page = await clerk(caseUrl);
      await act(page, '申请延期', async (d) => {
        await d.getByLabel('延长工作日数').fill('15');
        await d.getByLabel('延期理由').fill('需要汇总多个街道的项目资料');
      });
      await page.getByText('延期待审批').first().waitFor();
      assert.match(await page.locator('#pending-approval').innerText(), /提请人：公开办 王敏[\s\S]*须由提请人以外的审核人或分管领导批准或退回。您不能审批本事项/);
      assert.equal(await page.getByRole('button', { name: '批准延期', exact: true }).count(), 0, 'no approve button for the requester');
      page = await clerk(caseUrl, 'leader', 1280);
      await page.locator('#pending-approval').waitFor();
      assert.equal(await page.getByRole('button', { name: '不批准延期', exact: true }).count(), 1);
      await shot(page, 'extension-awaiting-leader');
      await act(page, '批准延期', (d) => pickDate(d, '批准日期', '2026-04-20'));
      assert.equal(await dueDate(page), '2026-06-02');
      assert.match(await page.locator('.ant-timeline').innerText(), /2026-04-20 分管副区长 李强 批准延长 15 个工作日/);
      page = await clerk(caseUrl);
      assert.equal(await dueDate(page), '2026-06-02');
      await page.getByText('为什么是这一天').click();
      assert.match(await page.locator('#due-date-explanation').innerText(), /批准延长|延长/);
      await shot(page, 'case-extended');

      // 8. On 05-28 the 工作台 shows it due soon with 3 working days left; the clerk answers.
      at('2026-05-28');
      page = await clerk('/dashboard');
      const soon = page.locator('.ant-card').filter({ has: page.getByRole('heading', { name: /^即将到期/ }) });
      const soonRow = soon.getByRole('row').filter({ has: page.getByRole('link', { name: tn }) });
      await soonRow.waitFor();
      assert.match(await soonRow.innerText(), /2026-06-02[\s\S]*剩 3 个工作日/);
      await shot(page, 'dashboard-due-soon');
      await soonRow.getByRole('link', { name: tn }).click();
      await page.getByRole('heading', { name: `申请 ${tn}` }).waitFor();
      await page.getByRole('button', { name: '作出答复', exact: true }).click();
      dialog = page.getByRole('dialog', { name: /^作出答复：/ });
      await dialog.locator('.ant-form-item').filter({ hasText: '办理结果' }).locator('.ant-select-selector').click();
      await page.locator('.ant-select-item-option', { hasText: '予以公开' }).first().click();
      assert.match(await dialog.getByLabel('法律依据').inputValue(), /第三十六条第（一）项/);
      await dialog.getByLabel('答复正文').fill('所申请的项目清单已在本机关门户网站公开，请查阅附件。');
      await pickDate(dialog, '答复日期', '2026-05-28');
      await shot(page, 'decision-form');
      await dialog.getByRole('button', { name: '确定' }).click();
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await dueDate(page), '2026-05-28');
      await page.getByText('已答复', { exact: true }).first().waitFor();
      const timeline = await page.locator('.ant-timeline').innerText();
      for (const step of ['提交申请', '确认收到申请', '告知补正', '收到补正', '发出征求意见', '收到征求意见答复', '申请延期', '批准延期', '作出答复']) {
        assert.ok(timeline.includes(step), `timeline shows ${step}`);
      }
      await page.waitForTimeout(600); // the closed modal fades out before antd removes it
      assert.deepEqual(await seriousAxeViolations(page), [], 'case page after the decision');
      await shot(page, 'case-decided');

      // The reply letter: HTML preview and Word download.
      await page.getByRole('button', { name: '预览草稿 政府信息公开申请答复书' }).click();
      const preview = page.getByRole('dialog', { name: '政府信息公开申请答复书' });
      await preview.getByText('本答复依据', { exact: false }).waitFor();
      const letter = await preview.innerText();
      assert.match(letter, /王小明[\s\S]*您申请的政府信息予以公开[\s\S]*所申请的项目清单已在本机关门户网站公开[\s\S]*第三十六条/);
      assert.doesNotMatch(letter, /行政复议/, 'a full disclosure refuses nothing: no remedies paragraph');
      await shot(page, 'reply-letter');
      await preview.getByRole('button', { name: /Close|关闭/ }).click();
      const word = page.waitForEvent('download');
      await page.getByRole('button', { name: '下载 Word 草稿 政府信息公开申请答复书' }).click();
      assert.match((await word).suggestedFilename(), /^reply-\d+\.docx$/);

      // 签发: numbered and stored once; two downloads are the same bytes; 更正 takes the next number.
      await page.getByRole('button', { name: '签发 政府信息公开申请答复书' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: '签发' }).click();
      // Issuing prints the PDF in Chromium on the server: allow for a busy machine, and show any refusal.
      const issuedOrRefused = async (text: RegExp | string) => {
        await page.getByText(text).or(page.locator('.ant-message-error')).first().waitFor({ timeout: 120_000 });
        assert.equal(await page.locator('.ant-message-error').count(), 0, await page.locator('.ant-message').innerText().catch(() => ''));
      };
      await issuedOrRefused(/依申请公开答复〔2026〕第1号 · 2026-05-28/);
      const bytesOf = async (name: string) => {
        const d = page.waitForEvent('download');
        await page.getByRole('button', { name }).click();
        return readFile((await (await d).path())!);
      };
      const firstPdf = await bytesOf('下载 PDF 依申请公开答复〔2026〕第1号');
      assert.equal(firstPdf.subarray(0, 5).toString(), '%PDF-');
      assert.ok(firstPdf.equals(await bytesOf('下载 PDF 依申请公开答复〔2026〕第1号')), 'an issued letter downloads byte-identical');
      await page.getByRole('button', { name: '更正 依申请公开答复〔2026〕第1号' }).click();
      await page.getByRole('tooltip').getByRole('button', { name: '签发更正' }).click();
      await issuedOrRefused('已由 依申请公开答复〔2026〕第2号 更正');
      assert.ok(firstPdf.equals(await bytesOf('下载 PDF 依申请公开答复〔2026〕第1号')), 'a corrected letter keeps its bytes');

      // 9. The citizen sees the answer.
      status = await citizenStatus(tn, code);
      assert.equal(await status.locator('#status').innerText(), '已答复');
      assert.match(await status.locator('#decision').innerText(), /2026-05-28 答复：您申请的政府信息予以公开[\s\S]*第三十六条/);
      assert.match(await status.locator('.timeline').innerText(), /征求第三方意见[\s\S]*延长答复期限 15 个工作日/);
      await shot(status, 'status-decided');

      // 10. The applicant asks for 行政复议; on Mon 06-08 the review body orders a new answer (纠正),
      // and the clerk reopens the case: day zero 06-08; 20 working days 06-09…12 (4), 06-15…18 (8),
      // [端午 06-19…21 off], 06-22…26 (13), 06-29, 30 (15), 07-01…03 (18), 07-06, 07 (20) → 2026-07-07.
      at('2026-06-08');
      page = await clerk('/applications?new=1');
      await page.getByRole('heading', { name: '登记申请' }).waitFor();
      await page.locator('#receipt-rule').filter({ hasText: '第三十一条第（一）项' }).waitFor();
      assert.deepEqual(await seriousAxeViolations(page), [], 'intake form');
      await shot(page, 'intake');
      await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '复议诉讼', exact: true }).click();
      await page.getByRole('heading', { name: '复议诉讼' }).waitFor();
      await page.getByRole('button', { name: '登记复议或诉讼' }).click();
      dialog = page.getByRole('dialog', { name: '登记复议或诉讼' });
      await pickDate(dialog, '申请复议或起诉日期', '2026-06-01');
      await dialog.getByLabel('复议机关或人民法院').fill('平顶山市人民政府');
      await dialog.getByLabel('关联申请的受理编号').fill(tn);
      await dialog.getByRole('button', { name: '登记' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const review = page.getByRole('row').filter({ has: page.getByRole('link', { name: tn }) });
      await review.waitFor();
      assert.match(await review.innerText(), /行政复议[\s\S]*2026-06-01[\s\S]*平顶山市人民政府[\s\S]*尚未审结/);
      await review.getByRole('button', { name: /^登记结果/ }).click();
      dialog = page.getByRole('dialog', { name: /^登记结果/ });
      await dialog.locator('.ant-form-item').filter({ hasText: '结果' }).first().locator('.ant-select-selector').click();
      await page.locator('.ant-select-item-option', { hasText: '纠正' }).click();
      await pickDate(dialog, '复议决定或裁判日期', '2026-06-08');
      await dialog.getByLabel('重新办理关联申请').check();
      await shot(page, 'oversight-result');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await review.getByText('纠正').waitFor();
      await page.waitForTimeout(600);
      assert.deepEqual(await seriousAxeViolations(page), [], 'oversight list');
      await shot(page, 'oversight');
      await review.getByRole('link', { name: tn }).click();
      await page.getByRole('heading', { name: `申请 ${tn}` }).waitFor();
      assert.equal(await dueDate(page), '2026-07-07');
      assert.match(await page.locator('.ant-timeline').innerText(), /重新办理/);
    });
  });
}
