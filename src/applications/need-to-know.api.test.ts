/**
 * Issue "security to 等保2.0 level 3", item 3: an applicant's personal data is read only by the
 * case's handlers, the reviewers of its pending extension and auditors; every read is audited.
 * The mailbox shows writers' details to the letter's handlers only.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

describeOnBothDatabases('need-to-know for applicants’ personal data', (t) => {
  let a: TestApp;
  let caseId = 0;
  before(async () => {
    a = await createTestApp(t());
    const gov = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    const res = await a.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: (await a.login('gkb')).headers,
      payload: {
        organizationId: gov, channel: 'registered_mail', applicantType: '自然人', applicantName: '张三', idKind: '居民身份证', idNumber: '410402199001011234',
        contactPerson: '张三', phone: '13900000000', address: '石龙区建设路8号', description: '本街道2025年道路维修计划', formWanted: '纸质', deliveryWanted: '邮寄', receivedDate: '2026-03-02',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    caseId = res.json().id;
  });
  after(async () => {
    await a.app.close();
  });

  it('hides the case, its list row and its export from the leader, the administrators and a publisher', async () => {
    for (const who of ['leader', 'admin', 'fgw-admin', 'fgw-editor', 'secadmin']) {
      const { headers } = await a.login(who);
      // Roles that never handle cases are refused at the route (authorization matrix); the others
      // (a leader's work list) get no row of the case.
      const page = await a.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}`, headers });
      assert.ok([403, 404].includes(page.statusCode), `${who}: ${page.statusCode}`);
      const list = await a.app.inject({ method: 'GET', url: '/api/v1/applications', headers });
      assert.ok(list.statusCode === 403 || list.json().total === 0, who);
      const csv = await a.app.inject({ method: 'GET', url: '/api/v1/applications/export?format=csv', headers });
      assert.ok(!csv.body.includes('13900000000') && !csv.body.includes('张三'), who);
      const bench = await a.app.inject({ method: 'GET', url: '/api/v1/applications/workbench', headers });
      assert.ok(!bench.body.includes('张三'), who);
    }
  });

  it('shows it to the handler and the auditor, and audits who read which case', async () => {
    for (const who of ['gkb', 'auditor']) {
      const page = await a.app.inject({ method: 'GET', url: `/api/v1/applications/${caseId}`, headers: (await a.login(who)).headers });
      assert.equal(page.statusCode, 200, who);
      assert.equal(page.json().phone, '13900000000');
    }
    const rows = await a.deps.db.selectFrom('audit_log').select(['username', 'detail']).where('action', '=', 'applications.case_read').execute();
    assert.deepEqual(rows.map((r) => r.username).sort(), ['auditor', 'gkb']);
    assert.deepEqual(JSON.parse(rows[0]!.detail), { caseIds: [caseId] });
    await a.app.inject({ method: 'GET', url: '/api/v1/applications/export?format=csv', headers: (await a.login('gkb')).headers });
    const exported = await a.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'applications.exported').execute();
    assert.ok((JSON.parse(exported.at(-1)!.detail) as { caseIds: number[] }).caseIds.includes(caseId));
  });

  it('shows a mailbox writer’s contact to the body’s publisher, not to the system administrator', async () => {
    const gov = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow()).id;
    await a.deps.db.insertInto('publishing_mailbox_letters').values({
      organization_id: gov, writer_name: '李四', contact: '13800000000', subject: '关于路灯', body: '小区路灯坏了很久了，请尽快维修。', status: 'received',
      reply_text: null, replied_at: null, reply_item_id: null, ip: '127.0.0.1', created_at: '2026-03-01T00:00:00Z',
    }).execute();
    const as = async (who: string) => (await a.app.inject({ method: 'GET', url: '/api/v1/publishing/letters', headers: (await a.login(who)).headers })).body;
    assert.match(await as('fgw-editor'), /13800000000/);
    assert.doesNotMatch(await as('admin'), /13800000000|李四/);
    assert.doesNotMatch(await as('fgw-admin'), /13800000000|李四/);
  });
});
