/**
 * Race suite of case actions, on both databases: for every action, N clerks sending it at once
 * on the case as they saw it (its event count) → one wins, the others get 409, no 5xx, and the
 * case holds exactly the one event and the one audit row. Actions that exclude each other, sent
 * without an expected event count, also have one winner. 
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { assertOneWinner, fireAtOnce, fireSame } from '../shared/race.testing.ts';

/** Audit rows of writes (reads of personal data are audited too, as `*_read`). */
const writesOnly = (rows: Array<{ action: string }>) => rows.filter((r) => !r.action.endsWith('_read'));
const N = 10;
type Step = [action: string, input: Record<string, unknown>];

const received = (date: string): Step[] => [['receipt_confirmed', { receivedDate: date }]];
const decided: Step[] = [...received('2026-02-02'), ['decided', { outcome: 'unable1' }]];
const correcting: Step[] = [...received('2026-02-02'), ['correction_requested', { date: '2026-02-03', items: '请写明所需文件的名称', replyBy: '2026-02-20' }]];
const extending: Step[] = [...received('2026-03-02'), ['extension_requested', { days: 10, reason: '需要调取档案' }]];
const feeing = (date: string): Step[] => [...received(date), ['fee_notice_sent', { method: 'per-page', pages: 60, noticeReceivedDate: date }]];

/** Each action with the steps that make it allowed, and the request body of the racers. */
const CASES: Array<{ action: string; before: Step[]; input: Record<string, unknown> }> = [
  { action: 'receipt_confirmed', before: [], input: { receivedDate: '2026-03-02' } },
  { action: 'assigned', before: received('2026-03-02'), input: {} },
  { action: 'transferred', before: received('2026-03-02'), input: { unitId: 'other', reason: '职责调整' } },
  { action: 'correction_requested', before: received('2026-03-02'), input: { items: '请写明所需文件的名称', replyBy: '2026-03-10' } },
  { action: 'correction_received', before: correcting, input: { date: '2026-02-10' } },
  { action: 'correction_lapsed', before: correcting, input: { date: '2026-03-02' } },
  { action: 'consultation_sent', before: received('2026-03-02'), input: { kind: 'third-party', party: '石龙某公司' } },
  { action: 'consultation_replied', before: [...received('2026-03-02'), ['consultation_sent', { kind: 'agency', party: '区财政局' }]], input: { consultationNo: 1, opinion: 'agree' } },
  { action: 'extension_requested', before: received('2026-03-02'), input: { days: 10, reason: '需要调取档案' } },
  { action: 'extension_approved', before: extending, input: {} },
  { action: 'extension_rejected', before: extending, input: { reason: '理由不充分' } },
  { action: 'extension_notified', before: [...extending, ['extension_approved', {}]], input: {} },
  { action: 'later_due_date_set', before: received('2026-03-02'), input: { date: '2026-05-29', reason: '申请内容涉及大量档案，需较长时间检索' } },
  { action: 'fee_notice_sent', before: received('2026-03-02'), input: { method: 'per-page', pages: 60 } },
  { action: 'fee_paid', before: feeing('2026-03-02'), input: {} },
  { action: 'fee_lapsed', before: feeing('2026-01-05'), input: { date: '2026-03-02' } },
  { action: 'withdrawn', before: received('2026-03-02'), input: { reason: '申请人书面撤回' } },
  { action: 'decided', before: received('2026-03-02'), input: { outcome: 'unable1' } },
  { action: 'delivered', before: decided, input: { method: '邮寄' } },
  { action: 'archived', before: [...decided, ['delivered', { method: '邮寄' }]], input: {} },
  { action: 'reopened', before: decided, input: { reason: '行政复议决定责令重新答复' } },
];

