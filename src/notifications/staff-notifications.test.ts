/**
 * Staff notifications on both databases: a submitted draft reaches its unit's reviewers and no one
 * else, a new mailbox letter the clerks who may answer it; the bell's list, unread count and
 * marking read (only one's own). The daily jobs — reminders of cases due within 3 working days or
 * overdue, and the opt-in e-mail digest — run once across two server instances started at the
 * same moment: one digest per user, arriving through a real SMTP server on loopback.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { openDatabase } from '../db/dialect.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createServer } from '../http/server.ts';
import { sampleForm } from '../applications/test-fixtures.ts';
import { submitLetter } from '../publishing/mailbox.usecases.ts';
import type { AppDeps } from '../shared/deps.ts';
import { runDailyJobs } from './daily-jobs.ts';
import { deliverDue } from './sender.ts';
import { createTransports } from './transports.ts';
import { startTestSmtp, type TestSmtp } from './mail-servers.testing.ts';

interface Listed { unread: number; total: number; items: Array<{ id: number; kind: string; title: string; link: string; readAt: string | null }> }

describeOnBothDatabases('staff notifications, reminders and the daily digest', (t, kind) => {
  let a: TestApp;
  let smtp: TestSmtp;
  let second: { app: FastifyInstance; deps: AppDeps };
  const headers = new Map<string, Record<string, string>>();
  const as = async (username: string) => headers.get(username) ?? headers.set(username, (await a.login(username)).headers).get(username)!;
  const list = async (username: string) => {
    const res = await a.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: await as(username) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as Listed;
  };

  before(async () => {
    smtp = await startTestSmtp();
    a = await createTestApp(t(), '2026-03-02T02:00:00Z', { env: { SMTP_URL: smtp.url, MAIL_FROM: 'gk@shilong.example.gov.cn' } });
    // A second server process on the same database, with its own connections.
    const deps = { ...a.deps, db: openDatabase(t().url) };
    second = { app: await createServer(deps, { logger: false, notifications: { pollMs: 0 } }), deps };
  });
  after(async () => {
    await second.app.close();
    await second.deps.db.destroy();
    await a.app.close();
    await smtp.stop();
  });

  it('tells the unit’s reviewers that a draft awaits review, and nobody else', async () => {
    const editor = await as('fgw-editor');
    const db = a.deps.db;
    const fgw = await db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow();
    const column = await db.selectFrom('publishing_columns').select('id').where('organization_id', '=', fgw.id).orderBy('id').executeTakeFirstOrThrow();
    const created = await a.app.inject({ method: 'POST', url: '/api/v1/publishing/items', headers: editor, payload: { columnId: column.id, kind: 'general', title: '2026年重点项目计划' } });
    assert.equal(created.statusCode, 200, created.body);
    const item = created.json() as { id: number; version: number };
    const before = (await list('fgw-reviewer')).unread;
    const submitted = await a.app.inject({ method: 'POST', url: `/api/v1/publishing/items/${item.id}/transitions`, headers: editor, payload: { action: 'submit' } });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const mine = await list('fgw-reviewer');
    assert.equal(mine.unread, before + 1);
    assert.deepEqual([mine.items[0]!.kind, mine.items[0]!.title, mine.items[0]!.link], ['draft_review', '稿件待审核：2026年重点项目计划', '/publishing?tab=items']);
    assert.ok(!(await list('gkb')).items.some((n) => n.title.includes('2026年重点项目计划')), 'the office reviewer does not review the 发改委 draft');
    // Marking read: one's own only; another's id is 404 and changes nothing.
    const other = await a.app.inject({ method: 'POST', url: `/api/v1/notifications/${mine.items[0]!.id}/read`, headers: await as('gkb') });
    assert.equal(other.statusCode, 404);
    const read = await a.app.inject({ method: 'POST', url: `/api/v1/notifications/${mine.items[0]!.id}/read`, headers: await as('fgw-reviewer') });
    assert.equal(read.statusCode, 200);
    assert.equal((read.json() as { unread: number }).unread, before);
    const all = await a.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: await as('fgw-reviewer') });
    assert.equal((all.json() as { unread: number }).unread, 0);
  });

  it('tells the clerks who may answer a new mailbox letter', async () => {
    const govId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    await submitLetter({ letter: { organizationId: govId, writerName: '周九', contact: '13700000000', subject: '人民路路灯损坏', body: '人民路东段路灯已损坏多日。' }, ip: '10.0.0.9', deps: a.deps });
    const gkb = await list('gkb');
    assert.equal(gkb.items[0]!.title, '来信待答复：人民路路灯损坏');
    assert.ok(!(await list('leader')).items.some((n) => n.kind === 'letter_reply'), 'a leader does not answer letters');
  });

  it('refuses a digest setting without an address, and keeps a valid one', async () => {
    const bad = await a.app.inject({ method: 'PUT', url: '/api/v1/notifications/settings', headers: await as('gkb'), payload: { email: '', dailyDigest: true } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /须填写电子邮箱/);
    for (const u of ['gkb', 'leader']) {
      const ok = await a.app.inject({ method: 'PUT', url: '/api/v1/notifications/settings', headers: await as(u), payload: { email: `${u}@shilong.example.gov.cn`, dailyDigest: true } });
      assert.equal(ok.statusCode, 200, ok.body);
    }
    const got = await a.app.inject({ method: 'GET', url: '/api/v1/notifications/settings', headers: await as('gkb') });
    assert.deepEqual(got.json(), { email: 'gkb@shilong.example.gov.cn', dailyDigest: true });
  });

  it('runs the reminders and the digest once across two processes: one digest per user, one reminder per case', async () => {
    const gkb = await as('gkb');
    const govId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;
    const tracking: string[] = [];
    for (const submittedDate of ['2026-01-05']) {
      const res = await a.app.inject({ method: 'POST', url: '/api/v1/applications', headers: gkb, payload: { ...sampleForm(govId, { channel: 'in_person' }), submittedDate } });
      assert.equal(res.statusCode, 201, res.body);
      tracking.push((res.json() as { trackingNumber: string }).trackingNumber);
    }
    // Before DIGEST_HOUR (08:00 in Shanghai) nothing runs.
    a.deps.clock.set('2026-03-01T23:00:00Z');
    assert.deepEqual(await runDailyJobs(a.deps), []);
    a.deps.clock.set('2026-03-02T02:00:00Z');
    // On PostgreSQL the two instances race; two SQLite connections in one Node process cannot
    // interleave transactions (the driver blocks the thread while waiting), so there they take turns.
    const runs = [a.deps, second.deps, a.deps, second.deps];
    const ran = kind === 'postgres' ? await Promise.all(runs.map((d) => runDailyJobs(d))) : await runs.reduce<Promise<string[][]>>(async (acc, d) => [...(await acc), await runDailyJobs(d)], Promise.resolve([]));
    assert.deepEqual(ran.flat().sort(), ['daily_digest', 'due_reminders']);
    const digests = await a.deps.db.selectFrom('outbox_messages').selectAll().where('kind', '=', 'digest').execute();
    assert.deepEqual(digests.map((d) => d.recipient), ['gkb@shilong.example.gov.cn'], 'the leader has nothing waiting: no mail');
    const reminders = (await list('gkb')).items.filter((n) => n.kind === 'case_overdue' || n.kind === 'case_due');
    for (const tn of tracking) assert.equal(reminders.filter((n) => n.title.includes(tn)).length, 1, `one reminder for ${tn}`);
    assert.ok(reminders.some((n) => n.kind === 'case_overdue' && n.title === `案件已超期：${tracking[0]}（应于 2026-02-02 前答复）`), JSON.stringify(reminders));
    // Both processes' sender loops at once: the one digest arrives once.
    await Promise.all([deliverDue(a.deps, createTransports(a.deps.config)), deliverDue(second.deps, createTransports(a.deps.config))]);
    const digestMails = smtp.mails.filter((m) => m.subject.startsWith('每日待办摘要'));
    assert.equal(digestMails.length, 1);
    const mail = digestMails[0]!;
    assert.equal(mail.subject, '每日待办摘要（2026-03-02）');
    assert.match(mail.to, /gkb@shilong\.example\.gov\.cn/);
    for (const tn of tracking) assert.match(mail.text, new RegExp(tn));
    assert.match(mail.text, /待答复的来信（\d+）[\s\S]*人民路路灯损坏/);
    // The next check the same day does nothing; the next day runs again.
    assert.deepEqual(await runDailyJobs(second.deps), []);
    a.deps.clock.set('2026-03-03T02:00:00Z');
    assert.deepEqual(await runDailyJobs(second.deps), ['due_reminders', 'daily_digest']);
    a.deps.clock.set('2026-03-02T02:00:00Z');
  });
});
