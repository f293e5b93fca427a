/**
 * Separation of duties over HTTP, on both databases (issue #13 item 3): the body's rules, an
 * extension approved only by someone other than the clerk who asked, a decision proposed by the
 * clerk and approved or returned by an approver, the approver named on the event log and on the
 * letters, the buttons offered only to who may press them, and refusals that change nothing.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';

type Headers = Record<string, string>;

describeOnBothDatabases('separation of duties on cases', (t) => {
  let app: TestApp;
  let gkb: Headers; // 公开办 王敏: case handler and reviewer
  let leader: Headers; // 分管副区长 李强: leader of the government
  let admin: Headers;
  let govId = 0;

  const post = (headers: Headers, url: string, payload: unknown = {}) => app.app.inject({ method: 'POST', url, headers, payload: payload as object });
  const get = (headers: Headers, url: string) => app.app.inject({ method: 'GET', url, headers });
  const act = (headers: Headers, id: number, action: string, payload: unknown = {}) => post(headers, `/api/v1/applications/${id}/actions/${action}`, payload);
  const eventCount = async (id: number) => (await app.deps.db.selectFrom('application_events').select('id').where('application_id', '=', id).execute()).length;

  async function newCase(): Promise<number> {
    const res = await post(gkb, '/api/v1/applications', {
      organizationId: govId, channel: 'registered_mail', applicantType: '自然人', applicantName: '钱七', idKind: '居民身份证', idNumber: '410402198001017777',
      phone: '13900000001', address: '石龙区建设路9号', description: '某小区改造工程的招标文件', formWanted: '纸质', deliveryWanted: '邮寄', receivedDate: '2026-03-02',
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id;
  }

  it('opens the app; a body starts with: extensions need another person, decisions do not', async () => {
    app = await createTestApp(t());
    gkb = (await app.login('gkb')).headers;
    leader = (await app.login('leader')).headers;
    admin = (await app.login('admin')).headers;
    govId = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!.id;
    const rules = await get(gkb, `/api/v1/organizations/${govId}/approval-settings`);
    assert.equal(rules.statusCode, 200, rules.body);
    assert.equal(rules.json().extension, 'other_person');
    assert.equal(rules.json().decision, 'none');
    assert.equal(rules.json().canEdit, false, 'the clerk bound by the rule does not set it');
    assert.deepEqual(rules.json().approverRoles, ['reviewer', 'leader']);
  });

  it('an extension: the asking clerk may not approve it (403, nothing changes); the leader approves and is named on the log and the letter', async () => {
    const id = await newCase();
    assert.equal((await act(gkb, id, 'extension_requested', { days: 10, reason: '需要调取多个部门的档案' })).statusCode, 200);
    const seen = (await get(gkb, `/api/v1/applications/${id}`)).json();
    assert.equal(seen.approval.pending.kind, 'extension');
    assert.equal(seen.approval.pending.requestedBy, '公开办 王敏');
    assert.ok(!seen.allowedActions.includes('extension_approved'), 'no approve button for the requester');
    assert.ok(!seen.allowedActions.includes('extension_rejected'));
    const before = await eventCount(id);
    const own = await act(gkb, id, 'extension_approved', { date: '2026-03-02' });
    assert.equal(own.statusCode, 403, own.body);
    assert.equal(own.json().error.code, 'applications.self_approval');
    assert.match(own.json().error.message, /不能审批自己提请的延期申请/);
    assert.equal(await eventCount(id), before, 'the refusal changes nothing');

    const asLeader = await get(leader, `/api/v1/applications/${id}`);
    assert.equal(asLeader.statusCode, 200, 'an approver reads the case while it awaits them');
    assert.deepEqual(asLeader.json().allowedActions.filter((a: string) => a.startsWith('extension_')), ['extension_approved', 'extension_rejected']);
    const work = (await get(leader, '/api/v1/applications/workbench')).json();
    assert.ok(work.awaitingMe.some((c: { id: number }) => c.id === id), 'the leader finds it on the 工作台');
    const ok = await act(leader, id, 'extension_approved', { date: '2026-03-02' });
    assert.equal(ok.statusCode, 200, ok.body);
    // Due 03-30 plus 10 working days: 03-31, 04-01…03 (4), 清明 04-04…06 off, 04-07…10 (8), 04-13, 04-14 (10).
    assert.equal(ok.json().dueDate, '2026-04-14', 'the extension takes effect as the deadline rules say');
    const approved = ok.json().timeline.find((e: { type: string }) => e.type === 'extension_approved');
    assert.equal(approved.actorName, '分管副区长 李强');
    assert.match(approved.text, /2026-03-02 分管副区长 李强 批准延长 10 个工作日/);
    const letter = await get(gkb, `/api/v1/applications/${id}/letters/extension`);
    assert.match(letter.body, /经分管副区长 李强同意，答复期限延长10个工作日/);
    assert.ok(!letter.body.includes('负责人同意'), 'no approval merely implied');
    assert.equal((await get(leader, `/api/v1/applications/${id}`)).statusCode, 404, 'nothing awaits the leader any more: need-to-know');
  });

  it('under "none" the asking approver may approve their own extension, still named as approver', async () => {
    const set = await app.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: admin, payload: { extension: 'none', decision: 'none' } });
    assert.equal(set.statusCode, 200, set.body);
    try {
      const id = await newCase();
      await act(gkb, id, 'extension_requested', { days: 5, reason: '需要检索档案' });
      assert.ok((await get(gkb, `/api/v1/applications/${id}`)).json().allowedActions.includes('extension_approved'));
      const ok = await act(gkb, id, 'extension_approved', { date: '2026-03-02' });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.match((await get(gkb, `/api/v1/applications/${id}/letters/extension`)).body, /经公开办 王敏同意/);
    } finally {
      await app.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: admin, payload: { extension: 'other_person', decision: 'none' } });
    }
  });

  it('only the body administrator sets the rules; a bad value is 400 and changes nothing', async () => {
    const url = `/api/v1/organizations/${govId}/approval-settings`;
    const clerk = await app.app.inject({ method: 'PUT', url, headers: gkb, payload: { extension: 'none', decision: 'none' } });
    assert.equal(clerk.statusCode, 403);
    const fgwAdmin = (await app.login('fgw-admin')).headers;
    assert.equal((await app.app.inject({ method: 'PUT', url, headers: fgwAdmin, payload: { extension: 'none', decision: 'none' } })).statusCode, 403, "another body's administrator");
    const bad = await app.app.inject({ method: 'PUT', url, headers: admin, payload: { extension: 'sometimes', decision: 'none' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'approvals.invalid_rule');
    assert.equal((await get(gkb, url)).json().extension, 'other_person');
    const audit = await app.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'approvals.rules').execute();
    assert.equal(audit.length, 2, 'each change (and only a change) is audited');
  });

  it('a decision that needs approval: proposed by the clerk, returned, proposed again, approved by the leader, named on the reply', async () => {
    const set = await app.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: admin, payload: { extension: 'other_person', decision: 'other_person' } });
    assert.equal(set.statusCode, 200, set.body);
    try {
      const id = await newCase();
      const page = (await get(gkb, `/api/v1/applications/${id}`)).json();
      assert.ok(page.allowedActions.includes('decision_requested'));
      assert.ok(!page.allowedActions.includes('decided'), 'the clerk cannot decide directly');
      const direct = await act(gkb, id, 'decided', { outcome: 'disclosed' });
      assert.equal(direct.statusCode, 409);
      assert.equal(direct.json().error.code, 'applications.approval_required');

      const proposal = { outcome: 'disclosed', replyText: '所申请的招标文件予以公开，见附件。' };
      const asked = await act(gkb, id, 'decision_requested', proposal);
      assert.equal(asked.statusCode, 200, asked.body);
      assert.equal(asked.json().decisionPending, true);
      assert.equal(asked.json().status, 'in_progress', 'not decided until approved');
      const own = await act(gkb, id, 'decided', {});
      assert.equal(own.statusCode, 403);
      assert.equal(own.json().error.code, 'applications.self_approval');
      const returned = await act(leader, id, 'decision_returned', { reason: '答复正文请列明附件名称' });
      assert.equal(returned.statusCode, 200, returned.body);
      assert.equal(returned.json().decisionPending, false);
      const stale = await act(leader, id, 'decided', {});
      assert.equal(stale.statusCode, 409, 'nothing awaits the leader any more');
      assert.equal((await get(leader, `/api/v1/applications/${id}`)).statusCode, 404, 'nor may they read it');

      await act(gkb, id, 'decision_requested', { ...proposal, replyText: '所申请的招标文件予以公开，见附件《某小区改造工程招标文件》。' });
      const lp = (await get(leader, `/api/v1/applications/${id}`)).json();
      assert.deepEqual(lp.allowedActions, ['decision_returned', 'decided']);
      const ok = await act(leader, id, 'decided', {});
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().status, 'decided');
      assert.equal(ok.json().decisionDate, '2026-03-02', 'decided on the day it was approved');
      assert.equal(ok.json().state.decision.approverName, '分管副区长 李强');
      assert.match(ok.json().timeline.at(-1).text, /经 分管副区长 李强 批准/);
      const reply = await get(gkb, `/api/v1/applications/${id}/letters/reply`);
      assert.match(reply.body, /本答复经分管副区长 李强审核同意/);
      assert.match(reply.body, /见附件《某小区改造工程招标文件》/);
    } finally {
      await app.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: admin, payload: { extension: 'other_person', decision: 'none' } });
    }
  });
});