describeOnBothDatabases('case action races', (t) => {
  let app: TestApp;
  let gkb: Record<string, string>; // the acting clerk's cookie and CSRF header
  let approver: Record<string, string>; // a reviewer of the same government: approves what the clerk asks
  let approver2: Record<string, string>; // a second one, for two approvers at once
  /** Who takes a step: approving or returning a request is another person's (approval.rules.ts). */
  const by = (action: string) => (['extension_approved', 'extension_rejected', 'decision_returned'].includes(action) ? approver : gkb);
  let govId = 0;

  async function newCase(before: Step[]): Promise<{ id: number; eventCount: number; units: Array<{ id: number }>; unitId: number }> {
    const created = await app.app.inject({
      method: 'POST', url: '/api/v1/applications', headers: gkb,
      payload: { organizationId: govId, channel: 'registered_mail', applicantType: '自然人', applicantName: '孙八', idKind: '居民身份证', idNumber: '410402198001018888', phone: '13900000000', address: '石龙区建设路8号', description: '某路段拆迁补偿标准文件', formWanted: '纸质', deliveryWanted: '邮寄', submittedDate: '2026-01-05' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = (created.json() as { id: number }).id;
    for (const [action, input] of before) {
      const r = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/actions/${action}`, headers: by(action), payload: input });
      assert.equal(r.statusCode, 200, `${action}: ${r.body}`);
    }
    return (await app.app.inject({ method: 'GET', url: `/api/v1/applications/${id}`, headers: gkb })).json();
  }
  const eventsOf = (id: number) => app.deps.db.selectFrom('application_events').select(['seq', 'type']).where('application_id', '=', id).orderBy('seq').execute();
  const auditOf = (id: number) => app.deps.db.selectFrom('audit_log').select('action').where('target_type', '=', 'application').where('target_id', '=', String(id)).orderBy('id').execute().then(writesOnly);
  const messagesOf = (id: number) => app.deps.db.selectFrom('outbox_messages').select(['kind', 'channel']).where('application_id', '=', id).orderBy('id').execute();

  it('opens the app', async () => {
    app = await createTestApp(t());
    govId = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!.id;
    // A clerk of the whole government, who keeps the case in reach after a 转办 to a department.
    const admin = (await app.login('admin')).headers;
    const account = async (username: string, displayName: string, roles: string[]) => {
      const password = 'Race-clerk-2026!';
      const created = await app.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username, displayName, organizationId: govId, roles, password } });
      assert.equal(created.statusCode, 201, created.body);
      const login = await app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      const headers = { cookie: `gk_session=${login.cookies.find((c) => c.name === 'gk_session')!.value}`, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
      // An administrator chose the password: the server holds the account until it chooses its own.
      const own = await app.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: password, newPassword: 'Own-choice-Clerk-77' } });
      assert.equal(own.statusCode, 204, own.body);
      return headers;
    };
    gkb = await account('qu-clerk', '区政府 办事员', ['case_handler', 'reviewer']);
    approver = await account('qu-reviewer', '区政府 审核人 甲', ['reviewer']);
    approver2 = await account('qu-leader', '区政府 分管领导 乙', ['leader']);
  });

  for (const c of CASES) {
    it(`${c.action}: ${N} at once on the same version → one winner, ${N - 1} × 409, one event, one audit row`, async () => {
      const kase = await newCase(c.before);
      const input: Record<string, unknown> = { ...c.input, expectedEventCount: kase.eventCount };
      if (input.unitId === 'other') input.unitId = kase.units.find((u) => u.id !== kase.unitId)!.id;
      const eventsBefore = await eventsOf(kase.id);
      const auditBefore = await auditOf(kase.id);
      const messagesBefore = await messagesOf(kase.id);
      const answers = await fireSame(app.app, N, { method: 'POST', url: `/api/v1/applications/${kase.id}/actions/${c.action}`, headers: by(c.action), payload: input });
      const [won] = assertOneWinner(answers);
      assert.equal((won!.json() as { eventCount: number }).eventCount, kase.eventCount + 1);
      const events = await eventsOf(kase.id);
      assert.deepEqual(events, [...eventsBefore, { seq: eventsBefore.length + 1, type: c.action }]);
      const audit = await auditOf(kase.id);
      assert.deepEqual(audit.slice(auditBefore.length), [{ action: `applications.${c.action}` }]);
      // The applicant's messages of one action at most (an e-mail and an SMS each): none of a loser's.
      const messages = (await messagesOf(kase.id)).slice(messagesBefore.length);
      assert.equal(new Set(messages.map((m) => `${m.kind}:${m.channel}`)).size, messages.length, JSON.stringify(messages));
      const row = await app.deps.db.selectFrom('applications').select('event_count').where('id', '=', kase.id).executeTakeFirstOrThrow();
      assert.equal(row.event_count, events.length, 'the projection counts every event');
    });
  }

  it('two clerks closing one case at once (答复 by one, 撤回 by another), without a version → one winner, the rest 409', async () => {
    const kase = await newCase(received('2026-03-02'));
    const steps: Step[] = [['decided', { outcome: 'unable1' }], ['withdrawn', { reason: '申请人电话撤回' }], ['decided', { outcome: 'unable2', replyText: '所申请信息需要另行制作' }]];
    const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => {
      const [action, input] = steps[i % steps.length]!;
      return { method: 'POST' as const, url: `/api/v1/applications/${kase.id}/actions/${action}`, headers: gkb, payload: input };
    }));
    assertOneWinner(answers);
    const events = await eventsOf(kase.id);
    assert.equal(events.length, kase.eventCount + 1);
    assert.equal((await auditOf(kase.id)).filter((x) => /decided|withdrawn/.test(x.action)).length, 1);
  });

  it(`${N} × 答复 at once without a version → one winner`, async () => {
    const kase = await newCase(received('2026-03-02'));
    assertOneWinner(await fireSame(app.app, N, { method: 'POST', url: `/api/v1/applications/${kase.id}/actions/decided`, headers: gkb, payload: { outcome: 'unable1' } }));
    assert.equal((await eventsOf(kase.id)).filter((e) => e.type === 'decided').length, 1);
  });

  it('two approvers approving one proposed decision at once, the requester among the racers → one approval, others 409, the requester 403', async () => {
    const admin = (await app.login('admin')).headers;
    const set = await app.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: admin, payload: { extension: 'other_person', decision: 'other_person' } });
    assert.equal(set.statusCode, 200, set.body);
    try {
      const kase = await newCase([...received('2026-03-02'), ['decision_requested', { outcome: 'unable1' }]]);
      const approve = (headers: Record<string, string>) => ({ method: 'POST' as const, url: `/api/v1/applications/${kase.id}/actions/decided`, headers, payload: {} });
      const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => approve(i % 2 ? approver : approver2)));
      assertOneWinner(answers);
      const own = await app.app.inject(approve(gkb));
      assert.ok([403, 409].includes(own.statusCode), own.body);
      const decided = (await eventsOf(kase.id)).filter((e) => e.type === 'decided');
      assert.equal(decided.length, 1);
      // The requester racing the approvers never wins: their own approval is refused whatever the order.
      const k2 = await newCase([...received('2026-03-02'), ['decision_requested', { outcome: 'unable1' }]]);
      const racers = [gkb, approver, gkb, approver2];
      const mixed = await fireAtOnce(app.app, racers.map((h) => ({ ...approve(h), url: `/api/v1/applications/${k2.id}/actions/decided` })));
      const won = mixed.map((a, i) => ({ a, i })).filter(({ a }) => a.status === 200);
      assert.equal(won.length, 1, mixed.map((a) => a.status).join(','));
      assert.notEqual(racers[won[0]!.i], gkb, 'the requester never approves');
      for (const [i, a] of mixed.entries()) {
        if (a.status === 200) continue;
        const code = (a.json() as { error: { code: string } }).error.code;
        // Before the approval the requester is refused as such (403); after it, the case is decided (409).
        if (racers[i] === gkb) assert.ok((a.status === 403 && code === 'applications.self_approval') || a.status === 409, `${a.status} ${code}`);
        else assert.equal(a.status, 409, a.body);
      }
      const row = await app.deps.db.selectFrom('application_events').select('data').where('application_id', '=', k2.id).where('type', '=', 'decided').executeTakeFirstOrThrow();
      assert.match(row.data, /区政府 (审核人 甲|分管领导 乙)/);
    } finally {
      await app.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: admin, payload: { extension: 'other_person', decision: 'none' } });
    }
  });

  it('refuses a stale version with 409 and a Chinese message, changing nothing', async () => {
    const kase = await newCase(received('2026-03-02'));
    const r = await app.app.inject({ method: 'POST', url: `/api/v1/applications/${kase.id}/actions/assigned`, headers: gkb, payload: { expectedEventCount: kase.eventCount - 1 } });
    assert.equal(r.statusCode, 409);
    assert.equal(r.json().error.code, 'applications.concurrent_change');
    assert.match(r.json().error.message, /刷新/);
    assert.equal((await eventsOf(kase.id)).length, kase.eventCount);
  });
});
