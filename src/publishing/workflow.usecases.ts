/**
 * Status changes of an item, each in one transaction with its version row, its audit row and
 * the search index (an item is searchable exactly while it is published). The change itself is
 * conditional on the status and version the request read: of two racing requests one wins and
 * the other gets 409 (publishing.item_changed), on PostgreSQL as on SQLite.
 */
import { notifyDraftAwaitingReview } from '../notifications/staff-notify.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { Actor } from '../auth/access.rules.ts';
import { AppError } from '../shared/app-error.ts';
import { isValidIsoDate } from '../calendar/calendar-dates.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { loadCalendar } from '../calendar/calendar.repository.ts';
import { checkTimeliness, VALIDITY, type Validity } from './items.rules.ts';
import { assertMay, assertSeenVersion, itemChanged, type WorkflowAction } from './workflow.rules.ts';
import { uniqueOr } from '../db/db-errors.ts';
import { createItemsRepository, snapshotOf } from './items.repository.ts';
import { indexItems, removeFromIndex } from './search.index.ts';
import type { ItemRow } from './publishing.table.ts';
import { inTransaction } from '../db/transaction.ts';
import { checkConfidentialityReview, type ConfidentialityReviewInput } from './confidentiality.rules.ts';
import { createConfidentialityRepository } from './confidentiality.repository.ts';
import { confidentialityRuleFor } from './confidentiality.usecases.ts';
import { withdrawLinked } from './linked-items.usecases.ts';

export interface TransitionInput {
  action: Exclude<WorkflowAction, 'edit' | 'change_validity'>;
  /** Reviewer's comment (return) or the reason (withdraw, required). */
  comment?: string;
  /** approve/publish: a future instant schedules publication; absent = now. */
  publishAt?: string | null;
  /** approve: hold the approved item instead of publishing it at once. */
  hold?: boolean;
  /** The version the user saw; when given, a newer item is refused with 409. */
  version?: number;
  /** approve: the 保密审查 (confidentiality.rules.ts), required unless the body made it optional. */
  confidentialityReview?: ConfidentialityReviewInput;
  /** withdraw: linked 解读 to withdraw in the same transaction (linked-items.usecases.ts). */
  alsoWithdraw?: number[];
}

async function publishNow(trx: Kysely<Database>, item: ItemRow, now: Date, patch: Partial<ItemRow>): Promise<Partial<ItemRow>> {
  const publishDate = shanghaiDate(now);
  // Art. 26: flag items published more than 20 working days after they were made.
  const t = checkTimeliness(await loadCalendar(trx), item.written_date, publishDate);
  return { ...patch, status: 'published', published_at: now.toISOString(), publish_date: publishDate, scheduled_at: null, late_publication: t.late ? 1 : 0, working_days_to_publish: t.workingDays };
}

export async function transitionItem({ actor, id, input, ip, deps }: { actor: Actor; id: number; input: TransitionInput; ip?: string; deps: AppDeps }): Promise<ItemRow> {
  const item = await createItemsRepository(deps).byId(id);
  if (!item) throw new AppError('publishing.item_not_found', '信息不存在', 404);
  const orgs = await createOrganizationsRepository(deps).list();
  assertMay(actor, input.action, item.status, item.organization_id, orgs);
  assertSeenVersion(item, input.version);
  const now = deps.clock.now();
  const comment = input.comment?.trim() ?? '';
  if ((input.action === 'withdraw' || input.action === 'return') && !comment) {
    throw new AppError('publishing.reason_required', input.action === 'withdraw' ? '撤回必须填写原因' : '退回必须填写意见', 400);
  }
  const publishAt = input.publishAt ? new Date(input.publishAt) : null;
  if (publishAt && Number.isNaN(publishAt.getTime())) throw new AppError('publishing.invalid_date', '定时发布时间无效', 400);
  const rule = input.action === 'approve' || input.action === 'publish' ? await confidentialityRuleFor(deps.db, orgs, item.organization_id) : 'optional';
  const review = input.action === 'approve' ? checkConfidentialityReview(input.confidentialityReview, rule) : null;

  return uniqueOr(() => inTransaction(deps.db, async (trx) => {
    let patch: Partial<ItemRow> = { updated_by: actor.id, updated_at: now.toISOString() };
    switch (input.action) {
      case 'submit':
        patch.status = 'submitted';
        break;
      case 'return':
        patch = { ...patch, status: 'draft', review_comment: comment };
        break;
      case 'redraft':
        patch = { ...patch, status: 'draft', withdrawn_at: null, withdrawn_reason: null };
        break;
      case 'withdraw':
        patch = { ...patch, status: 'withdrawn', withdrawn_at: now.toISOString(), withdrawn_reason: comment, scheduled_at: null };
        break;
      case 'approve':
      case 'publish':
        if (input.action === 'approve') patch = { ...patch, approved_by: actor.id, review_comment: comment || null };
        if (input.hold) patch.status = 'approved';
        else if (publishAt && publishAt > now) patch = { ...patch, status: 'scheduled', scheduled_at: publishAt.toISOString() };
        else patch = await publishNow(trx, item, now, patch);
        break;
    }
    // An item approved before its body required the review (or held while it was optional) is
    // published only once a reviewer approves it again with one.
    if (input.action === 'publish' && rule === 'required' && !(await createConfidentialityRepository({ db: trx }).reviewedSinceSubmission(id))) {
      throw new AppError('publishing.confidentiality_review_missing', '该信息审核通过时没有保密审查记录，本机关规定发布前必须完成保密审查：请退回后重新提交审核', 409);
    }
    const repo = createItemsRepository({ db: trx });
    const updated = await repo.updateIf(id, item, patch);
    if (!updated) throw itemChanged();
    await repo.addVersion(id, updated.version, input.action, snapshotOf(updated), actor, now.toISOString());
    if (review) {
      const reviewer = await trx.selectFrom('users').select('display_name').where('id', '=', actor.id).executeTakeFirst();
      await createConfidentialityRepository({ db: trx }).addReview({
        itemId: id, itemVersion: updated.version, checks: review.checks, opinion: review.opinion,
        reviewerId: actor.id, reviewerName: reviewer?.display_name || actor.username, reviewDate: shanghaiDate(now), at: now.toISOString(),
      });
    }
    if (input.action === 'withdraw' && input.alsoWithdraw?.length) {
      await withdrawLinked(trx, { actor, parentId: id, ids: input.alsoWithdraw, reason: `随所解读的文件一并撤回：${comment}`, orgs, now, ip });
    }
    if (input.action === 'submit') await notifyDraftAwaitingReview(trx, updated, now.toISOString());
    if (updated.status === 'published') await indexItems(trx, [id]);
    else if (item.status === 'published') await removeFromIndex(trx, [id]);
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: `publishing.item_${input.action}`, targetType: 'publishing_item', targetId: id, ip, detail: { from: item.status, to: updated.status, comment: comment || undefined, confidentialityReview: review ?? undefined } },
      now,
      trx,
    );
    return updated;
  }), itemChanged);
}

