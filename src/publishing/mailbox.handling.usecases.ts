/**
 * Where a mailbox letter is handled and by when. A letter is due MAILBOX_ANSWER_WORKING_DAYS
 * working days after its arrival unless a transfer (转办) gave it its own time limit. A transfer
 * sends an unanswered letter to a unit below its body (a department of the government) with that
 * unit's time limit; the transferring unit keeps seeing it. One conditional UPDATE on the letter's
 * status and handling unit: of two transfers or a transfer and a reply at once, one wins (409).
 */
import type { AppDeps } from '../shared/deps.ts';
import { AppError } from '../shared/app-error.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { calendarFor } from '../applications/case-projection.ts';
import type { WorkingCalendar } from '../calendar/calendar.rules.ts';
import { transferShape } from './mailbox.schema.ts';
import { MAILBOX_ANSWER_WORKING_DAYS, handlingUnit, mayReply, transferTargets } from './mailbox.rules.ts';
import { createMailboxRepository, type MailboxLetterRow } from './mailbox.repository.ts';
import { parseOr, type Staff } from './mailbox.usecases.ts';
import { inTransaction } from '../db/transaction.ts';
import { notifyLetterTransferred } from '../notifications/staff-notify.ts';

/** The letter's due date: the transfer's, else the default time limit from its arrival. */
export function dueDateOf(l: Pick<MailboxLetterRow, 'due_date' | 'created_at'>, calendar: WorkingCalendar): string {
  return l.due_date ?? calendar.addWorkingDays(shanghaiDate(new Date(l.created_at)), MAILBOX_ANSWER_WORKING_DAYS).value;
}

export async function mailboxCalendar(deps: AppDeps): Promise<WorkingCalendar> {
  return calendarFor(deps.db);
}

export async function transferLetter({ actor, id, input, ip, deps }: { actor: Staff; id: number; input: unknown; ip?: string; deps: AppDeps }) {
  const { unitId, workingDays, note } = parseOr(transferShape, input);
  const repo = createMailboxRepository(deps);
  const letter = await repo.letter(id);
  if (!letter) throw new AppError('mailbox.not_found', '来信不存在', 404);
  const orgs = await createOrganizationsRepository(deps).list();
  if (!mayReply(actor, letter, orgs)) throw new AppError('mailbox.forbidden', '只有承办该来信的单位可以转办', 403);
  if (letter.status !== 'received') throw new AppError('mailbox.already_replied', '该来信已答复，不能再转办', 409);
  if (letter.transferred_from_unit_id) throw new AppError('mailbox.already_transferred', '该来信已转办，由承办单位答复', 409);
  const from = handlingUnit(letter, orgs);
  const target = transferTargets(letter.organization_id, orgs).find((o) => o.id === unitId);
  if (!target || target.id === from) throw new AppError('mailbox.invalid_unit', '只能转办给本机关下属的其他单位或部门', 400);
  const now = deps.clock.now();
  const due = (await mailboxCalendar(deps)).addWorkingDays(shanghaiDate(now), workingDays).value;
  await inTransaction(deps.db, async (trx) => {
    await createMailboxRepository({ db: trx }).ensureHandling(id, trx);
    const r = await trx.updateTable('mailbox_handling')
      .set({ unit_id: target.id, due_date: due, transferred_from_unit_id: from, transfer_note: note, transferred_at: now.toISOString(), transferred_by_name: actor.user?.displayName ?? actor.username })
      .where('letter_id', '=', id)
      .where((eb) => (letter.unit_id ? eb('unit_id', '=', letter.unit_id) : eb('unit_id', 'is', null)))
      // Still unanswered: a reply committed meanwhile wins.
      .where((eb) => eb.exists(eb.selectFrom('publishing_mailbox_letters').select('id').where('id', '=', id).where('status', '=', 'received')))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('mailbox.changed', '该来信刚刚已被他人答复或转办，请刷新后查看', 409);
    await notifyLetterTransferred(trx, { id, subject: letter.subject }, { unitId: target.id, dueDate: due, byId: actor.id }, now.toISOString());
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'mailbox.letter_transferred', targetType: 'mailbox_letter', targetId: id, ip, detail: { from, to: target.id, dueDate: due } }, now, trx);
  });
  return { unitId: target.id, unitName: target.name, dueDate: due };
}
