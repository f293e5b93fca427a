/**
 * Proactive disclosure: columns, items, versions, attachments, mailbox, new-media accounts,
 * and the 索引号 prefix of each organization. The search index is in 0201.
 */
import type { Kysely } from 'kysely';
import { withIdColumn } from '../schema-helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organizations').addColumn('index_code', 'text').execute();

  await withIdColumn(db, db.schema.createTable('publishing_columns'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('publishing_columns.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('art20_item', 'integer')
    .addColumn('default_item_kind', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('update_interval_days', 'integer')
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('publishing_columns_org_code', ['organization_id', 'code'])
    .execute();

  await withIdColumn(db, db.schema.createTable('publishing_items'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('column_id', 'integer', (c) => c.notNull().references('publishing_columns.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('index_no', 'text', (c) => c.notNull().unique())
    .addColumn('index_year', 'integer', (c) => c.notNull())
    .addColumn('index_serial', 'integer', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('publisher_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('written_date', 'text')
    .addColumn('publish_date', 'text')
    .addColumn('published_at', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amended_date', 'text')
    .addColumn('abolished_date', 'text')
    .addColumn('abolished_reason', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('interprets_item_id', 'integer', (c) => c.references('publishing_items.id'))
    .addColumn('late_publication', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('working_days_to_publish', 'integer')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('updated_by', 'integer')
    .addColumn('approved_by', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('publishing_items_org_serial', ['organization_id', 'index_year', 'index_serial'])
    .execute();
  await db.schema.createIndex('publishing_items_column').on('publishing_items').columns(['column_id', 'status', 'publish_date']).execute();
  await db.schema.createIndex('publishing_items_status').on('publishing_items').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('publishing_items_org_kind').on('publishing_items').columns(['organization_id', 'kind']).execute();
  await db.schema.createIndex('publishing_items_interprets').on('publishing_items').column('interprets_item_id').execute();

  await withIdColumn(db, db.schema.createTable('publishing_item_versions'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('publishing_items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publishing_item_versions_item').on('publishing_item_versions').columns(['item_id', 'version']).execute();

  await withIdColumn(db, db.schema.createTable('publishing_attachments'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('publishing_items.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull())
    .addColumn('text_content', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('download_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publishing_attachments_item').on('publishing_attachments').column('item_id').execute();

  await withIdColumn(db, db.schema.createTable('publishing_mailbox_letters'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('writer_name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reply_text', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('reply_item_id', 'integer', (c) => c.references('publishing_items.id'))
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withIdColumn(db, db.schema.createTable('publishing_new_media'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opened_date', 'text', (c) => c.notNull())
    .addColumn('closed_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
