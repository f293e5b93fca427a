/**
 * Actions on a selection of items from the admin list: 提交审核, 发布 (审核通过 with the 保密审查
 * for a submitted item where the user may approve, 发布 for an approved one), 撤回, 移动栏目.
 * Each item goes through the same usecase as one item would, in its own transaction with its own
 * version and audit row: a mixed selection partly succeeds, and every item gets its answer — 成功
 * or the Chinese reason (403 of a role that may not act, 409 of a state or a race lost, 404).
 */
import type { AppDeps } from '../shared/deps.ts';
import type { Actor } from '../auth/access.rules.ts';
import { canReadIn, canWriteIn } from '../auth/access.rules.ts';
import { AppError } from '../shared/app-error.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { uniqueOr } from '../db/db-errors.ts';
import { inTransaction } from '../db/transaction.ts';
import { createItemsRepository, snapshotOf } from './items.repository.ts';
import { itemChanged } from './workflow.rules.ts';
import { transitionItem } from './workflow.usecases.ts';
import type { ConfidentialityReviewInput } from './confidentiality.rules.ts';
import type { ItemRow } from './publishing.table.ts';

export type BulkAction = 'submit' | 'publish' | 'withdraw' | 'move';

export interface BulkInput {
  action: BulkAction;
  ids: number[];
  /** withdraw: the reason (required). */
  comment?: string;
  /** move: the target column (of the item's own unit). */
  columnId?: number;
  /** publish of submitted items: the 保密审查 the reviewer made for the selection. */
  confidentialityReview?: ConfidentialityReviewInput;
}

export interface BulkResult {
  id: number;
  title: string | null;
  ok: boolean;
  status?: string;
  code?: string;
  message?: string;
  /** The HTTP status this item alone would have been answered with. */
  httpStatus?: number;
}

/** 移动栏目: the item's publisher or reviewer moves it to another column of the same unit. */
export async function moveItem({ actor, id, columnId, ip, deps }: { actor: Actor; id: number; columnId: number; ip?: string; deps: AppDeps }): Promise<ItemRow> {
  const item = await createItemsRepository(deps).byId(id);
  if (!item) throw new AppError('publishing.item_not_found', '信息不存在', 404);
  const orgs = await createOrganizationsRepository(deps).list();
  if (!canWriteIn(actor, 'publisher', item.organization_id, orgs) && !canWriteIn(actor, 'reviewer', item.organization_id, orgs)) {
    throw new AppError('publishing.forbidden', '只有本单位的信息发布员或审核人可以移动此信息（谁发布、谁负责）', 403);
  }
  const column = await deps.db.selectFrom('publishing_columns').select(['id', 'organization_id', 'name']).where('id', '=', columnId).executeTakeFirst();
  if (!column || column.organization_id !== item.organization_id) throw new AppError('publishing.column_not_found', '只能移动到本单位的栏目', 400);
  if (column.id === item.column_id) throw new AppError('publishing.same_column', `已在栏目“${column.name}”中`, 409);
  const now = deps.clock.now();
  return uniqueOr(() => inTransaction(deps.db, async (trx) => {
    const repo = createItemsRepository({ db: trx });
    const updated = await repo.updateIf(id, item, { column_id: column.id, updated_by: actor.id, updated_at: now.toISOString() });
    if (!updated) throw itemChanged();
    await repo.addVersion(id, updated.version, 'move', snapshotOf(updated), actor, now.toISOString());
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'publishing.item_moved', targetType: 'publishing_item', targetId: id, ip, detail: { from: item.column_id, to: column.id } },
      now,
      trx,
    );
    return updated;
  }), itemChanged);
}

async function actOn(actor: Actor, id: number, input: BulkInput, ip: string | undefined, deps: AppDeps): Promise<ItemRow> {
  switch (input.action) {
    case 'move':
      if (!input.columnId) throw new AppError('publishing.column_required', '请选择目标栏目', 400);
      return moveItem({ actor, id, columnId: input.columnId, ip, deps });
    case 'publish': {
      const item = await createItemsRepository(deps).byId(id);
      const action = item?.status === 'submitted' ? 'approve' : 'publish';
      return transitionItem({ actor, id, input: { action, confidentialityReview: action === 'approve' ? input.confidentialityReview : undefined }, ip, deps });
    }
    default:
      return transitionItem({ actor, id, input: { action: input.action, comment: input.comment }, ip, deps });
  }
}

/** Runs the action on each item in turn; an item's failure is its answer and the others go on. */
export async function bulkAct({ actor, input, ip, deps }: { actor: Actor; input: BulkInput; ip?: string; deps: AppDeps }): Promise<BulkResult[]> {
  const ids = [...new Set(input.ids)];
  const titles = new Map((await deps.db.selectFrom('publishing_items').select(['id', 'title', 'organization_id']).where('id', 'in', ids).execute()).map((r) => [r.id, r]));
  const orgs = await createOrganizationsRepository(deps).list();
  const out: BulkResult[] = [];
  for (const id of ids) {
    const known = titles.get(id);
    // An item the user may not even read is "not found", as on its own page: no title leaks.
    const title = known && canReadIn(actor, known.organization_id, orgs) ? known.title : null;
    if (title === null) {
      out.push({ id, title: null, ok: false, code: 'publishing.item_not_found', message: '信息不存在', httpStatus: 404 });
      continue;
    }
    try {
      const row = await actOn(actor, id, input, ip, deps);
      out.push({ id, title, ok: true, status: row.status });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      out.push({ id, title, ok: false, code: e.code, message: e.message, httpStatus: e.status });
    }
  }
  return out;
}
