/**
 * Issue "security to 等保2.0 level 3", item 2 (三员分立): sessions are the security
 * administrator's — it ends a user's sessions; the system administrator and a department
 * administrator cannot; the audit administrator reads the audit log and nothing else; the system
 * administrator reads neither applicants' cases nor the audit log.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';

describeOnBothDatabases('separation of duties: sessions', (t) => {
  let a: TestApp;
  let ids: Map<string, number>;
  before(async () => {
    a = await createTestApp(t());
    ids = await a.userIds();
  });
  after(async () => {
    await a.app.close();
  });
  const revoke = async (who: string, target: string) =>
    a.app.inject({ method: 'POST', url: `/api/v1/users/${ids.get(target)}/sessions/revoke`, headers: (await a.login(who)).headers });
  const me = (headers: Record<string, string>) => a.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

  it('lets the security administrator end every session of a user, audited', async () => {
    const one = (await a.login('fgw-reviewer')).headers;
    const two = (await a.login('fgw-reviewer')).headers;
    const res = await revoke('secadmin', 'fgw-reviewer');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().ended, 2);
    assert.equal((await me(one)).statusCode, 401);
    assert.equal((await me(two)).statusCode, 401);
    const row = await a.deps.db.selectFrom('audit_log').select(['username', 'target_id']).where('action', '=', 'users.sessions_revoked').executeTakeFirstOrThrow();
    assert.deepEqual([row.username, Number(row.target_id)], ['secadmin', ids.get('fgw-reviewer')]);
  });

  it('refuses the system, department and audit administrators ending sessions, and ends none', async () => {
    const victim = (await a.login('jyj-editor')).headers;
    for (const who of ['admin', 'fgw-admin', 'auditadmin', 'auditor']) {
      const res = await revoke(who, 'jyj-editor');
      assert.equal(res.statusCode, 403, who);
      assert.equal(res.json().error.code, 'auth.forbidden', who);
    }
    assert.equal((await me(victim)).statusCode, 200);
  });

  it('refuses the audit administrator any write to accounts', async () => {
    const { headers } = await a.login('auditadmin');
    const patch = await a.app.inject({ method: 'PATCH', url: `/api/v1/users/${ids.get('gkb')}`, headers, payload: { displayName: '审计改名' } });
    assert.equal(patch.statusCode, 403);
    const org = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow();
    const create = await a.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: { username: 'audit-made', displayName: '审计新建', organizationId: org.id, roles: ['publisher'], password: 'Audit-Made-77x!' } });
    assert.equal(create.statusCode, 403);
  });

  it('lets the audit administrator read the audit log and nothing else', async () => {
    const { headers } = await a.login('auditadmin');
    // Who-am-I, the organization names (to read the log by) and its own notifications and digest
    // setting (rows addressed to it alone) are all it sees besides the log.
    const allowed = new Set(['/api/v1/audit', '/api/v1/auth/me', '/api/v1/organizations', '/api/v1/notifications', '/api/v1/notifications/settings']);
    const reads = a.app.apiRoutes.filter((r) => r.method === 'GET' && !allowed.has(r.url));
    assert.ok(reads.length > 20, `${reads.length} read routes`);
    for (const r of reads) {
      const url = r.url.replace(/:(\w+)/g, (_, name: string) => (name === 'key' ? 'receipt' : name === 'format' ? 'docx' : '1'));
      const res = await a.app.inject({ method: 'GET', url, headers });
      assert.equal(res.statusCode, 403, `${r.url}: ${res.statusCode}`);
    }
    assert.equal((await a.app.inject({ method: 'GET', url: '/api/v1/audit', headers })).statusCode, 200);
  });

  it('keeps applicants’ cases and the audit log from the system and security administrators', async () => {
    const caseId = (await a.deps.db.selectFrom('applications').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    for (const who of ['admin', 'secadmin', 'fgw-admin']) {
      const { headers } = await a.login(who);
      for (const url of ['/api/v1/applications', `/api/v1/applications/${caseId}`, '/api/v1/applications/export', '/api/v1/applications/workbench', '/api/v1/oversight', '/api/v1/audit']) {
        const res = await a.app.inject({ method: 'GET', url, headers });
        assert.equal(res.statusCode, 403, `${who} ${url}: ${res.statusCode}`);
      }
    }
  });
});
