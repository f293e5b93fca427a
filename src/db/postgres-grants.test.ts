/**
 * On PostgreSQL the application's role cannot rewrite the audit log: a real role gets the grants
 * of `gongkai db grants --apply`, the application runs as it (demo data, login, an application,
 * `audit verify`), and UPDATE, DELETE and TRUNCATE of audit_log fail while INSERT and SELECT work.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from './dialect.ts';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from './test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { main } from '../cli/main.ts';
import { recordingIo } from '../cli/test-io.ts';

const denied = (e: unknown) => (e as { code?: string }).code === '42501';

describe('PostgreSQL grants of the application role', { skip: postgresSkipReason() }, () => {
  let owner: TestDatabase;
  let asApp: TestDatabase;
  let a: TestApp;
  const role = `gk_app_${randomBytes(4).toString('hex')}`;

  before(async () => {
    owner = await openTestDatabase('postgres');
    await sql.raw(`CREATE ROLE ${role} LOGIN`).execute(owner.db);
    const u = new URL(owner.url);
    u.username = role;
    u.password = '';
    const db = openDatabase(u.toString());
    asApp = { kind: 'postgres', db, url: u.toString(), close: () => db.destroy() };
  });
  after(async () => {
    await a?.app.close();
    await asApp?.close();
    await owner?.close();
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${role}`);
    await c.end();
  });

  it('prints the grants for review, and applies them as the owner', async () => {
    const printed = recordingIo('', { DATABASE_URL: owner.url });
    assert.equal(await main(['db', 'grants', '--role', role], printed.io), 0);
    assert.match(printed.out.join('\n'), new RegExp(`REVOKE UPDATE, DELETE, TRUNCATE.* ON audit_log FROM "${role}"`));
    assert.equal(await main(['db', 'grants', '--role', 'Robert"; drop table x'], printed.io), 2);
    const applied = recordingIo('', { DATABASE_URL: owner.url });
    assert.equal(await main(['db', 'grants', '--role', role, '--apply'], applied.io), 0, applied.out.join('\n'));
  });

  it('runs the application as the role: demo data, login, a public application, audit verify', async () => {
    a = await createTestApp(asApp);
    const clerk = await a.login('gkb');
    const cases = await a.app.inject({ url: '/api/v1/applications', headers: clerk.headers });
    assert.equal(cases.statusCode, 200, cases.body);
    const page = await a.app.inject({ url: '/ysqgk/' });
    const cookie = `gk_form=${page.cookies.find((c) => c.name === 'gk_form')!.value}`;
    const form = {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!, _token: 'grants-test-token-0001', organizationId: /<option value="(\d+)"/.exec(page.body)![1]!,
      applicantType: '自然人', applicantName: '张三', idKind: '居民身份证', idNumber: '41010219900101123X', phone: '13800000000', email: 'a@example.cn',
      address: '石龙区人民路1号', description: '请公开2025年石龙区道路维修项目的预算和决算', formWanted: '电子数据', deliveryWanted: '电子邮件', itemCount: '1',
    };
    const submitted = await a.app.inject({ method: 'POST', url: '/ysqgk/', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
    assert.equal(submitted.statusCode, 200, submitted.body);
    const verify = recordingIo('', { DATABASE_URL: asApp.url, AUDIT_KEY: a.deps.config.auditKey, AUDIT_ANCHOR_FILE: a.deps.config.auditAnchorFile });
    assert.equal(await main(['audit', 'verify'], verify.io), 0, verify.out.join('\n') + verify.err.join('\n'));
  });

  it('lets the role add and read audit rows but never change, delete or empty them', async () => {
    const db = asApp.db;
    const before = Number((await sql<{ n: string }>`select count(*) as n from audit_log`.execute(db)).rows[0]!.n);
    assert.ok(before > 0);
    await assert.rejects(sql`update audit_log set username = 'someone-else' where id = 1`.execute(db), denied);
    await assert.rejects(sql`delete from audit_log where id = (select max(id) from audit_log)`.execute(db), denied);
    await assert.rejects(sql`truncate audit_log`.execute(db), denied);
    await assert.rejects(sql`drop table audit_log`.execute(db), (e: unknown) => ['42501'].includes((e as { code?: string }).code ?? ''));
    await assert.rejects(sql`delete from kysely_migration`.execute(db), denied);
    // Other tables stay writable: the application updates and deletes its own rows.
    await sql`update sessions set last_seen_at = last_seen_at`.execute(db);
    await sql`delete from login_throttle where key = 'nobody'`.execute(db);
    const after = Number((await sql<{ n: string }>`select count(*) as n from audit_log`.execute(db)).rows[0]!.n);
    assert.equal(after, before);
  });
});
