/**
 * In-app notifications for staff, created in the transaction of the change that causes them.
 * Each function chooses its recipients by the same rule that lets them act: the reviewers who may
 * approve a draft, the leaders who may approve a report, the clerks who may answer a letter (and,
 * after a 转办, the clerks of the unit it was transferred to).
 * `notifyStaff` is the general entry for any other feature (e.g. a decision awaiting approval).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { canWriteIn, subtreeIds } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import type { Role } from '../auth/roles.ts';
import { mayReply, type LetterState } from '../publishing/mailbox.rules.ts';
import { createStaffNotificationsRepository, type NewStaffNotification, type StaffUser } from './staff-notifications.repository.ts';

export async function notifyStaff(trx: Kysely<Database>, userIds: number[], n: NewStaffNotification, at: string): Promise<void> {
  await createStaffNotificationsRepository({ db: trx }).add(userIds, n, at);
}

/** Accounts holding `role` that may act with it in `orgId` (the organization or above it, by the role's scope). */
export async function usersWhoMay(trx: Kysely<Database>, role: Role, orgId: number, pick?: (u: StaffUser) => boolean): Promise<number[]> {
  const orgs = await createOrganizationsRepository({ db: trx }).list();
  const users = await createStaffNotificationsRepository({ db: trx }).usersWithRoles([role]);
  return users.filter((u) => (pick ? pick(u) : canWriteIn(u, role, orgId, orgs))).map((u) => u.id);
}

export async function notifyDraftAwaitingReview(trx: Kysely<Database>, item: { id: number; title: string; organization_id: number; version?: number }, at: string): Promise<void> {
  const ids = await usersWhoMay(trx, 'reviewer', item.organization_id);
  await notifyStaff(trx, ids, { kind: 'draft_review', title: `稿件待审核：${item.title}`, link: `/publishing?tab=items`, dedupeKey: `draft:${item.id}:${at}` }, at);
}

export async function notifyReportAwaitingApproval(trx: Kysely<Database>, v: { id: number; organizationId: number; year: number }, at: string): Promise<void> {
  const ids = await usersWhoMay(trx, 'leader', v.organizationId);
  await notifyStaff(trx, ids, { kind: 'report_approval', title: `${v.year} 年度报告待审批`, link: '/report', dedupeKey: `report:${v.id}:${at}` }, at);
}

export async function notifyLetterAwaitingReply(trx: Kysely<Database>, letter: LetterState & { id: number; subject: string }, at: string): Promise<void> {
  const orgs = await createOrganizationsRepository({ db: trx }).list();
  const users = await createStaffNotificationsRepository({ db: trx }).usersWithRoles(['admin', 'publisher']);
  const ids = users.filter((u) => mayReply(u, letter, orgs)).map((u) => u.id);
  await notifyStaff(trx, ids, { kind: 'letter_reply', title: `来信待答复：${letter.subject}`, link: '/publishing?tab=mailbox', dedupeKey: `letter:${letter.id}:${at}` }, at);
}

/**
 * A letter transferred (转办) to a unit: that unit's own clerks (administrator, publishers of the
 * unit or below it) answer it now; those above, who could answer it anyway, are not told again.
 */
export async function notifyLetterTransferred(
  trx: Kysely<Database>,
  letter: { id: number; subject: string },
  to: { unitId: number; dueDate: string; byId: number },
  at: string,
): Promise<void> {
  const orgs = await createOrganizationsRepository({ db: trx }).list();
  const repliers: Role[] = ['admin', 'publisher'];
  const users = await createStaffNotificationsRepository({ db: trx }).usersWithRoles(repliers);
  const unit = subtreeIds(orgs, to.unitId);
  const ids = users.filter((u) => u.id !== to.byId && unit.has(u.organizationId) && repliers.some((r) => canWriteIn(u, r, to.unitId, orgs))).map((u) => u.id);
  await notifyStaff(trx, ids, { kind: 'letter_transferred', title: `转办来信待答复：${letter.subject}（${to.dueDate} 前答复）`, link: '/publishing?tab=mailbox', dedupeKey: `letter-transfer:${letter.id}:${at}` }, at);
}
