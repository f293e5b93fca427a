/**
 * Issue "security to 等保2.0 level 3", items 1 and 2: grants never reach further than the granter,
 * nobody changes their own roles, privileged roles are the security administrator's alone, and the
 * audit log is the audit administrator's alone (三员分立).
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

describeOnBothDatabases('privilege escalation and separation of duties', (t) => {
  let a: TestApp;
  let ids: Map<string, number>;
  let orgIds: Map<string, number>;
  before(async () => {
    a = await createTestApp(t());
    ids = await a.userIds();
    orgIds = new Map((await a.deps.db.selectFrom('organizations').select(['id', 'code']).execute()).map((o) => [o.code, o.id]));
  });
  after(async () => {
    await a.app.close();
  });
  const rolesOf = async (username: string) =>
    JSON.parse((await a.deps.db.selectFrom('users').select('roles').where('username', '=', username).executeTakeFirstOrThrow()).roles) as string[];

  it('refuses a department administrator giving itself the auditor role, and changes nothing', async () => {
    const { headers } = await a.login('fgw-admin');
    const res = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.get('fgw-admin')}`, headers, payload: { roles: ['admin', 'auditor'] } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'users.own_account');
    assert.deepEqual(await rolesOf('fgw-admin'), ['admin']);
  });

  it('refuses a department administrator creating an auditor, but lets it create a publisher', async () => {
    const { headers } = await a.login('fgw-admin');
    const body = { username: 'fgw-spy', displayName: '发改委 新账户', organizationId: orgIds.get('shilong-fgw'), password: 'Fagai-Strong-2026!' };
    const spy = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { ...body, roles: ['auditor'] } });
    assert.equal(spy.statusCode, 403);
    assert.equal(spy.json().error.code, 'users.privileged_role');
    assert.equal(await a.deps.db.selectFrom('users').select('id').where('username', '=', 'fgw-spy').executeTakeFirst(), undefined);
    const ok = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { ...body, roles: ['publisher'] } });
    assert.equal(ok.statusCode, 201, ok.body);
    const outside = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { ...body, username: 'jyj-x', organizationId: orgIds.get('shilong-jyj'), roles: ['publisher'] } });
    assert.equal(outside.statusCode, 403, 'a department administrator does not create accounts in another department');
  });

  it('refuses the system administrator granting admin or auditor, or resetting a privileged account', async () => {
    const { headers } = await a.login('admin');
    const grant = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.get('fgw-editor')}`, headers, payload: { roles: ['publisher', 'auditor'] } });
    assert.equal(grant.statusCode, 403);
    assert.equal(grant.json().error.code, 'users.privileged_role');
    const reset = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.get('secadmin')}`, headers, payload: { password: 'Taken-Over-2026!' } });
    assert.equal(reset.statusCode, 403);
    assert.equal(reset.json().error.code, 'users.privileged_account');
    const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'secadmin', password: 'Taken-Over-2026!' } });
    assert.equal(login.statusCode, 401);
  });

  it('lets the security administrator grant the auditor role, but not change its own roles', async () => {
    const { headers } = await a.login('secadmin');
    const grant = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.get('fgw-reviewer')}`, headers, payload: { roles: ['reviewer', 'auditor'] } });
    assert.equal(grant.statusCode, 200, grant.body);
    assert.deepEqual(await rolesOf('fgw-reviewer'), ['reviewer', 'auditor']);
    const own = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.get('secadmin')}`, headers, payload: { roles: ['security_admin', 'audit_admin'] } });
    assert.equal(own.statusCode, 403);
    assert.deepEqual(await rolesOf('secadmin'), ['security_admin']);
  });

  it('shows the audit log to the audit administrator only', async () => {
    for (const who of ['fgw-admin', 'admin', 'secadmin', 'auditor']) {
      const res = await a.app.inject({ method: 'GET', url: '/api/v1/audit', headers: (await a.login(who)).headers });
      assert.equal(res.statusCode, 403, who);
    }
    const res = await a.app.inject({ method: 'GET', url: '/api/v1/audit', headers: (await a.login('auditadmin')).headers });
    assert.equal(res.statusCode, 200);
    assert.ok((res.json().items as unknown[]).length > 0);
  });
});
