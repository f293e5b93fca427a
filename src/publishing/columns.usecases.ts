/**
 * Adding and changing columns. A column's parent must be a column of the same body and never
 * the column itself or one of its descendants: a loop in the tree once made the portal walk it
 * forever. Each write runs in one transaction that holds the body's column tree, checks against
 * the tree as it is then, and writes its audit row, so two moves made at once cannot close a
 * loop between them and two columns cannot take one code.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { Actor } from '../auth/access.rules.ts';
import { canWriteIn } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { AppError } from '../shared/app-error.ts';
import { wouldCreateCycle } from '../shared/tree.rules.ts';
import { lockForTransaction, uniqueOr } from '../db/db-errors.ts';
import { columnLinks, createColumnsRepository } from './columns.repository.ts';
import type { ColumnRow } from './publishing.table.ts';
import { inTransaction } from '../db/transaction.ts';

/** Advisory-lock namespace of a body's column tree (db-errors.ts). */
const COLUMN_TREE_LOCK = 740_503;

export interface ColumnInput {
  name?: string;
  parentId?: number | null;
  kind?: string;
  defaultItemKind?: string | null;
  sortOrder?: number;
  updateIntervalDays?: number | null;
  description?: string;
  hidden?: boolean;
}

const codeTaken = () => new AppError('publishing.column_code_taken', '栏目代码已被使用', 409);

async function requireAdminOf(deps: AppDeps, actor: Actor, organizationId: number): Promise<void> {
  if (!canWriteIn(actor, 'admin', organizationId, await createOrganizationsRepository(deps).list())) throw new AppError('auth.forbidden', '无权管理该单位的栏目', 403);
}

/** Checks a new parent against the tree as the transaction sees it (after taking its lock). */
async function checkParent(trx: Kysely<Database>, organizationId: number, columnId: number | null, parentId: number | null | undefined): Promise<void> {
  if (parentId === undefined || parentId === null) return;
  const own = await trx.selectFrom('publishing_columns').select(['id', 'parent_id']).where('organization_id', '=', organizationId).execute();
  if (!own.some((c) => c.id === parentId)) throw new AppError('publishing.column_not_found', '上级栏目不存在或不属于本单位', 400);
  if (columnId !== null && wouldCreateCycle(columnLinks(own), columnId, parentId)) {
    throw new AppError('publishing.column_cycle', '上级栏目不能是该栏目自身或其下级栏目', 409);
  }
}

export async function createColumn({ actor, input, ip, deps }: { actor: Actor; input: ColumnInput & { organizationId: number; code: string; name: string; kind: string }; ip?: string; deps: AppDeps }): Promise<ColumnRow> {
  await requireAdminOf(deps, actor, input.organizationId);
  const now = deps.clock.now();
  return uniqueOr(() => inTransaction(deps.db, async (trx) => {
    await lockForTransaction(trx, COLUMN_TREE_LOCK, input.organizationId);
    const repo = createColumnsRepository({ db: trx });
    if (await repo.byCode(input.organizationId, input.code)) throw codeTaken();
    await checkParent(trx, input.organizationId, null, input.parentId);
    const row = await repo.insert({
      organization_id: input.organizationId, parent_id: input.parentId ?? null, code: input.code, name: input.name, kind: input.kind, art20_item: null,
      default_item_kind: input.defaultItemKind ?? null, sort_order: input.sortOrder ?? 99, update_interval_days: input.updateIntervalDays ?? null,
      description: input.description ?? '', hidden: input.hidden ? 1 : 0, created_at: now.toISOString(),
    });
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'publishing.column_created', targetType: 'publishing_column', targetId: row.id, ip, detail: { name: row.name } }, now, trx);
    return row;
  }), codeTaken);
}

export async function updateColumn({ actor, id, input, ip, deps }: { actor: Actor; id: number; input: ColumnInput; ip?: string; deps: AppDeps }): Promise<ColumnRow> {
  const col = await createColumnsRepository(deps).byId(id);
  if (!col) throw new AppError('publishing.column_not_found', '栏目不存在', 404);
  await requireAdminOf(deps, actor, col.organization_id);
  const b = input;
  if (Object.values(b).every((v) => v === undefined)) throw new AppError('publishing.nothing_to_change', '没有要修改的内容', 400);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    await lockForTransaction(trx, COLUMN_TREE_LOCK, col.organization_id);
    await checkParent(trx, col.organization_id, id, b.parentId);
    const row = await createColumnsRepository({ db: trx }).update(id, {
      ...(b.name !== undefined && { name: b.name }), ...(b.parentId !== undefined && { parent_id: b.parentId }), ...(b.kind !== undefined && { kind: b.kind }),
      ...(b.defaultItemKind !== undefined && { default_item_kind: b.defaultItemKind }), ...(b.sortOrder !== undefined && { sort_order: b.sortOrder }),
      ...(b.updateIntervalDays !== undefined && { update_interval_days: b.updateIntervalDays }), ...(b.description !== undefined && { description: b.description }),
      ...(b.hidden !== undefined && { hidden: b.hidden ? 1 : 0 }),
    });
    if (!row) throw new AppError('publishing.column_not_found', '栏目不存在', 404);
    await createAuditRepository({ db: trx }).append({ userId: actor.id, username: actor.username, action: 'publishing.column_updated', targetType: 'publishing_column', targetId: id, ip, detail: b }, now, trx);
    return row;
  });
}