/** 规章 / 行政规范性文件 lifecycle: amended or abolished (with date and reason), or in force again. */
export async function changeValidity({ actor, id, validity, date, reason, version, alsoWithdraw, ip, deps }: { actor: Actor; id: number; validity: Exclude<Validity, ''>; date: string | null; reason?: string; version?: number; alsoWithdraw?: number[]; ip?: string; deps: AppDeps }): Promise<ItemRow> {
  const item = await createItemsRepository(deps).byId(id);
  if (!item) throw new AppError('publishing.item_not_found', '信息不存在', 404);
  const orgs = await createOrganizationsRepository(deps).list();
  assertMay(actor, 'change_validity', item.status, item.organization_id, orgs);
  assertSeenVersion(item, version);
  if (!(validity in VALIDITY)) throw new AppError('publishing.invalid_validity', '有效性取值无效', 400);
  if ((validity === 'abolished' || validity === 'amended') && (!date || !isValidIsoDate(date))) {
    throw new AppError('publishing.date_required', '废止或修订必须填写日期（YYYY-MM-DD）', 400);
  }
  if (validity === 'abolished' && !reason?.trim()) throw new AppError('publishing.reason_required', '废止必须填写原因', 400);
  if (alsoWithdraw?.length && validity !== 'abolished') throw new AppError('publishing.not_abolished', '只有废止时才能一并撤回关联解读', 400);
  const now = deps.clock.now();
  return uniqueOr(() => inTransaction(deps.db, async (trx) => {
    const repo = createItemsRepository({ db: trx });
    const updated = await repo.updateIf(id, item, {
      validity,
      abolished_date: validity === 'abolished' ? date : null,
      abolished_reason: validity === 'abolished' ? reason!.trim() : null,
      amended_date: validity === 'amended' ? date : item.amended_date,
      updated_by: actor.id,
      updated_at: now.toISOString(),
    });
    if (!updated) throw itemChanged();
    await repo.addVersion(id, updated.version, 'change_validity', snapshotOf(updated), actor, now.toISOString());
    if (alsoWithdraw?.length) await withdrawLinked(trx, { actor, parentId: id, ids: alsoWithdraw, reason: `所解读的文件已废止：${reason!.trim()}`, orgs, now, ip });
    // Validity is one of the search filters (search.filters.ts): the index entry follows it.
    if (updated.status === 'published') await indexItems(trx, [id]);
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'publishing.item_validity_changed', targetType: 'publishing_item', targetId: id, ip, detail: { validity, date, reason } },
      now,
      trx,
    );
    return updated;
  }), itemChanged);
}

/**
 * Publishes scheduled items that are due; returns how many this call published. Safe to call
 * often and from several processes at once: an item another run (or a reviewer's withdraw or
 * 发布) changed first is left alone, so it is published, indexed and audited once.
 */
export async function publishDueItems(deps: AppDeps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.selectFrom('publishing_items').selectAll().where('status', '=', 'scheduled').where('scheduled_at', '<=', now.toISOString()).execute();
  let published = 0;
  for (const item of due) {
    await inTransaction(deps.db, async (trx) => {
      const patch = await publishNow(trx, item, now, { updated_at: now.toISOString() });
      const res = await trx.updateTable('publishing_items').set(patch).where('id', '=', item.id).where('status', '=', 'scheduled').where('version', '=', item.version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return;
      await indexItems(trx, [item.id]);
      await createAuditRepository({ db: trx }).append({ action: 'publishing.item_published_on_schedule', targetType: 'publishing_item', targetId: item.id, detail: {} }, now, trx);
      published += 1;
    });
  }
  return published;
}
