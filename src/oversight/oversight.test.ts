/** 行政复议 / 行政诉讼 records on both databases: a 纠正 result reopens the application. */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { applicationsReportSource } from '../applications/applications.report-source.ts';

describeOnBothDatabases('oversight records', (t) => {
  it('records a review, refuses a bad result date, and reopens the case on 纠正 with a new due date', async () => {
    const app = await createTestApp(t());
    const gkb = (await app.login('gkb')).headers;
    const gov = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!;
    const created = await app.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: gkb,
      payload: { organizationId: gov.id, channel: 'in_person', applicantType: '自然人', applicantName: '孙八', idKind: '居民身份证', idNumber: '410402198001018888', phone: '13900000000', description: '某路段拆迁补偿标准文件', formWanted: '纸质', deliveryWanted: '自行领取' },
    });
    const caseId = created.json().id;
    await app.app.inject({ method: 'POST', url: `/api/v1/applications/${caseId}/actions/decided`, headers: gkb, payload: { outcome: 'unable1' } });
    const review = await app.app.inject({ method: 'POST', url: '/api/v1/oversight', headers: gkb, payload: { kind: 'review', filedDate: '2026-03-02', body: '石龙区人民政府', applicationId: caseId } });
    assert.equal(review.statusCode, 201, review.body);
    assert.equal(review.json().resultLabel, '尚未审结');
    const early = await app.app.inject({ method: 'POST', url: `/api/v1/oversight/${review.json().id}/result`, headers: gkb, payload: { result: 'corrected', decidedDate: '2026-03-01' } });
    assert.equal(early.statusCode, 400);
    const editor = (await app.login('jyj-editor')).headers;
    const denied = await app.app.inject({ method: 'POST', url: `/api/v1/oversight/${review.json().id}/result`, headers: editor, payload: { result: 'upheld', decidedDate: '2026-03-02' } });
    assert.equal(denied.statusCode, 403);
    const done = await app.app.inject({ method: 'POST', url: `/api/v1/oversight/${review.json().id}/result`, headers: gkb, payload: { result: 'corrected', decidedDate: '2026-03-02', reopen: true } });
    assert.equal(done.statusCode, 200, done.body);
    // Reopened Mon 2026-03-02 (day 0) → 20 WD in March without holidays → 2026-03-30.
    const page = (await app.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}`, headers: gkb })).json();
    assert.equal(page.status, 'in_progress');
    assert.equal(page.dueDate, '2026-03-30');
    const src = await applicationsReportSource(app.deps.db, gov.id, 2026);
    assert.deepEqual(src.oversight.map((o) => [o.kind, o.result, o.decidedDate]), [['review', 'corrected', '2026-03-02']]);
    assert.equal(src.applications.find((a) => a.id === caseId)?.outcome, null);
  });
});
