/**
 * 区长信箱: the public writes letters; a body's staff reply; a reply made public becomes an item
 * of kind mailbox_reply (counted in the annual report) in the body's 信箱答复 column. The
 * writer's name and contact are never published.
 */
import type { AppDeps } from '../shared/deps.ts';
import type { Actor } from '../auth/access.rules.ts';
import { canWriteIn } from '../auth/access.rules.ts';
import { AppError } from '../shared/app-error.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { escapeHtml } from '../render/html/html.ts';
import { bulkInsertPublishedItems } from './items.bulk.ts';
import { mailboxLetterShape } from './mailbox.schema.ts';

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
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('publishing_mailbox_letters').values({
      organization_id: letter.organizationId, writer_name: letter.writerName.trim(), contact: letter.contact.trim(),
      subject: letter.subject.trim(), body: letter.body.trim(), status: 'received', reply_text: null, replied_at: null,
      reply_item_id: null, ip, created_at: now.toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    await createAuditRepository({ db: trx }).append({ action: 'mailbox.letter_received', targetType: 'mailbox_letter', targetId: row.id, ip, detail: { subject: letter.subject.trim() } }, now, trx);
    return row.id;
  });
}

/** Reply to a letter; `publish` makes the letter (without the writer's details) and reply public. */
export async function replyToLetter({ actor, id, reply, publish, ip, deps }: { actor: Actor; id: number; reply: string; publish: boolean; ip?: string; deps: AppDeps }) {
  const letter = await deps.db.selectFrom('publishing_mailbox_letters').selectAll().where('id', '=', id).executeTakeFirst();
  if (!letter) throw new AppError('mailbox.not_found', '来信不存在', 404);
  const orgs = await createOrganizationsRepository(deps).list();
  if (!canWriteIn(actor, 'admin', letter.organization_id, orgs) && !canWriteIn(actor, 'publisher', letter.organization_id, orgs)) {
    throw new AppError('mailbox.forbidden', '只有本机关的管理员或信息发布员可以答复来信', 403);
  }
  if (letter.status !== 'received') throw new AppError('mailbox.already_replied', '该来信已答复', 409);
  if (!reply.trim()) throw new AppError('mailbox.reply_required', '请填写答复内容', 400);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // Claimed first, on the condition that nobody answered meanwhile: of two clerks replying at
    // once, the second gets the 409 and publishes nothing.
    const claimed = await trx.updateTable('publishing_mailbox_letters').set({ status: 'replied' }).where('id', '=', id).where('status', '=', 'received').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('mailbox.already_replied', '该来信已答复', 409);
    let itemId: number | null = null;
    if (publish) {
      [itemId] = await bulkInsertPublishedItems(trx, [{
        organizationId: letter.organization_id,
        kind: 'mailbox_reply',
        title: letter.subject,
        publishDate: shanghaiDate(now),
        writtenDate: shanghaiDate(now),
        bodyHtml: `<h2>来信内容</h2><p>${escapeHtml(letter.body).replace(/\n/g, '<br>')}</p><p>来信日期：${shanghaiDate(new Date(letter.created_at))}</p><h2>答复内容</h2><p>${escapeHtml(reply.trim()).replace(/\n/g, '<br>')}</p>`,
      }], now, { userId: actor.id });
    }
    await trx.updateTable('publishing_mailbox_letters').set({ reply_text: reply.trim(), replied_at: now.toISOString(), reply_item_id: itemId }).where('id', '=', id).execute();
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'mailbox.letter_replied', targetType: 'mailbox_letter', targetId: id, ip, detail: { published: publish, itemId } }, now, trx);
    return { itemId };
  });
}
