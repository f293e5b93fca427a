import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

const parts = {
  zdgk: '<p>（一）主动公开情况。全年发布政府信息{{主动公开信息条数}}条。</p>',
  ysqgk: '<p>（二）依申请公开情况。全区共受理政府信息公开申请3件。</p>',
  xxgl: '<p>（三）政府信息管理。严格审核。<script>alert(1)</script></p>',
  ptjs: '<p>（四）政府信息公开平台建设。政务新媒体{{政务新媒体}}个。</p>',
  jdbz: '<p>（五）监督保障。纳入考核。</p>',
  wu: '<p>（一）存在的主要问题。时效性有待提高。</p>',
  liu: '<p>{{年度}}年收取信息处理费{{信息处理费}}元。</p>',
};
// A year with no demo records, so that every count is 0 whether or not the demo records are seeded.
const YEAR = 2024;
const figures = { rules: null, normativeDocuments: null, licensing: 12, punishment: 3, enforcement: 0, feesAmountWanYuan: '1.5' };

describeOnBothDatabases('annual report API and portal', (t) => {
  let app: TestApp;
  let editor: Record<string, string>;
  let leader: Record<string, string>;
  let bodyId: number;
  let versionId: number;

  it('lists the bodies the editor may report for', async () => {
    app = await createTestApp(t(), '2023-01-20T02:00:00Z');
    editor = (await app.login('gkb')).headers;
    leader = (await app.login('leader')).headers;
    const res = await app.app.inject({ method: 'GET', url: '/api/v1/reports/bodies', headers: editor });
    assert.equal(res.statusCode, 200);
    const shilong = res.json().items.find((b: { code: string }) => b.code === 'shilong');
    assert.equal(shilong.prepare, true);
    bodyId = shilong.id;
  });

  it('starts, edits (sanitized), and shows a contradiction that blocks submission', async () => {
    const noCsrf = await app.app.inject({ method: 'POST', url: `/api/v1/reports/${bodyId}/${YEAR}/versions`, headers: { cookie: editor.cookie }, payload: {} });
    assert.equal(noCsrf.statusCode, 403);
    const start = await app.app.inject({ method: 'POST', url: `/api/v1/reports/${bodyId}/${YEAR}/versions`, headers: editor, payload: {} });
    assert.equal(start.statusCode, 201, start.body);
    versionId = start.json().version.id;
    const saved = await app.app.inject({ method: 'PUT', url: `/api/v1/reports/versions/${versionId}/narrative`, headers: editor, payload: { parts } });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.doesNotMatch(saved.json().narrative.xxgl, /script/);
    await app.app.inject({ method: 'PUT', url: `/api/v1/reports/${bodyId}/${YEAR}/figures`, headers: editor, payload: figures });
    const ws = (await app.app.inject({ method: 'GET', url: `/api/v1/reports/${bodyId}/${YEAR}`, headers: editor })).json();
    const f = ws.findings.find((x: { code: string }) => x.code === 'report.narrative_contradicts_table');
    assert.equal(f.location.row, 'narrative.ysqgk');
    assert.equal(ws.report.applications.rows.newReceived[6], 0);
    assert.equal(ws.report.proactive.licensing, 12);
    const submit = await app.app.inject({ method: 'POST', url: `/api/v1/reports/versions/${versionId}/submit`, headers: editor });
    assert.equal(submit.statusCode, 422);
    assert.equal(submit.json().error.code, 'report.validation_failed');
  });

  it('refuses to submit a count written without its number (a lost placeholder), naming the paragraph and the phrase, changing nothing', async () => {
    const lost = { ysqgk: '<p>（二）依申请公开情况。</p><p>9(二)全区共受理政府信息公开申请件，均在法定期限内予以答复。</p>' };
    const saved = await app.app.inject({ method: 'PUT', url: `/api/v1/reports/versions/${versionId}/narrative`, headers: editor, payload: { parts: lost } });
    assert.equal(saved.statusCode, 200, saved.body);
    const ws = (await app.app.inject({ method: 'GET', url: `/api/v1/reports/${bodyId}/${YEAR}`, headers: editor })).json();
    const finding = ws.findings.find((x: { code: string }) => x.code === 'report.narrative_count_missing');
    assert.deepEqual(finding?.location, { section: '一', row: 'narrative.ysqgk', line: 2, year: YEAR });
    const before = await app.deps.db.selectFrom('report_versions').select(['status', 'revision']).where('id', '=', versionId).executeTakeFirstOrThrow();
    const submit = await app.app.inject({ method: 'POST', url: `/api/v1/reports/versions/${versionId}/submit`, headers: editor });
    assert.equal(submit.statusCode, 400, submit.body);
    assert.equal(submit.json().error.code, 'report.narrative_count_missing');
    assert.equal(submit.json().error.message, '第一部分“（二）依申请公开情况”第2段“9(二)全区共受理政府信息公开申请件”缺少数字：“件”前应写明数字，或插入表格数字（占位符）');
    assert.deepEqual(await app.deps.db.selectFrom('report_versions').select(['status', 'revision']).where('id', '=', versionId).executeTakeFirstOrThrow(), before);
  });

  it('submits once fixed; the leader approves; the editor publishes; the portal lists it', async () => {
    const fix = { ysqgk: '<p>（二）依申请公开情况。全区共受理政府信息公开申请{{本年新收申请}}件。</p>' };
    await app.app.inject({ method: 'PUT', url: `/api/v1/reports/versions/${versionId}/narrative`, headers: editor, payload: { parts: fix } });
    for (const [action, headers] of [['submit', editor], ['approve', leader], ['publish', editor]] as const) {
      const res = await app.app.inject({ method: 'POST', url: `/api/v1/reports/versions/${versionId}/${action}`, headers });
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    }
    const column = await app.app.inject({ method: 'GET', url: '/xxgk/nb/' });
    assert.match(column.body, /石龙区人民政府2024年政府信息公开工作年度报告/);
    assert.match(column.body, /发布日期：2023-01-20/);
    const page = await app.app.inject({ method: 'GET', url: `/xxgk/nb/shilong/${YEAR}/` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /共受理政府信息公开申请0件/);
    const docx = await app.app.inject({ method: 'GET', url: `/xxgk/nb/shilong/${YEAR}/report.docx` });
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    assert.equal((await app.app.inject({ method: 'GET', url: '/xxgk/nb/shilong/2019/' })).statusCode, 404);
  });

  it('answers drill-down and history, and has audited every write', async () => {
    const cell = await app.app.inject({ method: 'GET', url: `/api/v1/reports/${bodyId}/${YEAR}/cells/三.newReceived.6`, headers: editor });
    assert.deepEqual(cell.json(), { cell: '三.newReceived.6', kind: 'application', ids: [], frozen: true });
    const history = (await app.app.inject({ method: 'GET', url: `/api/v1/reports/${bodyId}/history`, headers: editor })).json();
    assert.deepEqual(history.comparison.years, [2022, YEAR], 'the demo\'s published 2022 report, then this one');
    // This suite's writes, on its day (the demo's 2022 report went through the same steps in early January).
    const actions = (await app.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'report.%').where('at', '>=', '2023-01-20').orderBy('id').execute()).map((r) => r.action);
    assert.deepEqual(actions, ['report.started', 'report.narrative_saved', 'report.figures_saved', 'report.narrative_saved', 'report.narrative_saved', 'report.submit', 'report.approve', 'report.publish']);
  });
});
