/**
 * Intake and case actions check the organization tree this process holds by its version, in a
 * statement they run anyway (PostgreSQL), instead of reading the tree for every request: a change
 * committed by another process (written here with plain SQL, past this process's repository)
 * counts for the very next request, on both databases.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { AppError } from '../shared/app-error.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { submitApplication } from './intake.usecases.ts';
import { sampleForm } from './test-fixtures.ts';
import { createUsersRepository, toUser } from '../auth/users.repository.ts';
import { recordCaseAction } from './case-actions.usecases.ts';
import { getCase } from './case-view.usecases.ts';

describeOnBothDatabases('organization tree version', (t) => {
  let app: TestApp;
  const count = async () => Number((await sql<{ n: number }>`select count(*) as n from applications`.execute(app.deps.db)).rows[0]!.n);

  it('refuses a submission to a body another process has just disabled, and accepts it once enabled again', async () => {
    app = await createTestApp(t());
    const body = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong-jyj')!;
    await submitApplication({ raw: sampleForm(body.id), via: 'portal', deps: app.deps }); // the tree is held now
    const before = await count();
    await sql`update organizations set disabled = 1 where id = ${body.id}`.execute(app.deps.db);
    await assert.rejects(
      submitApplication({ raw: sampleForm(body.id), via: 'portal', deps: app.deps }),
      (e: unknown) => e instanceof AppError && e.status === 400 && e.code === 'applications.invalid_application',
    );
    assert.equal(await count(), before, 'nothing written');
    await sql`update organizations set disabled = 0 where id = ${body.id}`.execute(app.deps.db);
    await submitApplication({ raw: sampleForm(body.id), via: 'portal', deps: app.deps });
    assert.equal(await count(), before + 1);
  });

  it('answers a case action with the tree as another process has just changed it', async () => {
    const office = (await createOrganizationsRepository(app.deps).list()).find((o) => o.code === 'shilong-office')!;
    const row = await createUsersRepository(app.deps).byUsername('gkb');
    const user = toUser(row!);
    const actor = { id: user.id, username: user.username, organizationId: user.organizationId, roles: user.roles, user };
    const c = await submitApplication({ raw: sampleForm(office.id), via: 'portal', deps: app.deps });
    const act = async (action: string, input: Record<string, unknown> = {}) => {
      const acted = await recordCaseAction({ caseId: c.id, action, input, actor, answerReads: true, deps: app.deps });
      return getCase({ caseId: c.id, actor, deps: app.deps, justActed: true, acted });
    };
    assert.equal((await act('receipt_confirmed')).organizationName, office.name); // the tree is held now
    await sql`update organizations set name = '石龙区人民政府办公室（改）' where id = ${office.id}`.execute(app.deps.db);
    assert.equal((await act('decided', { outcome: 'unable1' })).organizationName, '石龙区人民政府办公室（改）');
  });
});
