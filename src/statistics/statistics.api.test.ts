/**
 * Back-office statistics (issue "daily publishing", item 5) on the demo records of 石龙区 2022:
 * nine applications by 平信, decided within the limit; 2,437 items published. The working days to
 * answer are counted by hand on the 2022 State Council calendar (see GOLDEN_WORKING_DAYS), so a
 * wrong calendar or an off-by-one in the count fails here.
 */
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { SHILONG_2022_CASES, SHILONG_2022_ITEMS } from '../demo/report.seed.ts';

/**
 * Working days strictly after receipt up to the decision, per demo case: 2022-04-02, 04-24, 05-07,
 * 10-08 and 10-09 are 调休 working days; 04-03–05, 04-30–05-04, 06-03, 09-12 and 10-01–07 are off.
 */
const GOLDEN_WORKING_DAYS = [14, 14, 15, 13, 14, 14, 14, 16, 14];

describeOnBothDatabases('statistics: applications, timeliness and publishing of one year', (t) => {
  let a: TestApp;
  const get = async (username: string, query: string) => a.app.inject({ url: `/api/v1/statistics${query}`, headers: (await a.login(username)).headers });

  before(async () => {
    a = await createTestApp(t());
  });
  after(() => a.app.close());

  it('counts 2022 for the district: per month and channel, by outcome, on time, and the average working days', async () => {
    const res = await get('leader', '?year=2022');
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json();
    assert.equal(GOLDEN_WORKING_DAYS.length, SHILONG_2022_CASES.length);
    const months = Object.fromEntries(s.applications.months.map((m: { month: string; total: number }) => [m.month, m.total]));
    assert.deepEqual(months, {
      '2022-01': 0, '2022-02': 1, '2022-03': 1, '2022-04': 1, '2022-05': 1, '2022-06': 1,
      '2022-07': 1, '2022-08': 1, '2022-09': 1, '2022-10': 0, '2022-11': 1, '2022-12': 0,
    });
    assert.deepEqual(s.applications.channels.filter((c: { count: number }) => c.count).map((c: { label: string; count: number }) => [c.label, c.count]), [['平信', 9]]);
    assert.deepEqual(s.applications.outcomes.map((o: { label: string; count: number }) => [o.label, o.count]), [
      ['（一）予以公开', 5], ['（四）无法提供 · 1.本机关不掌握相关政府信息', 2], ['（五）不予处理 · 1.信访举报投诉类申请', 1], ['（六）其他处理 · 3.其他', 1],
    ]);
    assert.equal(s.applications.decided, 9);
    assert.equal(s.applications.onTime, 9);
    assert.equal(s.applications.onTimeRate, 1);
    const mean = GOLDEN_WORKING_DAYS.reduce((x, y) => x + y, 0) / GOLDEN_WORKING_DAYS.length;
    assert.equal(s.applications.averageWorkingDays, Math.round(mean * 10) / 10);
    assert.equal(s.applications.averageWorkingDays, 14.2);

    const total = SHILONG_2022_ITEMS.reduce((n, [, count]) => n + count, 0);
    assert.equal(s.published.reduce((n: number, u: { count: number }) => n + u.count, 0), total);
    assert.equal(s.published[0].organizationName, '石龙区人民政府');
    assert.ok(s.freshness.some((c: { state: string }) => c.state === 'overdue' || c.state === 'never'), 'columns not updated since 2022 are flagged');
  });

  it('keeps to the caller’s scope: the 公开办 sees the cases it handles and no other unit’s items; the 三员 see nothing', async () => {
    const clerk = (await get('gkb', '?year=2022')).json();
    assert.equal(clerk.applications.decided, 9, 'the government’s cases are handled by its office');
    assert.equal(clerk.published.length, 0);
    const jyj = (await get('jyj-editor', '?year=2022')).json();
    assert.equal(jyj.applications.decided, 0);
    const govId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    assert.equal((await get('jyj-editor', `?year=2022&organizationId=${govId}`)).statusCode, 403);
    for (const u of ['admin', 'secadmin', 'auditadmin']) assert.equal((await get(u, '?year=2022')).statusCode, 403, u);
  });

  it('refuses a year out of range or a stray parameter with 400 in Chinese', async () => {
    for (const q of ['', '?year=1999', '?year=二〇二二', '?year=2022&x=1']) {
      const res = await get('leader', q);
      assert.equal(res.statusCode, 400, q);
      assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
    }
  });

  it('exports the same figures as a workbook that opens again', async () => {
    const res = await a.app.inject({ url: '/api/v1/statistics/export?year=2022', headers: (await a.login('leader')).headers });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''2022/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['申请按月按渠道', '办理结果', '办理时效', '发布按单位栏目', '栏目更新情况']);
    const months = wb.getWorksheet('申请按月按渠道')!;
    const totalRow = months.getRow(14);
    assert.equal(totalRow.getCell(1).value, '合计');
    assert.equal(totalRow.getCell(totalRow.cellCount).value, 9);
    const timing = wb.getWorksheet('办理时效')!.getRow(2);
    assert.deepEqual([timing.getCell(1).value, timing.getCell(2).value, timing.getCell(3).value, timing.getCell(4).value], [9, 9, '100.0%', 14.2]);
  });
});
