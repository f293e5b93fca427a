/**
 * Review of a mailbox reply before it is published (先审后发): an answered letter's reply is asked
 * to be published (with the reply, or later, or again after a return), and a reviewer or leader
 * of the body other than the one who asked approves it — then the letter (without the writer's
 * details) and the reply become an item of kind mailbox_reply on 互动交流 — or returns it with a
 * reason. Each step is one conditional UPDATE on the publication state: of two reviewers acting
 * at once, one wins and the other gets 409 and changes nothing.
 */
import type { AppDeps } from '../shared/deps.ts';
import { AppError } from '../shared/app-error.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { escapeHtml } from '../render/html/html.ts';
import { bulkInsertPublishedItems } from './items.bulk.ts';
import { publicationRequestShape, publicationReturnShape } from './mailbox.schema.ts';
import { mayReply, mayReview } from './mailbox.rules.ts';
import { parseOr, type Staff } from './mailbox.usecases.ts';
import { createMailboxRepository } from './mailbox.repository.ts';
import { inTransaction } from '../db/transaction.ts';

const notPending = () => new AppError('mailbox.not_pending', '该答复不在待审核状态（可能刚由他人审核），请刷新后查看', 409);

async function load(id: number, deps: AppDeps) {
  const letter = await createMailboxRepository(deps).letter(id);
  if (!letter) throw new AppError('mailbox.not_found', '来信不存在', 404);
  return { letter, orgs: await createOrganizationsRepository(deps).list() };
}

async function assertReviewer(actor: Staff, id: number, deps: AppDeps) {
  const { letter, orgs } = await load(id, deps);
  if (!mayReview(actor, letter, orgs)) throw new AppError('mailbox.forbidden', '只有本机关的审核人或分管领导可以审核公开答复', 403);
  if (letter.publish_status !== 'pending') throw notPending();
  if (letter.publish_requested_by_id === actor.id) throw new AppError('mailbox.self_review', '不能审核自己提交公开的答复，请由其他审核人审核', 403);
  return letter;
}

/** Asks for the publication of an answered letter's reply (not yet asked, or returned). */
export async function requestPublication({ actor, id, input, ip, deps }: { actor: Staff; id: number; input: unknown; ip?: string; deps: AppDeps }) {
  const { text } = parseOr(publicationRequestShape, input);
  const { letter, orgs } = await load(id, deps);
  if (!mayReply(actor, letter, orgs)) throw new AppError('mailbox.forbidden', '只有本机关的管理员或信息发布员可以申请公开答复', 403);
  const open = (s: string | null) => s === null || s === 'returned';
  if (letter.status !== 'replied' || !open(letter.publish_status)) throw new AppError('mailbox.invalid_state', '该来信尚未答复，或其答复已在审核或已公开', 409);
  const now = deps.clock.now();
  const who = actor.user?.displayName ?? actor.username;
  await inTransaction(deps.db, async (trx) => {
    await createMailboxRepository({ db: trx }).ensureHandling(id, trx);
    const r = await trx.updateTable('mailbox_handling')
      .set({ publish_status: 'pending', publish_text: text, publish_requested_by_id: actor.id, publish_requested_by_name: who, publish_requested_at: now.toISOString(), publish_return_reason: null })
      .where('letter_id', '=', id)
      .where((eb) => eb.or([eb('publish_status', 'is', null), eb('publish_status', '=', 'returned')]))
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new AppError('mailbox.invalid_state', '该答复刚刚已提交审核，请刷新后查看', 409);
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'mailbox.publication_requested', targetType: 'mailbox_letter', targetId: id, ip }, now, trx);
  });
  return { publishStatus: 'pending' };
}

export async function approvePublication({ actor, id, ip, deps }: { actor: Staff; id: number; ip?: string; deps: AppDeps }) {
  const letter = await assertReviewer(actor, id, deps);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    const won = await trx.updateTable('mailbox_handling')
      .set({ publish_status: 'published', publish_reviewed_by_id: actor.id, publish_reviewed_by_name: actor.user?.displayName ?? actor.username, publish_reviewed_at: now.toISOString() })
      .where('letter_id', '=', id).where('publish_status', '=', 'pending').executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1) throw notPending();
    const text = letter.publish_text ?? letter.reply_text ?? '';
    const [itemId] = await bulkInsertPublishedItems(trx, [{
      organizationId: letter.organization_id,
      kind: 'mailbox_reply',
      title: letter.subject,
      publishDate: shanghaiDate(now),
      writtenDate: shanghaiDate(new Date(letter.replied_at ?? now.toISOString())),
      bodyHtml: `<h2>来信内容</h2><p>${escapeHtml(letter.body).replace(/\n/g, '<br>')}</p><p>来信日期：${shanghaiDate(new Date(letter.created_at))}</p><h2>答复内容</h2><p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`,
    }], now, { userId: actor.id });
    await trx.updateTable('publishing_mailbox_letters').set({ reply_item_id: itemId }).where('id', '=', id).execute();
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'mailbox.publication_approved', targetType: 'mailbox_letter', targetId: id, ip, detail: { itemId } }, now, trx);
    return { itemId: itemId! };
  });
}

export async function returnPublication({ actor, id, input, ip, deps }: { actor: Staff; id: number; input: unknown; ip?: string; deps: AppDeps }) {
  const { reason } = parseOr(publicationReturnShape, input);
  await assertReviewer(actor, id, deps);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    const won = await trx.updateTable('mailbox_handling')
      .set({ publish_status: 'returned', publish_return_reason: reason, publish_reviewed_by_id: actor.id, publish_reviewed_by_name: actor.user?.displayName ?? actor.username, publish_reviewed_at: now.toISOString() })
      .where('letter_id', '=', id).where('publish_status', '=', 'pending').executeTakeFirst();
    if (Number(won.numUpdatedRows) !== 1) throw notPending();
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'mailbox.publication_returned', targetType: 'mailbox_letter', targetId: id, ip, detail: { reason } }, now, trx);
  });
  return { publishStatus: 'returned' };
}
