/**
 * Race suite of 复议/诉讼 results, on both databases: N clerks recording a result at once → one
 * winner, 409 for the rest, one audit row; a 纠正 that reopens the application reopens it once;
 * and a request refused with 409 writes nothing at all.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { assertOneWinner, fireSame } from '../shared/race.testing.ts';

/** Audit rows of writes (reads of personal data are audited too, as `*_read`). */
const writesOnly = (rows: Array<{ action: string }>) => rows.filter((r) => !r.action.endsWith('_read'));
const N = 10;

describeOnBothDatabases('oversight result races', (t) => {
  let app: TestApp;
  let gkb: Record<string, string>;
  let govId = 0;

  async function newCase(decided: boolean): Promise<number> {
    const created = await app.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: gkb,
      payload: { organizationId: govId, channel: 'in_person', applicantType: '自然人', applicantName: '孙八', idKind: '居民身份证', idNumber: '410402198001018888', phone: '13900000000', description: '某路段拆迁补偿标准文件', formWanted: '纸质', deliveryWanted: '自行领取' },
    });
    const id = (created.json() as { id: number }).id;
    if (decided) await app.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/actions/decided`, headers: gkb, payload: { outcome: 'unable1' } });
    return id;
  }
  async function newReview(applicationId?: number): Promise<{ id: number; version: number }> {
    const r = await app.app.inject({ method: 'POST', url: '/api/v1/oversight', headers: gkb, payload: { kind: 'review', filedDate: '2026-03-02', body: '石龙区人民政府', ...(applicationId ? { applicationId } : { organizationId: govId }) } });
    assert.equal(r.statusCode, 201, r.body);
    return r.json();
  }
  const row = (id: number) => app.deps.db.selectFrom('oversight_cases').select(['result', 'decided_date', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const audit = (type: string, id: number) =>
    app.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', type).where('target_id', '=', String(id)).orderBy('id').execute().then(writesOnly);
  const eventsOf = (id: number) => app.deps.db.selectFrom('application_events').select('type').where('application_id', '=', id).orderBy('seq').execute();
  const result = (id: number, payload: Record<string, unknown>) => ({ method: 'POST' as const, url: `/api/v1/oversight/${id}/result`, headers: gkb, payload });

  it('opens the app', async () => {
    app = await createTestApp(t());
    gkb = (await app.login('gkb')).headers;
    govId = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!.id;
  });

  it(`${N} results at once on the same version → one winner, ${N - 1} × 409, one audit row`, async () => {
    const review = await newReview();
    assertOneWinner(await fireSame(app.app, N, result(review.id, { result: 'upheld', decidedDate: '2026-03-02', version: review.version })));
    assert.deepEqual(await row(review.id), { result: 'upheld', decided_date: '2026-03-02', version: review.version + 1 });
    assert.deepEqual(await audit('oversight', review.id), [{ action: 'oversight.create' }, { action: 'oversight.result' }]);
  });

  it(`${N} first results at once without a version → one winner; a recorded result is not overwritten`, async () => {
    const review = await newReview();
    assertOneWinner(await fireSame(app.app, N, result(review.id, { result: 'other', decidedDate: '2026-03-02' })));
    const again = await app.app.inject(result(review.id, { result: 'upheld', decidedDate: '2026-03-02' }));
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'oversight.already_decided');
    assert.equal((await row(review.id)).result, 'other');
    // With the version it was recorded on, a clerk corrects it.
    const fixed = await app.app.inject(result(review.id, { result: 'upheld', decidedDate: '2026-03-02', version: review.version + 1 }));
    assert.equal(fixed.statusCode, 200, fixed.body);
    const stale = await app.app.inject(result(review.id, { result: 'other', decidedDate: '2026-03-02', version: review.version + 1 }));
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'oversight.concurrent_change');
    assert.deepEqual(await row(review.id), { result: 'upheld', decided_date: '2026-03-02', version: review.version + 2 });
  });

  it(`${N} × 纠正 with reopening at once → one winner, the application reopened once`, async () => {
    const caseId = await newCase(true);
    const review = await newReview(caseId);
    const before = await eventsOf(caseId);
    assertOneWinner(await fireSame(app.app, N, result(review.id, { result: 'corrected', decidedDate: '2026-03-02', reopen: true, version: review.version })));
    assert.deepEqual(await eventsOf(caseId), [...before, { type: 'reopened' }]);
    assert.deepEqual(await audit('oversight', review.id), [{ action: 'oversight.create' }, { action: 'oversight.result' }]);
    assert.equal((await audit('application', caseId)).filter((a) => a.action === 'applications.reopened').length, 1);
  });

  it('a refused reopening (the application is not decided) answers 409 and saves neither the result nor its audit row', async () => {
    const caseId = await newCase(false);
    const review = await newReview(caseId);
    const r = await app.app.inject(result(review.id, { result: 'corrected', decidedDate: '2026-03-02', reopen: true }));
    assert.equal(r.statusCode, 409, r.body);
    assert.equal(r.json().error.code, 'applications.invalid_transition');
    assert.deepEqual(await row(review.id), { result: 'pending', decided_date: null, version: review.version });
    assert.deepEqual(await audit('oversight', review.id), [{ action: 'oversight.create' }]);
    assert.equal((await audit('application', caseId)).filter((a) => a.action === 'applications.reopened').length, 0);
  });
});
