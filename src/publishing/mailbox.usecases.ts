/**
 * 区长信箱: the public writes letters; a body's staff reply; a reply to be made public waits for a
 * reviewer and then becomes an item of kind mailbox_reply (counted in the annual report) in the
 * body's 信箱答复 column. The writer's name and contact are never published.
 */
import { notifyLetterAwaitingReply } from '../notifications/staff-notify.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { Actor } from '../auth/access.rules.ts';
import { AppError } from '../shared/app-error.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { mailboxLetterShape, mailboxReplyShape } from './mailbox.schema.ts';
import { mayReply } from './mailbox.rules.ts';
import { createMailboxRepository } from './mailbox.repository.ts';
import type { z } from 'zod';
import { inTransaction } from '../db/transaction.ts';

export type Staff = Actor & { user?: { displayName?: string } };
export type MailboxReplyInput = z.input<typeof mailboxReplyShape>;

/** A request body by its zod shape; the first problem as a 400 in Chinese. */
export function parseOr<S extends z.ZodType>(shape: S, input: unknown): z.output<S> {
  const parsed = shape.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new AppError('mailbox.invalid', issue.message, 400, { field: String(issue.path[0] ?? '') });
}

export interface LetterInput {
  organizationId: number;
  writerName: string;
  contact: string;
  subject: string;
  body: string;
}

/** Per-field Chinese errors of a letter, by the shared letter shape (mailbox.schema.ts). */
export function checkLetter(l: LetterInput): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = mailboxLetterShape.safeParse(l);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (key && !errors[key]) errors[key] = issue.message;
    }
  }
  return errors;
}

export async function submitLetter({ letter, ip, deps }: { letter: LetterInput; ip: string; deps: AppDeps }): Promise<number> {
  const errors = checkLetter(letter);
  if (Object.keys(errors).length) throw new AppError('mailbox.invalid', '来信内容不完整', 400, errors);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const row = await trx.insertInto('publishing_mailbox_letters').values({
      organization_id: letter.organizationId, writer_name: letter.writerName.trim(), contact: letter.contact.trim(),
      subject: letter.subject.trim(), body: letter.body.trim(), status: 'received', reply_text: null, replied_at: null,
      reply_item_id: null, ip, created_at: now.toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    await notifyLetterAwaitingReply(trx, { id: row.id, organization_id: letter.organizationId, status: 'received', publish_status: null, publish_requested_by_id: null, subject: letter.subject.trim() }, now.toISOString());
    await createAuditRepository({ db: trx }).append({ action: 'mailbox.letter_received', targetType: 'mailbox_letter', targetId: row.id, ip, detail: { subject: letter.subject.trim() } }, now, trx);
    return row.id;
  });
}

/**
 * Reply to a letter: the answer is recorded at once (the writer is answered through the contact
 * given; the system sends nothing). `publish` asks for the letter (without the writer's details)
 * and the reply to be published on the portal: that waits for a reviewer (mailbox.review.usecases.ts).
 */
export async function replyToLetter({ actor, id, input, ip, deps }: { actor: Staff; id: number; input: MailboxReplyInput; ip?: string; deps: AppDeps }) {
  const { reply, publish = true } = parseOr(mailboxReplyShape, input);
  const letter = await createMailboxRepository(deps).letter(id);
  if (!letter) throw new AppError('mailbox.not_found', '来信不存在', 404);
  const orgs = await createOrganizationsRepository(deps).list();
  if (!mayReply(actor, letter, orgs)) throw new AppError('mailbox.forbidden', '只有本机关的管理员或信息发布员可以答复来信', 403);
  if (letter.status !== 'received') throw new AppError('mailbox.already_replied', '该来信已答复', 409);
  const now = deps.clock.now().toISOString();
  const who = actor.user?.displayName ?? actor.username;
  return inTransaction(deps.db, async (trx) => {
    // On the condition that nobody answered meanwhile: of two clerks replying at once, the second
    // gets the 409 and changes nothing.
    const claimed = await trx.updateTable('publishing_mailbox_letters').set({ status: 'replied', reply_text: reply, replied_at: now })
      .where('id', '=', id).where('status', '=', 'received').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('mailbox.already_replied', '该来信已答复', 409);
    const handling = {
      replied_by_id: actor.id, replied_by_name: who,
      ...(publish ? { publish_status: 'pending', publish_text: reply, publish_requested_by_id: actor.id, publish_requested_by_name: who, publish_requested_at: now } : {}),
    };
    await createMailboxRepository({ db: trx }).ensureHandling(id, trx);
    await trx.updateTable('mailbox_handling').set(handling).where('letter_id', '=', id).execute();
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'mailbox.letter_replied', targetType: 'mailbox_letter', targetId: id, ip, detail: { publishRequested: publish } }, new Date(now), trx);
    return { itemId: null, status: 'replied', publishStatus: publish ? 'pending' : null };
  });
}
