/**
 * Columns of a body, stored as a tree (parent_id). `createDefaultColumns` gives a new body the
 * default tree of columns.rules.ts and does nothing for a body that already has columns.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { DEFAULT_COLUMN_TREE, flattenTree, type ColumnDefinition } from './columns.rules.ts';
import type { ColumnRow } from './publishing.table.ts';
import { descendantIds, type ParentLink } from '../shared/tree.rules.ts';

export async function createDefaultColumns(
  db: Kysely<Database>,
  organizationId: number,
  now: Date,
  tree: ColumnDefinition[] = DEFAULT_COLUMN_TREE,
): Promise<number> {
  const existing = await db.selectFrom('publishing_columns').select('id').where('organization_id', '=', organizationId).limit(1).execute();
  if (existing.length) return 0;
  const ids = new Map<string, number>();
  let n = 0;
  for (const { def, parent, order } of flattenTree(tree)) {
    const row = await db
      .insertInto('publishing_columns')
      .values({
        organization_id: organizationId,
        parent_id: parent ? ids.get(parent)! : null,
        code: def.code,
        name: def.name,
        kind: def.kind,
        art20_item: def.art20 ?? null,
        default_item_kind: def.itemKind ?? null,
        sort_order: order,
        update_interval_days: def.interval ?? null,
        description: def.description ?? '',
        hidden: 0,
        created_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(def.code, row.id);
    n += 1;
  }
  return n;
}

export function createColumnsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async listByOrganization(organizationId: number): Promise<ColumnRow[]> {
      return db
        .selectFrom('publishing_columns')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .orderBy('parent_id')
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
    },
    async byId(id: number): Promise<ColumnRow | undefined> {
      return db.selectFrom('publishing_columns').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async byCode(organizationId: number, code: string): Promise<ColumnRow | undefined> {
      return db
        .selectFrom('publishing_columns')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('code', '=', code)
        .executeTakeFirst();
    },
    async insert(row: Omit<ColumnRow, 'id'>): Promise<ColumnRow> {
      return db.insertInto('publishing_columns').values(row).returningAll().executeTakeFirstOrThrow();
    },
    async update(id: number, patch: Partial<Omit<ColumnRow, 'id' | 'organization_id' | 'created_at'>>): Promise<ColumnRow | undefined> {
      return db.updateTable('publishing_columns').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
    },
  };
}

/** The parent links of columns, for the walks of tree.rules.ts. */
export function columnLinks(columns: readonly Pick<ColumnRow, 'id' | 'parent_id'>[]): ParentLink[] {
  return columns.map((c) => ({ id: c.id, parentId: c.parent_id }));
}

/** Ids of a column and all its descendants (a column page lists its sub-columns' items too). */
export function columnSubtree(columns: readonly Pick<ColumnRow, 'id' | 'parent_id'>[], rootId: number): number[] {
  return descendantIds(columnLinks(columns), rootId);
}
