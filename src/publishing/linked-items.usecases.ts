/**
 * Items linked to a policy document: the 政策解读 that interpret it (interprets_item_id). A 解读 is
 * linked by searching titles (the body's own items, policy documents first), and a policy that is
 * withdrawn or abolished can take its live 解读 offline with it in the same transaction — each
 * with its own version and audit row; any linked item that moved meanwhile makes the whole
 * request a 409 with nothing changed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Actor } from '../auth/access.rules.ts';
import { readableOrgIds } from '../auth/access.rules.ts';
import type { Organization } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { AppError } from '../shared/app-error.ts';
import { assertMay, itemChanged } from './workflow.rules.ts';
import { createItemsRepository, snapshotOf } from './items.repository.ts';
import { removeFromIndex } from './search.index.ts';
import { publishingBodyOf } from './confidentiality.usecases.ts';
import { unitsOfBody } from '../applications/case-access.ts';

/** Kinds a 解读 may interpret; listed first in the search. */
export const POLICY_KINDS = ['rule', 'normative_document', 'policy_document'] as const;
/** A linked item in these states is still online (or about to be): withdrawing takes it down. */
export const LIVE_STATUSES = ['published', 'scheduled', 'approved'] as const;

/** The organizations whose items `actor` may link to an item of `orgId`: its body's, as far as the actor reads. */
export function linkScope(actor: Actor, orgs: readonly Organization[], orgId: number): number[] {
  const body = publishingBodyOf(orgs, orgId);
  const readable = new Set(readableOrgIds(actor, orgs));
  const units = body ? unitsOfBody(body, orgs).map((o) => o.id) : [orgId];
  return units.filter((id) => readable.has(id));
}

export async function searchLinkCandidates(db: Kysely<Database>, p: { scope: number[]; q: string; policyOnly: boolean; excludeId?: number }) {
  if (!p.scope.length) return [];
  const q = p.q.replace(/[%_\\]/g, '').trim();
  let query = db.selectFrom('publishing_items')
    .select(['id', 'title', 'kind', 'status', 'doc_number', 'publish_date', 'organization_id'])
    .where('organization_id', 'in', p.scope)
    .where('status', '!=', 'withdrawn');
  if (q) query = query.where('title', 'like', `%${q}%`);
  if (p.policyOnly) query = query.where('kind', 'in', [...POLICY_KINDS]);
  if (p.excludeId) query = query.where('id', '!=', p.excludeId);
  const rows = await query
    .orderBy((eb) => eb.case().when('kind', 'in', [...POLICY_KINDS]).then(0).else(1).end())
    .orderBy((eb) => eb.case().when('status', '=', 'published').then(0).else(1).end())
    .orderBy('publish_date', 'desc').orderBy('id', 'desc')
    .limit(20).execute();
  return rows;
}

/** The live items linked to `itemId` (its 解读). */
export async function liveLinkedItems(db: Kysely<Database>, itemId: number) {
  return db.selectFrom('publishing_items').select(['id', 'title', 'kind', 'status', 'organization_id', 'version'])
    .where('interprets_item_id', '=', itemId).where('status', 'in', [...LIVE_STATUSES]).orderBy('id').execute();
}

/**
 * Withdraws `ids`, each a live 解读 of `parentId`, inside the caller's transaction `trx`. The
 * actor must be allowed to withdraw each one; a change since it was read is a 409 for all.
 */
export async function withdrawLinked(trx: Kysely<Database>, p: { actor: Actor; parentId: number; ids: number[]; reason: string; orgs: readonly Organization[]; now: Date; ip?: string }): Promise<number[]> {
  const repo = createItemsRepository({ db: trx });
  const done: number[] = [];
  for (const id of [...new Set(p.ids)]) {
    const linked = await repo.byId(id);
    if (!linked || linked.interprets_item_id !== p.parentId) throw new AppError('publishing.not_linked', `编号 ${id} 的信息不是本文件的关联解读`, 400);
    assertMay(p.actor, 'withdraw', linked.status, linked.organization_id, p.orgs);
    const updated = await repo.updateIf(id, linked, {
      status: 'withdrawn', withdrawn_at: p.now.toISOString(), withdrawn_reason: p.reason, scheduled_at: null, updated_by: p.actor.id, updated_at: p.now.toISOString(),
    });
    if (!updated) throw itemChanged();
    await repo.addVersion(id, updated.version, 'withdraw', snapshotOf(updated), p.actor, p.now.toISOString());
    if (linked.status === 'published') await removeFromIndex(trx, [id]);
    await createAuditRepository({ db: trx }).append(
      { userId: p.actor.id, username: p.actor.username, action: 'publishing.item_withdraw', targetType: 'publishing_item', targetId: id, ip: p.ip, detail: { from: linked.status, to: 'withdrawn', comment: p.reason, withItem: p.parentId } },
      p.now,
      trx,
    );
    done.push(id);
  }
  return done;
}
