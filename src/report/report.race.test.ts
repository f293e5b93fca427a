/**
 * Race suite of the annual report's workflow, on both databases: N requests at once at one
 * report version; one wins, the others get 409 with a stable code, no 5xx, and the version rows
 * and audit rows are those one action leaves.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { assertOneWinner, fireAtOnce, fireSame } from '../shared/race.testing.ts';

const N = 10;
const YEAR = 2024;
const parts = {
  zdgk: '<p>（一）主动公开情况。全年发布政府信息{{主动公开信息条数}}条。</p>',
  ysqgk: '<p>（二）依申请公开情况。全区共受理政府信息公开申请{{本年新收申请}}件。</p>',
  xxgl: '<p>（三）政府信息管理。严格审核。</p>',
  ptjs: '<p>（四）政府信息公开平台建设。政务新媒体{{政务新媒体}}个。</p>',
  jdbz: '<p>（五）监督保障。纳入考核。</p>',
  wu: '<p>（一）存在的主要问题。时效性有待提高。</p>',
  liu: '<p>{{年度}}年收取信息处理费{{信息处理费}}元。</p>',
};
const figures = { rules: null, normativeDocuments: null, licensing: 12, punishment: 3, enforcement: 0, feesAmountWanYuan: '1.5' };

describeOnBothDatabases('annual report workflow races', (t) => {
  let a: TestApp;
  let editor: Record<string, string>;
  let leader: Record<string, string>;
  let bodyId = 0;

  before(async () => {
    a = await createTestApp(t(), '2023-01-20T02:00:00Z');
    editor = (await a.login('gkb')).headers;
    leader = (await a.login('leader')).headers;
    bodyId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await a.app.close();
  });

  const act = (id: number, action: string, headers = action === 'approve' || action === 'return' ? leader : editor): InjectOptions =>
    ({ method: 'POST', url: `/api/v1/reports/versions/${id}/${action}`, headers });
  const narrative = (id: number, payload: Record<string, unknown>): InjectOptions =>
    ({ method: 'PUT', url: `/api/v1/reports/versions/${id}/narrative`, headers: editor, payload });
  const saveFigures = (payload: Record<string, unknown> = figures): InjectOptions => ({ method: 'PUT', url: `/api/v1/reports/${bodyId}/${YEAR}/figures`, headers: editor, payload });
  const start = (payload: Record<string, unknown> = {}): InjectOptions => ({ method: 'POST', url: `/api/v1/reports/${bodyId}/${YEAR}/versions`, headers: editor, payload });

  async function ok(req: InjectOptions) {
    const res = await a.app.inject(req);
    assert.ok(res.statusCode === 200 || res.statusCode === 201, res.body);
    return res.json() as { version: { id: number; revision: number; status: string } };
  }
  async function latest() {
    return a.deps.db.selectFrom('report_versions').selectAll().where('organization_id', '=', bodyId).where('year', '=', YEAR).orderBy('version', 'desc').executeTakeFirstOrThrow();
  }
  /** A new draft (a correction of the published version) with valid text and figures. */
  async function draft(): Promise<{ id: number; revision: number }> {
    const v = await latest();
    for (const action of ['submit', 'approve', 'publish'].slice(['draft', 'submitted', 'approved', 'published'].indexOf(v.status))) await ok(act(v.id, action));
    const { version } = await ok(start({ correctionNote: '更正第三部分数字' }));
    await ok(narrative(version.id, { parts }));
    await ok(saveFigures());
    const now = await latest();
    return { id: now.id, revision: now.revision };
  }
  async function inState(status: 'draft' | 'submitted' | 'approved') {
    const d = await draft();
    for (const action of ['submit', 'approve'].slice(0, ['draft', 'submitted', 'approved'].indexOf(status))) await ok(act(d.id, action));
    return d.id;
  }
  const auditOf = async (id: number) => (await a.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'report').where('target_id', '=', String(id)).orderBy('id').execute()).map((r) => r.action.replace('report.', ''));

  it(`start ×${N}: one draft of the year`, async () => {
    const won = assertOneWinner(await fireSame(a.app, N, start()));
    const rows = await a.deps.db.selectFrom('report_versions').select('id').where('organization_id', '=', bodyId).where('year', '=', YEAR).execute();
    assert.equal(rows.length, 1);
    assert.equal((won[0].json() as { version: { id: number } }).version.id, rows[0].id);
    assert.deepEqual(await auditOf(rows[0].id), ['started']);
  });

  it(`correction ×${N} of the published report: one new version`, async () => {
    const v = await latest();
    await ok(narrative(v.id, { parts }));
    await ok(saveFigures());
    for (const action of ['submit', 'approve', 'publish']) await ok(act(v.id, action));
    assertOneWinner(await fireSame(a.app, N, start({ correctionNote: '更正数字' })));
    const rows = await a.deps.db.selectFrom('report_versions').select('version').where('organization_id', '=', bodyId).where('year', '=', YEAR).orderBy('version').execute();
    assert.deepEqual(rows.map((r) => r.version), [1, 2]);
  });

  it(`narrative save ×${N} of one revision: one save`, async () => {
    const d = await draft();
    const requests = Array.from({ length: N }, (_, i) => narrative(d.id, { parts: { xxgl: `<p>（三）政府信息管理。第${i}稿。</p>` }, revision: d.revision }));
    assertOneWinner(await fireAtOnce(a.app, requests));
    assert.deepEqual((await auditOf(d.id)).filter((x) => x === 'narrative_saved').length, 2); // the draft's own save + the winner
  });

  it(`narrative save ×${N / 2} against submit ×${N / 2}: one wins, a submitted report is never changed`, async () => {
    const d = await draft();
    const requests = Array.from({ length: N }, (_, i) => (i % 2 ? act(d.id, 'submit') : narrative(d.id, { parts: { xxgl: '<p>（三）提交时偷改。</p>' }, revision: d.revision })));
    const [won] = assertOneWinner(await fireAtOnce(a.app, requests));
    const submitted = 'version' in (won.json() as object);
    const v = await latest();
    assert.equal(v.status, submitted ? 'submitted' : 'draft');
    assert.equal(v.narrative.includes('提交时偷改'), !submitted);
  });

  it(`figures save ×${N / 2} against submit ×${N / 2}: figures never change under a submitted report`, async () => {
    const d = await draft();
    const mark = (await a.deps.db.selectFrom('audit_log').select((e) => e.fn.max('id').as('id')).executeTakeFirstOrThrow()).id ?? 0;
    const requests = Array.from({ length: N }, (_, i) => (i % 2 ? act(d.id, 'submit') : saveFigures({ ...figures, licensing: 99 })));
    const answers = await fireAtOnce(a.app, requests);
    const statuses = answers.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 200 || s === 409), statuses.join(','));
    assert.ok(answers.filter((r, i) => i % 2 && r.status === 200).length <= 1, statuses.join(','));
    const audit = await a.deps.db.selectFrom('audit_log').select(['id', 'action']).where('action', 'in', ['report.figures_saved', 'report.submit']).where('id', '>', Number(mark)).execute();
    const submitAt = audit.find((r) => r.action === 'report.submit')?.id ?? Infinity;
    assert.ok(!audit.some((r) => r.action === 'report.figures_saved' && r.id > submitAt), 'no figures saved after the submission');
  });

  for (const [action, from, audit] of [['submit', 'draft', 'submit'], ['approve', 'submitted', 'approve'], ['return', 'submitted', 'return'], ['publish', 'approved', 'publish']] as const) {
    it(`${action} ×${N}: one ${action}`, async () => {
      const id = await inState(from);
      assertOneWinner(await fireSame(a.app, N, act(id, action)));
      assert.equal((await auditOf(id)).filter((x) => x === audit).length, 1);
    });
  }

  it(`approve ×${N / 2} against return ×${N / 2}: one decision`, async () => {
    const id = await inState('submitted');
    const [won] = assertOneWinner(await fireAtOnce(a.app, Array.from({ length: N }, (_, i) => act(id, i % 2 ? 'return' : 'approve'))));
    const status = (won.json() as { version: { status: string } }).version.status;
    const audit = await auditOf(id);
    assert.equal(audit.filter((x) => x === 'approve' || x === 'return').length, 1);
    assert.equal((await latest()).status, status);
  });
});
