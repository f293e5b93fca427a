/**
 * Reading and writing items and their versions. Status changes and the search index are
 * handled by items.usecases.ts inside one transaction.
 */
import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ItemRow } from './publishing.table.ts';
import { cappedCount } from '../db/capped-count.ts';
import { sortRareMatches, titleCandidates, titleContains } from './items.title-search.ts';

export const SNAPSHOT_FIELDS = [
  'title', 'kind', 'column_id', 'topic', 'publisher_name', 'doc_number', 'written_date', 'validity',
  'summary', 'interprets_item_id', 'body_html',
] as const;
export type ItemSnapshot = Pick<ItemRow, (typeof SNAPSHOT_FIELDS)[number]>;

export function snapshotOf(item: ItemRow): ItemSnapshot {
  return Object.fromEntries(SNAPSHOT_FIELDS.map((f) => [f, item[f]])) as ItemSnapshot;
}

export interface ItemListFilters {
  organizationIds?: number[];
  columnIds?: number[];
  statuses?: string[];
  kind?: string;
  year?: number;
  validity?: string;
  /** Title contains (items.title-search.ts). */
  q?: string;
}

export function createItemsRepository({ db }: { db: Kysely<Database> }) {
  function filtered(f: ItemListFilters, candidates: Expression<SqlBool> | null) {
    let q = db.selectFrom('publishing_items');
    if (f.organizationIds) q = q.where('organization_id', 'in', f.organizationIds.length ? f.organizationIds : [-1]);
    if (f.columnIds) q = q.where('column_id', 'in', f.columnIds.length ? f.columnIds : [-1]);
    if (f.statuses) q = q.where('status', 'in', f.statuses);
    if (f.kind) q = q.where('kind', '=', f.kind);
    if (f.validity) q = q.where('validity', '=', f.validity);
    if (f.year) q = q.where('publish_date', '>=', `${f.year}-01-01`).where('publish_date', '<=', `${f.year}-12-31`);
    if (f.q) q = q.where(titleContains(f.q));
    if (candidates) q = q.where(candidates);
    return q;
  }
  return {
    async byId(id: number): Promise<ItemRow | undefined> {
      return db.selectFrom('publishing_items').selectAll().where('id', '=', id).executeTakeFirst();
    },
    /** `countCap`: count matches only up to it (admin lists, capped-count.ts); exact otherwise (portal pages). */
    async list(f: ItemListFilters, page: number, pageSize: number, order: 'published' | 'updated' = 'published', countCap?: number) {
      const candidates = f.q ? await titleCandidates(db, f.q) : null;
      const { total, totalCapped } = await cappedCount(db, filtered(f, candidates), countCap ?? Number.MAX_SAFE_INTEGER);
      let q = filtered(f, candidates).selectAll();
      // Fewer title matches than the cap: few enough to be read and sorted, where walking the
      // order index to a page of rare matches would fetch every row (sortRareMatches).
      const by = f.q && !totalCapped ? sortRareMatches : (column: 'publish_date' | 'updated_at') => column;
      q = order === 'published' ? q.orderBy(by('publish_date'), 'desc').orderBy('id', 'desc') : q.orderBy(by('updated_at'), 'desc').orderBy('id', 'desc');
      const rows = await q.limit(pageSize).offset((page - 1) * pageSize).execute();
      return { total, totalCapped, rows };
    },
    /**
     * Changes the item only while it still has the status and version its caller read, and moves
     * it to the next version; undefined when another request changed it first.
     */
    async updateIf(id: number, seen: Pick<ItemRow, 'status' | 'version'>, patch: Partial<Omit<ItemRow, 'id' | 'version'>>): Promise<ItemRow | undefined> {
      return db
        .updateTable('publishing_items')
        .set({ ...patch, version: seen.version + 1 })
        .where('id', '=', id)
        .where('status', '=', seen.status)
        .where('version', '=', seen.version)
        .returningAll()
        .executeTakeFirst();
    },
    async addVersion(itemId: number, version: number, action: string, snapshot: ItemSnapshot, user: { id: number; username: string } | null, at: string) {
      await db
        .insertInto('publishing_item_versions')
        .values({ item_id: itemId, version, action, snapshot: JSON.stringify(snapshot), user_id: user?.id ?? null, username: user?.username ?? null, at })
        .execute();
    },
    async versions(itemId: number) {
      return db.selectFrom('publishing_item_versions').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
    },
    /** Interpretations of a policy document (its page links to them). */
    async interpretationsOf(itemId: number): Promise<ItemRow[]> {
      return db.selectFrom('publishing_items').selectAll().where('interprets_item_id', '=', itemId).where('status', '=', 'published').orderBy('id').execute();
    },
  };
}
