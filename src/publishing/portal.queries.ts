/**
 * What the public pages read: only published items, only visible columns. A column page of a
 * body also lists the same column of the bodies under it (集约化: the district's 政策文件 page
 * shows the departments' documents too), filterable by unit.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { subtreeIds } from '../auth/access.rules.ts';
import { columnSubtree } from './columns.repository.ts';
import { createItemsRepository } from './items.repository.ts';
import { createRelatedItemsRepository } from './related-items.repository.ts';
import type { ColumnRow, ItemRow } from './publishing.table.ts';

export interface PortalOrg {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  isBody: boolean;
}

export async function portalOrgs(db: Kysely<Database>): Promise<PortalOrg[]> {
  const rows = await db.selectFrom('organizations').select(['id', 'code', 'name', 'parent_id', 'is_body']).where('disabled', '=', 0).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id, isBody: r.is_body === 1 }));
}

/** Every organization, disabled ones included. */
export async function organizationCount(db: Kysely<Database>): Promise<number> {
  return Number((await db.selectFrom('organizations').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

export async function visibleColumns(db: Kysely<Database>, organizationId: number): Promise<ColumnRow[]> {
  return db.selectFrom('publishing_columns').selectAll().where('organization_id', '=', organizationId).where('hidden', '=', 0).orderBy('sort_order').orderBy('id').execute();
}

/** Column ids shown on a column page: the column's subtree, in this body and the bodies below. */
export async function columnPageIds(db: Kysely<Database>, orgs: PortalOrg[], column: ColumnRow): Promise<number[]> {
  const own = await db.selectFrom('publishing_columns').select(['id', 'parent_id', 'code']).where('organization_id', '=', column.organization_id).execute();
  const subtree = new Set(columnSubtree(own, column.id));
  const codes = own.filter((c) => subtree.has(c.id)).map((c) => c.code);
  const orgIds = [...subtreeIds(orgs, column.organization_id)];
  const rows = await db.selectFrom('publishing_columns').select('id').where('organization_id', 'in', orgIds).where('code', 'in', codes).where('hidden', '=', 0).execute();
  return rows.map((r) => r.id);
}

export interface ListFilters {
  year?: number;
  unit?: number;
  kind?: string;
  validity?: string;
}

export async function publishedItems(db: Kysely<Database>, columnIds: number[], f: ListFilters, page: number, pageSize = 20) {
  return createItemsRepository({ db }).list(
    { columnIds, statuses: ['published'], year: f.year, kind: f.kind, validity: f.validity, organizationIds: f.unit ? [f.unit] : undefined },
    page,
    pageSize,
  );
}

export async function latestItems(db: Kysely<Database>, organizationIds: number[], limit: number): Promise<ItemRow[]> {
  return db.selectFrom('publishing_items').selectAll().where('status', '=', 'published').where('organization_id', 'in', organizationIds)
    .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function publishedItem(db: Kysely<Database>, id: number) {
  const item = await db.selectFrom('publishing_items').selectAll().where('id', '=', id).where('status', '=', 'published').executeTakeFirst();
  if (!item) return undefined;
  const [column, attachments, interprets, interpretations, related] = await Promise.all([
    db.selectFrom('publishing_columns').selectAll().where('id', '=', item.column_id).executeTakeFirstOrThrow(),
    db.selectFrom('publishing_attachments').selectAll().where('item_id', '=', id).orderBy('id').execute(),
    item.interprets_item_id
      ? db.selectFrom('publishing_items').select(['id', 'title']).where('id', '=', item.interprets_item_id).where('status', '=', 'published').executeTakeFirst()
      : Promise.resolve(undefined),
    createItemsRepository({ db }).interpretationsOf(id),
    createRelatedItemsRepository({ db }).of(id, true),
  ]);
  return { item, column, attachments, interprets, interpretations, related };
}

/** Years that have published items in these columns, newest first (the year filter's options). */
export async function yearsOf(db: Kysely<Database>, columnIds: number[]): Promise<number[]> {
  if (!columnIds.length) return [];
  const rows = await db.selectFrom('publishing_items').select('index_year').distinct().where('column_id', 'in', columnIds).where('status', '=', 'published').execute();
  return rows.map((r) => r.index_year).sort((a, b) => b - a);
}
