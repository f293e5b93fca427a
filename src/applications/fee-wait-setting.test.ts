/**
 * The installation setting FEE_WAIT_PAUSES_CLOCK reaches the stored due date of a case.
 * By hand (2026; no holidays in March, 清明 04-04…06):
 * - received Mon 03-02 → 20th WD after it is 03-30 (03-03…06, 09…13, 16…20, 23…27, 30).
 * - 11th application of the month → fee notice received 03-02, paid Mon 03-09.
 *   Paused (default): WDs 03-03…03-09 (five) are not counted, so counting restarts 03-10:
 *   03-10…13 (4), 16…20 (9), 23…27 (14), 30, 31 (16), 04-01…03 (19), 04-04…06 清明, 04-07 (20).
 *   Not paused: the fee wait changes nothing → 03-30.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp } from '../http/test-app.ts';
import { createUsersRepository, toUser } from '../auth/users.repository.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { fixedClock } from '../shared/clock.ts';
import { submitApplication } from './intake.usecases.ts';
import { recordCaseAction } from './case-actions.usecases.ts';
import { sampleForm } from './test-fixtures.ts';

async function dueAfterPaidFee(deps: AppDeps, idNumber: string): Promise<string | null> {
  const gov = (await createOrganizationsRepository(deps).list()).find((o) => o.code === 'shilong')!.id;
  const gkb = toUser((await createUsersRepository(deps).byUsername('gkb'))!);
  const actor = { id: gkb.id, username: gkb.username, organizationId: gkb.organizationId, roles: gkb.roles, user: gkb };
  let last = 0;
  for (let i = 0; i < 11; i++) {
    const { id } = await submitApplication({ raw: sampleForm(gov, { applicantName: `孙八${i}`, idNumber }), via: 'portal', deps });
    await recordCaseAction({ caseId: id, action: 'receipt_confirmed', input: {}, actor, deps });
    last = id;
  }
  await recordCaseAction({ caseId: last, action: 'fee_notice_sent', input: { method: 'per-item' }, actor, deps });
  (deps.clock as ReturnType<typeof fixedClock>).set('2026-03-09T02:00:00Z');
  const paid = await recordCaseAction({ caseId: last, action: 'fee_paid', input: { date: '2026-03-09' }, actor, deps });
  return paid.row.due_date;
}

describeOnBothDatabases('fee wait setting', (t) => {
  it('pauses the answer clock while the fee is unpaid by default, and not when switched off', async () => {
    const app = await createTestApp(t(), '2026-03-02T02:00:00Z');
    app.deps.clock.set('2026-03-02T02:00:00Z');
    assert.equal(await dueAfterPaidFee(app.deps, '410402195001018888'), '2026-04-07');
    app.deps.clock.set('2026-03-02T02:00:00Z');
    const notPaused = { ...app.deps, config: { ...app.deps.config, feeWaitPausesClock: false } };
    assert.equal(await dueAfterPaidFee(notPaused, '410402195001019999'), '2026-03-30');
    await app.app.close();
  });
});
