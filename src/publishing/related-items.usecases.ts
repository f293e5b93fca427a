/**
 * 相关信息: items of one body linked both ways, found by searching titles (link-candidates).
 *
 * A link is part of what a publisher writes: it is added or removed from a draft the caller may
 * edit (谁发布、谁负责), and reaches the public site only through that draft's review. The other
 * item may be in any state but withdrawn, as long as it is the same body's and the caller reads
 * it; the portal shows only published items on either side. A pair is one row (the smaller id
 * first, the primary key the last guard), so of two identical requests at once one adds the link
 * and the other gets 409, as does any repeat.
 *
 * Withdrawing or abolishing an item does not take its related items with it (unlike its 解读,
 * which lose their subject): they stand on their own, and only the link disappears from the public
 * pages while one side is offline. The withdraw dialog lists them as a warning.
 */
import type { AppDeps } from '../shared/deps.ts';
import type { Actor } from '../auth/access.rules.ts';
import { canReadIn } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { AppError } from '../shared/app-error.ts';
import { isUniqueViolationOn } from '../db/db-errors.ts';
import { inTransaction } from '../db/transaction.ts';
import { assertMay, itemChanged } from './workflow.rules.ts';
import { createItemsRepository } from './items.repository.ts';
import { createRelatedItemsRepository } from './related-items.repository.ts';
import { linkScope } from './linked-items.usecases.ts';

/** More than this many links make the 相关信息 list a second table of contents. */
export const MAX_RELATED = 30;

const exists = () => new AppError('publishing.related_exists', '这两条信息已经关联', 409);

/** The item whose links `actor` changes: a draft of theirs, or 404/403/409 as for editing it. */
async function editableItem(deps: AppDeps, actor: Actor, id: number) {
  const item = await createItemsRepository(deps).byId(id);
  const orgs = await createOrganizationsRepository(deps).list();
  if (!item || !canReadIn(actor, item.organization_id, orgs)) throw new AppError('publishing.item_not_found', '信息不存在', 404);
  assertMay(actor, 'edit', item.status, item.organization_id, orgs);
  return { item, orgs };
}

export async function addRelatedItem({ actor, id, relatedId, ip, deps }: { actor: Actor; id: number; relatedId: number; ip?: string; deps: AppDeps }): Promise<void> {
  const { item, orgs } = await editableItem(deps, actor, id);
  if (relatedId === id) throw new AppError('publishing.invalid_related_item', '不能把信息关联到它自己', 400);
  const other = await createItemsRepository(deps).byId(relatedId);
  if (!other || other.status === 'withdrawn' || !linkScope(actor, orgs, item.organization_id).includes(other.organization_id)) {
    throw new AppError('publishing.invalid_related_item', '相关信息须是本机关未撤回的信息', 400);
  }
  const now = deps.clock.now().toISOString();
  try {
    await inTransaction(deps.db, async (trx) => {
      const related = createRelatedItemsRepository({ db: trx });
      if (await related.exists(id, relatedId)) throw exists();
      if ((await related.count(id)) >= MAX_RELATED) throw new AppError('publishing.too_many_related', `一条信息最多关联 ${MAX_RELATED} 条相关信息`, 400);
      // Only while the item is still the draft read above (an approval meanwhile is a 409); the
      // touch also holds the item until commit.
      const held = await trx.updateTable('publishing_items').set({ updated_at: now }).where('id', '=', id).where('status', '=', item.status).executeTakeFirst();
      if (Number(held.numUpdatedRows) !== 1) throw itemChanged();
      await related.add(id, relatedId, actor.id, now);
      await createAuditRepository({ db: trx }).append(
        { userId: actor.id, username: actor.username, action: 'publishing.item_related_added', targetType: 'publishing_item', targetId: id, ip, detail: { relatedId, relatedTitle: other.title } },
        deps.clock.now(),
        trx,
      );
    });
  } catch (e) {
    if (isUniqueViolationOn(e, 'publishing_related_items')) throw exists();
    throw e;
  }
}

export async function removeRelatedItem({ actor, id, relatedId, ip, deps }: { actor: Actor; id: number; relatedId: number; ip?: string; deps: AppDeps }): Promise<void> {
  const { item } = await editableItem(deps, actor, id);
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    const held = await trx.updateTable('publishing_items').set({ updated_at: now.toISOString() }).where('id', '=', id).where('status', '=', item.status).executeTakeFirst();
    if (Number(held.numUpdatedRows) !== 1) throw itemChanged();
    if (!(await createRelatedItemsRepository({ db: trx }).remove(id, relatedId))) {
      throw new AppError('publishing.related_not_found', '这两条信息没有关联（可能已被他人取消）', 404);
    }
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'publishing.item_related_removed', targetType: 'publishing_item', targetId: id, ip, detail: { relatedId } },
      now,
      trx,
    );
  });
}
