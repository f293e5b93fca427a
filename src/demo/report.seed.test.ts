/**
 * The demo's 2022 annual report is published on a fresh start: it went through the workflow a real
 * report goes through (versions and audit rows as for one), passed every check, and the portal's
 * 年报 column shows it with section 二 as entered. On both databases.
 */
import { it, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { SHILONG_2022_ENTERED, SHILONG_2022_REPORT_DAYS } from './report.seed.ts';

describeOnBothDatabases('demo 2022 annual report', (t) => {
  let a: TestApp;
  after(async () => {
    await a?.app.close();
  });

  it('is published through submit, approve and publish, with no finding at approval', async () => {
    a = await createTestApp(t());
    const versions = await a.deps.db.selectFrom('report_versions').selectAll().execute();
    assert.equal(versions.length, 1);
    const v = versions[0]!;
    assert.deepEqual([v.year, v.version, v.status, v.published_on], [2022, 1, 'published', SHILONG_2022_REPORT_DAYS.publish]);
    assert.deepEqual(JSON.parse(v.findings ?? 'null'), [], 'no error and no warning when the leader approved it');
    const ids = await a.userIds();
    assert.deepEqual([v.created_by, v.submitted_by, v.approved_by, v.published_by], [ids.get('gkb'), ids.get('gkb'), ids.get('leader'), ids.get('gkb')]);
    const audit = await a.deps.db.selectFrom('audit_log').select(['action', 'username', 'at']).where('action', 'like', 'report.%').orderBy('id').execute();
    assert.deepEqual(audit.map((r) => `${r.at.slice(0, 10)} ${r.username} ${r.action}`), [
      '2023-01-09 gkb report.started',
      '2023-01-09 gkb report.narrative_saved',
      '2023-01-09 gkb report.figures_saved',
      '2023-01-11 gkb report.submit',
      '2023-01-13 leader report.approve',
      '2023-01-16 gkb report.publish',
    ]);
    const model = JSON.parse(v.model!);
    const { licensing, punishment, enforcement, feesAmountWanYuan } = model.proactive;
    assert.deepEqual({ licensing, punishment, enforcement, feesAmountWanYuan }, { licensing: SHILONG_2022_ENTERED.licensing, punishment: SHILONG_2022_ENTERED.punishment, enforcement: SHILONG_2022_ENTERED.enforcement, feesAmountWanYuan: SHILONG_2022_ENTERED.feesAmountWanYuan });
    assert.deepEqual(model.applications.rows.total, [9, 0, 0, 0, 0, 0, 9]);
  });

  it('is listed in the portal\'s 年报 column, and its page shows the narrative and section 二', async () => {
    const column = await a.app.inject({ url: '/xxgk/nb/' });
    assert.match(column.body, /<a href="\/xxgk\/nb\/shilong\/2022\/">石龙区人民政府2022年政府信息公开工作年度报告<\/a>/);
    assert.match(column.body, /发布日期：2023-01-16/);
    const page = await a.app.inject({ url: '/xxgk/nb/shilong/2022/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /全区共受理政府信息公开申请9件/);
    for (const figure of ['1268', '356', '86.35']) assert.match(page.body, new RegExp(`>${figure}<`), figure);
  });

  it('leaves the leader no unread 待审批 notice', async () => {
    const leader = (await a.userIds()).get('leader')!;
    const unread = await a.deps.db.selectFrom('staff_notifications').select('title').where('user_id', '=', leader).where('read_at', 'is', null).execute();
    assert.deepEqual(unread, []);
  });
});
