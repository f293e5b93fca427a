/**
 * An extra staff account for API tests: a copy of a demo account (same password, so the test
 * logs in as the demo account would) with its own name, organization and roles. Copying the row
 * keeps every other column (password age, flags) as the demo seed set it.
 */
import type { TestApp } from './test-app.ts';
import type { Role } from '../auth/roles.ts';

export async function addStaff(a: TestApp, p: { username: string; like: string; orgCode: string; roles: Role[] }): Promise<Record<string, string>> {
  const { id: _id, ...row } = await a.deps.db.selectFrom('users').selectAll().where('username', '=', p.like).executeTakeFirstOrThrow();
  const org = await a.deps.db.selectFrom('organizations').select('id').where('code', '=', p.orgCode).executeTakeFirstOrThrow();
  await a.deps.db.insertInto('users').values({ ...row, username: p.username, display_name: p.username, organization_id: org.id, roles: JSON.stringify(p.roles) }).execute();
  const res = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: p.username, password: a.password(p.like) } });
  if (res.statusCode !== 200) throw new Error(`login ${p.username} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'gk_session')!;
  return { cookie: `gk_session=${cookie.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}
