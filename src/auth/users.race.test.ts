/**
 * Race suite of account administration, on both databases: N administrators creating one username,
 * changing one account's roles, disabling or enabling it, or resetting its password at once (on
 * the version they saw) → one winner, 409 for the rest, no 5xx, and the account, its sessions and
 * the audit log exactly as one change would leave them.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from './organizations.repository.ts';
import { assertOneWinner, fireAtOnce, fireSame } from '../shared/race.testing.ts';

const N = 10;
const PASSWORD = 'Parallel-Clerk-2026!'; // must not contain the username (race-user-N)

describeOnBothDatabases('user administration races', (t) => {
  let app: TestApp;
  let admin: Record<string, string>;
  let govId = 0;
  let serial = 0;

  const audit = (id: number) =>
    app.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('target_type', '=', 'user').where('target_id', '=', String(id)).orderBy('id').execute();
  const row = (id: number) =>
    app.deps.db.selectFrom('users').select(['roles', 'disabled', 'password_hash', 'password_changed_at', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
  const patch = (id: number, payload: Record<string, unknown>) => ({ method: 'PATCH' as const, url: `/api/v1/users/${id}`, headers: admin, payload });

  async function newUser(): Promise<{ id: number; version: number }> {
    const r = await app.app.inject({
      method: 'POST', url: '/api/v1/users', headers: admin,
      payload: { username: `race-user-${++serial}`, displayName: '竞态 测试', organizationId: govId, roles: ['case_handler'], password: PASSWORD },
    });
    assert.equal(r.statusCode, 201, r.body);
    return (r.json() as { user: { id: number; version: number } }).user;
  }

  it('opens the app', async () => {
    app = await createTestApp(t());
    admin = (await app.login('admin')).headers;
    govId = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong')!.id;
  });

  it(`${N} creations of one username at once → one 201, ${N - 1} × 409 users.username_taken, one row, one audit row`, async () => {
    const payload = { username: 'race-same-name', displayName: '同名 新账户', organizationId: govId, roles: ['case_handler'], password: PASSWORD };
    const answers = await fireSame(app.app, N, { method: 'POST', url: '/api/v1/users', headers: admin, payload });
    const [won] = assertOneWinner(answers);
    assert.equal(won!.status, 201);
    for (const lost of answers.filter((a) => a.status === 409)) assert.equal((lost.json() as { error: { code: string } }).error.code, 'users.username_taken');
    const rows = await app.deps.db.selectFrom('users').select('id').where('username', '=', 'race-same-name').execute();
    assert.equal(rows.length, 1);
    assert.deepEqual((await audit(rows[0]!.id)).map((a) => a.action), ['users.created']);
    assert.equal((await app.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'users.created').where('detail', 'like', '%race-same-name%').execute()).length, 1);
  });

  it(`${N} role changes at once on the same version → one winner, ${N - 1} × 409 users.changed, one audit row`, async () => {
    const user = await newUser();
    const answers = await fireSame(app.app, N, patch(user.id, { roles: ['case_handler', 'reviewer'], version: user.version }));
    const [won] = assertOneWinner(answers);
    assert.equal((won!.json() as { user: { version: number } }).user.version, user.version + 1);
    for (const lost of answers.filter((a) => a.status === 409)) assert.equal((lost.json() as { error: { code: string } }).error.code, 'users.changed');
    const r = await row(user.id);
    assert.deepEqual([JSON.parse(r.roles), r.version], [['case_handler', 'reviewer'], user.version + 1]);
    assert.deepEqual((await audit(user.id)).map((a) => a.action), ['users.created', 'users.updated']);
  });

  it(`conflicting grants at once (publisher vs reviewer, ×${N}) on one version → one grant wins, the account holds exactly it`, async () => {
    const user = await newUser();
    const grants = [['publisher'], ['reviewer']];
    const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => patch(user.id, { roles: grants[i % 2], version: user.version })));
    const [won] = assertOneWinner(answers);
    const granted = (won!.json() as { user: { roles: string[] } }).user.roles;
    assert.deepEqual(JSON.parse((await row(user.id)).roles), granted);
    const updates = (await audit(user.id)).filter((a) => a.action === 'users.updated');
    assert.equal(updates.length, 1);
    assert.deepEqual((JSON.parse(updates[0]!.detail) as { roles: string[] }).roles, granted);
  });

  it(`${N} × 停用 then ${N} × 启用 at once on the version seen → one winner each, sessions ended once, two audit rows`, async () => {
    const user = await newUser();
    const login = await app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `race-user-${serial}`, password: PASSWORD } });
    assert.equal(login.statusCode, 200, login.body);
    const disabled = assertOneWinner(await fireSame(app.app, N, patch(user.id, { disabled: true, version: user.version })));
    const seen = (disabled[0]!.json() as { user: { version: number; disabled: boolean } }).user;
    assert.equal(seen.disabled, true);
    assert.equal((await app.deps.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).length, 0);
    assertOneWinner(await fireSame(app.app, N, patch(user.id, { disabled: false, version: seen.version })));
    const r = await row(user.id);
    assert.deepEqual([r.disabled, r.version], [0, user.version + 2]);
    assert.deepEqual((await audit(user.id)).map((a) => a.action), ['users.created', 'auth.login', 'users.updated', 'users.updated']);
  });

  it(`停用 and a role change racing on one version (×${N}) → one of them, never both`, async () => {
    const user = await newUser();
    const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => patch(user.id, i % 2 ? { disabled: true, version: user.version } : { roles: ['reviewer'], version: user.version })));
    assertOneWinner(answers);
    const r = await row(user.id);
    const disabledWon = r.disabled === 1;
    assert.deepEqual(JSON.parse(r.roles), disabledWon ? ['case_handler'] : ['reviewer'], 'the loser changed nothing');
    assert.equal((await audit(user.id)).length, 2);
  });

  it(`${N} password resets at once on the same version → one winner; the account has one new password, one audit row`, async () => {
    const user = await newUser();
    const before = await row(user.id);
    const answers = await fireAtOnce(app.app, Array.from({ length: N }, (_, i) => patch(user.id, { password: `Reset-${i}-Strong-2026!`, version: user.version })));
    const [won] = assertOneWinner(answers);
    const winner = answers.indexOf(won!);
    const after = await row(user.id);
    assert.notEqual(after.password_hash, before.password_hash);
    assert.equal(after.version, user.version + 1);
    const updates = (await audit(user.id)).filter((a) => a.action === 'users.updated');
    assert.equal(updates.length, 1);
    assert.equal((JSON.parse(updates[0]!.detail) as { passwordReset: boolean }).passwordReset, true);
    assert.doesNotMatch(updates[0]!.detail, /Reset-/, 'no password in the audit log');
    const login = (password: string) => app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `race-user-${serial}`, password } });
    assert.equal((await login(`Reset-${winner}-Strong-2026!`)).statusCode, 200, 'the winner’s password is the one stored');
  });

  it('a change over a stale version is refused with 409 and changes nothing', async () => {
    const user = await newUser();
    assert.equal((await app.app.inject(patch(user.id, { displayName: '改过 一次', version: user.version }))).statusCode, 200);
    const stale = await app.app.inject(patch(user.id, { roles: ['reviewer'], version: user.version }));
    assert.equal(stale.statusCode, 409);
    assert.equal((stale.json() as { error: { code: string } }).error.code, 'users.changed');
    assert.deepEqual(JSON.parse((await row(user.id)).roles), ['case_handler']);
    assert.equal((await audit(user.id)).length, 2);
  });
});
