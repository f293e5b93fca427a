import { sql, type Kysely } from 'kysely';

/**
 * 相关信息: two items of one body linked both ways. One row per pair, the smaller id first, so
 * that "A relates to B" and "B relates to A" are the same row and the primary key is the last
 * guard against a duplicate written by a racing request; an item is never related to itself.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('publishing_related_items')
    .addColumn('low_item_id', 'integer', (c) => c.notNull().references('publishing_items.id'))
    .addColumn('high_item_id', 'integer', (c) => c.notNull().references('publishing_items.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('publishing_related_items_pk', ['low_item_id', 'high_item_id'])
    .addCheckConstraint('publishing_related_items_order', sql`low_item_id < high_item_id`)
    .execute();
  // The other direction of the lookup (the primary key serves low_item_id).
  await db.schema.createIndex('publishing_related_items_high').on('publishing_related_items').column('high_item_id').execute();
}
