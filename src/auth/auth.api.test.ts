/**
 * The behaviours the foundation issue promises, through the real HTTP stack on both databases:
 * login, lockout, malformed input, unknown routes, oversized bodies, and organization checks.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

describeOnBothDatabases('auth API', (t) => {
  let a: TestApp;
  before(async () => {
    a = await createTestApp(t());
  });
  after(async () => {
    await a.app.close();
  });

  it('logs in with the generated demo password and answers /auth/me', async () => {
    const { headers } = await a.login('admin');
    const me = await a.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().user.username, 'admin');
    assert.equal(me.json().user.organizationName, '石龙区人民政府');
  });

  it('answers a wrong password with 401 and a Chinese message', async () => {
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'gkb', password: 'Wrong-password-1' } });
    assert.equal(res.statusCode, 401);
    assert.deepEqual(res.json(), { error: { code: 'auth.invalid_credentials', message: '用户名或密码错误' } });
  });

  it('locks the account on the sixth try within 15 minutes, even with the right password, and unlocks after', async () => {
    for (let i = 1; i <= 5; i++) {
      const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jyj-editor', password: `Wrong-password-${i}` } });
      assert.equal(res.statusCode, 401, `try ${i}`);
    }
    const sixth = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jyj-editor', password: a.password('jyj-editor') } });
    assert.equal(sixth.statusCode, 423);
    assert.equal(sixth.json().error.code, 'auth.locked');
    assert.match(sixth.json().error.message, /锁定/);
    a.deps.clock.advance(15 * 60_000 + 1000);
    const later = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'jyj-editor', password: a.password('jyj-editor') } });
    assert.equal(later.statusCode, 200);
  });

  it('rejects malformed JSON with 400 and changes nothing', async () => {
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": "admin",' });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'request.malformed_json');
  });

  it('rejects a body that breaks the schema with 400 and names the field in Chinese', async () => {
    const { headers } = await a.login('admin');
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'x' } });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /缺少必填字段/);
  });

  it('answers an unknown API route with 404 JSON', async () => {
    const res = await a.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'not_found');
  });

  it('answers an oversized body with 413', async () => {
    const res = await a.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'request.too_large');
  });

  it('refuses a write without the CSRF token', async () => {
    const { cookie } = await a.login('admin');
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'auth.csrf');
  });

  it('lets a publisher of one department not change another department’s users (403), and changes nothing', async () => {
    const { headers } = await a.login('fgw-editor');
    const fgwAdmin = (await a.login('fgw-admin')).headers;
    const users = (await a.app.inject({ method: 'GET', url: '/api/v1/users', headers: fgwAdmin })).json().items as { username: string }[];
    assert.deepEqual(users.map((u) => u.username).sort(), ['fgw-admin', 'fgw-editor', 'fgw-reviewer'], 'a department administrator lists its own department');
    assert.equal((await a.app.inject({ method: 'GET', url: '/api/v1/users', headers })).statusCode, 403, 'a publisher does not list accounts');
    const adminHeaders = (await a.login('admin')).headers;
    const all = (await a.app.inject({ method: 'GET', url: '/api/v1/users', headers: adminHeaders })).json().items as { id: number; username: string; displayName: string }[];
    const jyj = all.find((u) => u.username === 'jyj-editor')!;
    const res = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${jyj.id}`, headers, payload: { displayName: '被篡改' } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'auth.forbidden');
    const after = (await a.app.inject({ method: 'GET', url: '/api/v1/users', headers: adminHeaders })).json().items as { username: string; displayName: string }[];
    assert.equal(after.find((u) => u.username === 'jyj-editor')!.displayName, jyj.displayName);
  });

  it('lets an administrator create a user in a sub-unit, enforcing the password policy', async () => {
    const { headers } = await a.login('admin');
    const orgs = (await a.app.inject({ method: 'GET', url: '/api/v1/organizations', headers })).json().items as { id: number; code: string }[];
    const czj = orgs.find((o) => o.code === 'shilong-czj')!;
    const weak = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'czj-editor', displayName: '财政局 孙丽', organizationId: czj.id, roles: ['publisher'], password: 'short' } });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().error.code, 'auth.weak_password');
    const ok = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'czj-editor', displayName: '财政局 孙丽', organizationId: czj.id, roles: ['publisher'], password: 'Caizheng-2026!' } });
    assert.equal(ok.statusCode, 201);
    assert.equal(ok.json().user.organizationName, '石龙区财政局');
    const first = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'czj-editor', password: 'Caizheng-2026!' } });
    assert.equal(first.json().user.mustChangePassword, true, 'a password an administrator chose must be changed at first login');
    const dup = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'czj-editor', displayName: '重复', organizationId: czj.id, roles: ['publisher'], password: 'Caizheng-2026!' } });
    assert.equal(dup.statusCode, 409);
  });

  it('gives a new body organization the default column tree', async () => {
    const { headers } = await a.login('admin');
    const orgs = (await a.app.inject({ method: 'GET', url: '/api/v1/organizations', headers })).json().items as { id: number; code: string }[];
    const gov = orgs.find((o) => o.code === 'shilong')!;
    const res = await a.app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload: { code: 'shilong-sj', name: '石龙区审计局', parentId: gov.id, kind: 'department' } });
    assert.equal(res.statusCode, 201);
    const columns = await a.deps.db.selectFrom('publishing_columns').select('name').where('organization_id', '=', res.json().organization.id).execute();
    assert.ok(columns.some((c) => c.name === '政府信息公开指南'), columns.map((c) => c.name).join(','));
  });

  it('logs every login, failed ones too, in a hash chain that verifies', async () => {
    const { headers } = await a.login('auditadmin');
    const res = await a.app.inject({ method: 'GET', url: '/api/v1/audit?limit=500', headers });
    const actions = (res.json().items as { action: string }[]).map((r) => r.action);
    assert.ok(actions.includes('auth.login_failed'));
    assert.ok(actions.includes('auth.login_refused'));
    assert.ok(actions.includes('users.created'));
    const { createAuditRepository } = await import('./audit.repository.ts');
    assert.deepEqual((await createAuditRepository(a.deps).verify()).problem, null);
  });
});
