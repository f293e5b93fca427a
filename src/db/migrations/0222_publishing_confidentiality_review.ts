import type { Kysely } from 'kysely';
import { withIdColumn } from '../schema-helpers.ts';

/**
 * 保密审查 (《条例》第十七条) recorded when a reviewer approves an item: the checklist ticked, the
 * opinion, who and when, tied to the item version the approval made; and per body whether an
 * approval must carry one (no row: required).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('publishing_confidentiality_reviews'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('publishing_items.id'))
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('checks', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewer_name', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publishing_confidentiality_reviews_item').on('publishing_confidentiality_reviews').columns(['item_id', 'item_version']).unique().execute();
  await db.schema
    .createTable('publishing_settings')
    .addColumn('organization_id', 'integer', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('confidentiality_review', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
