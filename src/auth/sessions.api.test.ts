/**
 * Issue "security to 等保2.0 level 3", item 6: the server holds a must-change-password session to
 * who-am-I, change password and logout; a password change ends the user's other sessions; idle
 * sessions end (SESSION_IDLE_MINUTES); common passwords are refused; weak hashes are redone.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, TEST_SCRYPT, type TestApp } from '../http/test-app.ts';

describeOnBothDatabases('sessions and passwords', (t) => {
  let a: TestApp;
  let ids: Map<string, number>;
  before(async () => {
    a = await createTestApp(t());
    ids = await a.userIds();
  });
  after(async () => {
    await a.app.close();
  });
  const login = (username: string, password: string) => a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  const headersOf = (res: Awaited<ReturnType<typeof login>>) => {
    const cookie = res.cookies.find((c) => c.name === 'gk_session')!;
    return { cookie: `gk_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
  };
  const me = (headers: Record<string, string>) => a.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
  const changeOwn = (headers: Record<string, string>, currentPassword: string, newPassword: string) =>
    a.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword, newPassword } });

  it('holds a session that must change its password to who-am-I, change password and logout', async () => {
    const admin = (await a.login('admin')).headers;
    const org = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-czj').executeTakeFirstOrThrow();
    const created = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'czj-new', displayName: '财政局 新人', organizationId: org.id, roles: ['publisher'], password: 'Caizheng-Start-77' } });
    assert.equal(created.statusCode, 201, created.body);
    const first = await login('czj-new', 'Caizheng-Start-77');
    assert.equal(first.statusCode, 200);
    const headers = headersOf(first);
    for (const [method, url] of [['GET', '/api/v1/users'], ['GET', '/api/v1/publishing/items'], ['GET', '/api/v1/organizations']] as const) {
      const held = await a.app.inject({ method, url, headers });
      assert.equal(held.statusCode, 403, url);
      assert.equal(held.json().error.code, 'auth.password_change_required', url);
    }
    assert.equal((await me(headers)).json().user.mustChangePassword, true);
    const changed = await changeOwn(headers, 'Caizheng-Start-77', 'Caizheng-Mine-2026#');
    assert.equal(changed.statusCode, 204, changed.body);
    assert.equal((await a.app.inject({ method: 'GET', url: '/api/v1/publishing/items', headers })).statusCode, 200, 'the same session goes on after the change');
    assert.equal((await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers })).statusCode, 204);
  });

  it('ends the other sessions at an own change (this one stays) and all of them at an administrator’s reset', async () => {
    const one = headersOf(await login('fgw-editor', a.password('fgw-editor')));
    const two = headersOf(await login('fgw-editor', a.password('fgw-editor')));
    assert.equal((await changeOwn(one, a.password('fgw-editor'), 'Fagai-Editor-Own-31!')).statusCode, 204);
    assert.equal((await me(one)).statusCode, 200);
    assert.equal((await me(two)).statusCode, 401, 'the other session ended');
    const admin = (await a.login('fgw-admin')).headers;
    const reset = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.get('fgw-editor')}`, headers: admin, payload: { password: 'Fagai-Reset-Tmp-58!' } });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.equal((await me(one)).statusCode, 401, 'an administrator’s reset ends every session');
  });

  it('ends a session after 30 idle minutes, keeps a used one, and records use at most once a minute', async () => {
    const headers = headersOf(await login('jyj-editor', a.password('jyj-editor')));
    const seen = () => a.deps.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', ids.get('jyj-editor')!).executeTakeFirstOrThrow();
    a.deps.clock.advance(2 * 60_000);
    assert.equal((await me(headers)).statusCode, 200);
    const firstSeen = (await seen()).last_seen_at;
    a.deps.clock.advance(20_000);
    assert.equal((await me(headers)).statusCode, 200);
    assert.equal((await seen()).last_seen_at, firstSeen, 'no write within the same minute');
    a.deps.clock.advance(29 * 60_000);
    assert.equal((await me(headers)).statusCode, 200, 'used 29 minutes ago');
    a.deps.clock.advance(30 * 60_000 + 1000);
    assert.equal((await me(headers)).statusCode, 401, 'idle for 30 minutes');
  });

  it('refuses common and guessable passwords and one containing the username', async () => {
    const headers = (await a.login('gkb')).headers;
    for (const weak of ['Password1!', 'Qwerty12345', 'Gongkai2026', 'Shilong@2026', 'P@ssw0rd2026', '1qaz@WSX#edc', 'Gkb-Strong-2026']) {
      const res = await changeOwn(headers, a.password('gkb'), weak);
      assert.equal(res.statusCode, 400, weak);
      assert.equal(res.json().error.code, 'auth.weak_password', weak);
    }
    const admin = (await a.login('admin')).headers;
    const org = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-czj').executeTakeFirstOrThrow();
    const create = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin, payload: { username: 'czj-weak', displayName: '弱密码', organizationId: org.id, roles: ['publisher'], password: 'Qwerty12345' } });
    assert.equal(create.statusCode, 400);
    assert.equal(create.json().error.code, 'auth.weak_password');
    assert.equal((await login('gkb', a.password('gkb'))).statusCode, 200, 'the old password still works');
  });

  it('rehashes a weaker stored hash at the configured cost on a successful login', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('Leader-Old-Hash-42!', salt, 32, { N: 1024, r: 8, p: 1 });
    const weak = ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await a.deps.db.updateTable('users').set({ password_hash: weak }).where('username', '=', 'leader').execute();
    assert.equal((await login('leader', 'Leader-Old-Hash-42!')).statusCode, 200);
    const stored = (await a.deps.db.selectFrom('users').select('password_hash').where('username', '=', 'leader').executeTakeFirstOrThrow()).password_hash;
    assert.ok(stored.startsWith(`scrypt$${TEST_SCRYPT.replaceAll(',', '$')}$`), stored);
    assert.equal((await login('leader', 'Leader-Old-Hash-42!')).statusCode, 200, 'the new hash verifies');
  });
});

describeOnBothDatabases('idle timeout setting', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t(), undefined, { env: { SESSION_IDLE_MINUTES: '5' } });
  });
  after(async () => {
    await a.app.close();
  });

  it('ends a session after SESSION_IDLE_MINUTES', async () => {
    const { headers } = await a.login('gkb');
    a.deps.clock.advance(4 * 60_000);
    assert.equal((await a.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode, 200);
    a.deps.clock.advance(5 * 60_000 + 1000);
    assert.equal((await a.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode, 401);
  });
});
