/**
 * Who is told of approvals and of a 转办, on both databases: an extension request or a decision
 * proposed for approval (提请审批答复) reaches the approvers of the case (reviewers and leaders) but
 * not the clerk who asked, even when that clerk holds an approver role; the clerk is told when the
 * request is approved or 退回; a mailbox letter transferred to a department reaches that
 * department's clerks, not other departments' nor the one who transferred it.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { sampleForm } from '../applications/test-fixtures.ts';
import { submitLetter } from '../publishing/mailbox.usecases.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { calendarFor } from '../applications/case-projection.ts';
import { createStaffNotificationsRepository } from './staff-notifications.repository.ts';
import { digestText, waitingWork } from './digest.usecases.ts';

type Headers = Record<string, string>;

describeOnBothDatabases('notifications of approvals and transfers', (t) => {
  let a: TestApp;
  let ids: Map<string, number>;
  let govId = 0;
  const headers = new Map<string, Headers>();
  const as = async (u: string) => headers.get(u) ?? headers.set(u, (await a.login(u)).headers).get(u)!;

  before(async () => {
    a = await createTestApp(t());
    const db = a.deps.db;
    govId = (await db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    // A second reviewer in the 公开办 besides gkb (who handles cases and reviews): the office head.
    const gkb = await db.selectFrom('users').select(['organization_id', 'password_hash']).where('username', '=', 'gkb').executeTakeFirstOrThrow();
    await db.insertInto('users').values({ username: 'office-head', display_name: '办公室主任 钱七', organization_id: gkb.organization_id, password_hash: gkb.password_hash, roles: JSON.stringify(['reviewer']), disabled: 0, failed_logins: 0, locked_until: null, password_changed_at: '2026-03-01T00:00:00Z', created_at: '2026-03-01T00:00:00Z' }).execute();
    // Same password hash as gkb's, so gkb's password signs the office head in.
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'office-head', password: a.password('gkb') } });
    assert.equal(res.statusCode, 200, res.body);
    const cookie = `gk_session=${res.cookies.find((c) => c.name === 'gk_session')!.value}`;
    headers.set('office-head', { cookie, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken });
    ids = await a.userIds();
  });
  after(async () => {
    await a.app.close();
  });

  /** Who holds a notification of this kind about this case or letter (by user name, sorted). */
  const told = async (kind: string, about: string) => {
    const rows = await a.deps.db.selectFrom('staff_notifications').select(['user_id', 'title']).where('kind', '=', kind).execute();
    const names = new Map([...ids].map(([n, id]) => [id, n]));
    return rows.filter((r) => r.title.includes(about)).map((r) => names.get(r.user_id)!).sort();
  };
  const act = async (u: string, id: number, action: string, payload: Record<string, unknown> = {}) => {
    const res = await a.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/actions/${action}`, headers: await as(u), payload });
    assert.equal(res.statusCode, 200, `${u} ${action}: ${res.body}`);
  };
  const newCase = async () => {
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/applications', headers: await as('gkb'), payload: sampleForm(govId, { channel: 'in_person' }) });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: number; trackingNumber: string };
  };

  it('an extension request reaches the other approvers, not the clerk who asked; the clerk is told of the approval and of a return', async () => {
    const c = await newCase();
    await act('gkb', c.id, 'extension_requested', { days: 10, reason: '需要调取历年档案' });
    assert.deepEqual(await told('extension_approval', c.trackingNumber), ['leader', 'office-head'], 'gkb is a reviewer too, but asked');
    const bell = (await a.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: await as('office-head') })).json() as { items: { title: string; link: string }[] };
    assert.deepEqual([bell.items[0]!.title, bell.items[0]!.link], [`延期申请待审批：${c.trackingNumber}（10 个工作日）`, `/applications?case=${c.id}`]);
    await act('office-head', c.id, 'extension_approved', {});
    assert.deepEqual(await told('extension_approved', c.trackingNumber), ['gkb']);
    const mine = (await a.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: await as('gkb') })).json() as { items: { title: string }[] };
    assert.equal(mine.items[0]!.title, `延期申请已批准：${c.trackingNumber}（10 个工作日，办公室主任 钱七）`);

    const d = await newCase();
    await act('gkb', d.id, 'extension_requested', { days: 5, reason: '需要征求多个部门意见' });
    await act('leader', d.id, 'extension_rejected', { reason: '期限内可以办结' });
    assert.deepEqual(await told('extension_returned', d.trackingNumber), ['gkb']);
    assert.match((await a.deps.db.selectFrom('staff_notifications').select('title').where('kind', '=', 'extension_returned').executeTakeFirstOrThrow()).title, /分管副区长 李强：期限内可以办结/);
  });

  it('a decision proposed for approval reaches the approvers, not the clerk; the clerk is told when it is returned and when approved', async () => {
    const set = await a.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: await as('admin'), payload: { extension: 'other_person', decision: 'other_person' } });
    assert.equal(set.statusCode, 200, set.body);
    const c = await newCase();
    const proposal = { outcome: 'disclosed', replyText: '予以公开，见附件。' };
    await act('gkb', c.id, 'decision_requested', proposal);
    assert.deepEqual(await told('decision_approval', c.trackingNumber), ['leader', 'office-head']);
    assert.match((await a.deps.db.selectFrom('staff_notifications').select('title').where('kind', '=', 'decision_approval').executeTakeFirstOrThrow()).title, new RegExp(`^答复待审批：${c.trackingNumber}（`));
    await act('leader', c.id, 'decision_returned', { reason: '请列明附件名称' });
    assert.deepEqual(await told('decision_returned', c.trackingNumber), ['gkb']);
    a.deps.clock.advance(60_000);
    await act('gkb', c.id, 'decision_requested', { ...proposal, replyText: '予以公开，见附件《招标文件》。' });
    assert.deepEqual(await told('decision_approval', c.trackingNumber), ['leader', 'leader', 'office-head', 'office-head'], 'each request is its own notification');
    await act('office-head', c.id, 'decided', {});
    assert.deepEqual(await told('decision_approved', c.trackingNumber), ['gkb']);
    // A clerk deciding directly (no approval required) asked nobody: no 答复已批准.
    await a.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: await as('admin'), payload: { extension: 'other_person', decision: 'none' } });
    const d = await newCase();
    await act('gkb', d.id, 'decided', proposal);
    assert.deepEqual(await told('decision_approved', d.trackingNumber), []);
  });

  it('the daily digest lists a waiting extension and a proposed decision for the approvers, not for the clerk who asked', async () => {
    await a.app.inject({ method: 'PUT', url: `/api/v1/organizations/${govId}/approval-settings`, headers: await as('admin'), payload: { extension: 'other_person', decision: 'other_person' } });
    const e = await newCase();
    await act('gkb', e.id, 'extension_requested', { days: 10, reason: '需要调取历年档案' });
    const d = await newCase();
    await act('gkb', d.id, 'decision_requested', { outcome: 'disclosed', replyText: '予以公开。' });
    const orgs = await createOrganizationsRepository({ db: a.deps.db }).list();
    const calendar = (await calendarFor(a.deps.db)).reader();
    const staff = await createStaffNotificationsRepository({ db: a.deps.db }).usersWithRoles(['reviewer', 'leader', 'case_handler']);
    const work = await waitingWork(a.deps.db, staff, orgs, calendar, '2026-03-02', { only: ['approvals'] });
    const waiting = (u: string) => (work.get(ids.get(u)!)?.approvals ?? []).filter((x) => x.id === e.id || x.id === d.id).map((x) => `${x.trackingNumber}:${x.kind}`);
    const both = [`${e.trackingNumber}:extension`, `${d.trackingNumber}:decision`];
    assert.deepEqual(waiting('gkb'), [], 'gkb asked for both');
    assert.deepEqual(waiting('office-head'), both);
    assert.deepEqual(waiting('leader'), both);
    const text = digestText('钱七', work.get(ids.get('office-head')!)!, '2026-03-02', 'https://example.gov.cn');
    assert.match(text!, new RegExp(`待审批的延期和答复（\\d+）[\\s\\S]*${e.trackingNumber}（延期答复）[\\s\\S]*${d.trackingNumber}（拟作出的答复）`));
  });

  it('a letter transferred to a department reaches that department’s clerks only', async () => {
    const letterId = await submitLetter({ letter: { organizationId: govId, writerName: '周九', contact: '13700000000', subject: '矿区道路扬尘严重', body: '矿区道路运煤车辆扬尘严重。' }, ip: '10.0.0.9', deps: a.deps });
    const fgw = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow()).id;
    const res = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/letters/${letterId}/transfer`, headers: await as('gkb'), payload: { unitId: fgw, workingDays: 5, note: '请发改委答复' } });
    assert.equal(res.statusCode, 200, res.body);
    const due = (res.json() as { dueDate: string }).dueDate;
    assert.deepEqual(await told('letter_transferred', '矿区道路扬尘严重'), ['fgw-admin', 'fgw-editor']);
    const bell = (await a.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: await as('fgw-editor') })).json() as { items: { title: string; link: string }[] };
    assert.deepEqual([bell.items[0]!.title, bell.items[0]!.link], [`转办来信待答复：矿区道路扬尘严重（${due} 前答复）`, '/publishing?tab=mailbox']);
  });
});
