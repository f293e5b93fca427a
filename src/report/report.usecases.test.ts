import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createUsersRepository } from '../auth/users.repository.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import type { Actor } from '../auth/access.rules.ts';
import { actOnReport, cellRecords, getReportYear, saveFigures, saveNarrative, startReport } from './report.usecases.ts';
import { publishedReport, currentPublishedReports, yearOverYear } from './report.published.ts';
import { testSources } from './fixtures/report-test-sources.ts';
import { withoutDemoReport } from '../demo/report-draft.testing.ts';
import { applicationCellId } from './report.compute.ts';
import type { AppError } from '../shared/app-error.ts';

const FULL_TEXT = '<p>（一）主动公开情况。全年发布政府信息{{主动公开信息条数}}条。</p>';
const parts = {
  zdgk: FULL_TEXT,
  ysqgk: '<p>（二）依申请公开情况。全区共受理政府信息公开申请12件。</p>',
  xxgl: '<p>（三）政府信息管理。严格审核。</p>',
  ptjs: '<p>（四）政府信息公开平台建设。政务新媒体{{政务新媒体}}个。</p>',
  jdbz: '<p>（五）监督保障。纳入考核。</p>',
  wu: '<p>（一）存在的主要问题。时效性有待提高。</p>',
  liu: '<p>未收取信息处理费。</p>',
};
const figures = { rules: null, normativeDocuments: null, licensing: 12, punishment: 3, enforcement: 0, feesAmountWanYuan: '0' };

describeOnBothDatabases('annual report workflow', (t) => {
  let app: TestApp;
  let bodyId: number;
  const actors: Record<string, Actor> = {};
  const ctx = () => ({ deps: app.deps, sources: testSources() });

  it('sets up', async () => {
    app = await createTestApp(t(), '2023-01-10T02:00:00Z');
    await withoutDemoReport({ deps: app.deps }); // this suite takes 2022 through the workflow itself
    bodyId = (await createOrganizationsRepository(app.deps).byCode('shilong'))!.id;
    for (const name of ['gkb', 'leader', 'fgw-editor']) {
      const u = (await createUsersRepository(app.deps).byUsername(name))!;
      actors[name] = { id: u.id, username: u.username, organizationId: u.organization_id, roles: JSON.parse(u.roles) };
    }
  });

  it('lets the office editor prepare the government report, blocks submission on a contradicting figure, then approves and publishes', async () => {
    const v = await startReport({ actor: actors.gkb, bodyId, year: 2022, ctx: ctx() });
    assert.equal(v.status, 'draft');
    await saveNarrative({ actor: actors.gkb, versionId: v.id, parts, ctx: ctx() });
    await saveFigures({ actor: actors.gkb, bodyId, year: 2022, figures, ctx: ctx() });
    const ws = await getReportYear({ actor: actors.gkb, bodyId, year: 2022, ctx: ctx() });
    const contradiction = ws.findings.find((f) => f.code === 'report.narrative_contradicts_table');
    assert.equal(contradiction?.location?.row, 'narrative.ysqgk');
    await assert.rejects(actOnReport({ actor: actors.gkb, versionId: v.id, action: 'submit', ctx: ctx() }), (e: AppError) => e.code === 'report.validation_failed');

    await saveNarrative({ actor: actors.gkb, versionId: v.id, parts: { ysqgk: '<p>（二）依申请公开情况。共受理政府信息公开申请{{本年新收申请}}件。</p>' }, ctx: ctx() });
    await actOnReport({ actor: actors.gkb, versionId: v.id, action: 'submit', ctx: ctx() });
    // The editor cannot approve; the leader (第一责任人) can.
    await assert.rejects(actOnReport({ actor: actors.gkb, versionId: v.id, action: 'approve', ctx: ctx() }), (e: AppError) => e.status === 403);
    await actOnReport({ actor: actors.leader, versionId: v.id, action: 'approve', ctx: ctx() });
    const published = await actOnReport({ actor: actors.gkb, versionId: v.id, action: 'publish', ctx: ctx() });
    assert.equal(published.publishedOn, '2023-01-10');

    const p = await publishedReport(app.deps.db, bodyId, 2022);
    assert.deepEqual(p?.report.applications.rows.total, [9, 0, 0, 0, 0, 0, 9]);
    assert.match(p!.report.narrative[0].text, /共受理政府信息公开申请9件/);
    assert.equal(p?.report.publishedOn, '2023-01-10');
  });

  it('never changes a published version; a correction is a new version with its note', async () => {
    const ws = await getReportYear({ actor: actors.gkb, bodyId, year: 2022, ctx: ctx() });
    await assert.rejects(saveNarrative({ actor: actors.gkb, versionId: ws.version!.id, parts: { xxgl: '<p>改</p>' }, ctx: ctx() }), (e: AppError) => e.code === 'report.invalid_state');
    await assert.rejects(startReport({ actor: actors.gkb, bodyId, year: 2022, ctx: ctx() }), (e: AppError) => e.code === 'report.correction_note_required');
    const v2 = await startReport({ actor: actors.gkb, bodyId, year: 2022, correctionNote: '更正第五部分表述', ctx: ctx() });
    assert.equal(v2.version, 2);
    for (const action of ['submit', 'approve', 'publish'] as const) {
      await actOnReport({ actor: action === 'approve' ? actors.leader : actors.gkb, versionId: v2.id, action, ctx: ctx() });
    }
    const p = await publishedReport(app.deps.db, bodyId, 2022);
    assert.equal(p?.version.correctionNote, '更正第五部分表述');
    assert.deepEqual(p?.earlier.map((e) => e.version), [1]);
  });

  it('drills down from a cell to its records, and compares years', async () => {
    const cell = await cellRecords({ actor: actors.gkb, bodyId, year: 2022, cell: applicationCellId('unable1', 0), ctx: ctx() });
    assert.deepEqual(cell.ids, [6, 7]);
    const yoy = yearOverYear(await currentPublishedReports(app.deps.db, bodyId));
    assert.deepEqual(yoy.years, [2022]);
    assert.equal(yoy.rows[0].values[0], 9);
  });

  it('starts a new year from last year\'s text, and warns it is 雷同', async () => {
    app.deps.clock.set('2024-01-05T02:00:00Z');
    await startReport({ actor: actors.gkb, bodyId, year: 2023, ctx: ctx() });
    const ws = await getReportYear({ actor: actors.gkb, bodyId, year: 2023, ctx: ctx() });
    assert.equal(ws.narrative.xxgl, parts.xxgl);
    assert.ok(ws.findings.some((f) => f.code === 'report.narrative_near_identical'));
  });

  it('refuses editors of other bodies', async () => {
    await assert.rejects(startReport({ actor: actors['fgw-editor'], bodyId, year: 2021, ctx: ctx() }), (e: AppError) => e.status === 403);
  });
});
