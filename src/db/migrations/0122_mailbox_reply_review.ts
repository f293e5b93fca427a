import { sql, type Kysely } from 'kysely';

/**
 * A mailbox reply to be published waits for a reviewer: `mailbox_handling` records who answered
 * a letter and the publication's own state (pending → published, or returned with a reason), who
 * asked for it, who reviewed it and the text to publish. Its own table, without a foreign key:
 * the letters table is created by a later-numbered migration (0200) on a new database. On an
 * upgraded database, replies published before this migration are marked published.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mailbox_handling')
    .addColumn('letter_id', 'integer', (c) => c.primaryKey())
    .addColumn('replied_by_id', 'integer')
    .addColumn('replied_by_name', 'text')
    .addColumn('publish_status', 'text')
    .addColumn('publish_text', 'text')
    .addColumn('publish_requested_by_id', 'integer')
    .addColumn('publish_requested_by_name', 'text')
    .addColumn('publish_requested_at', 'text')
    .addColumn('publish_return_reason', 'text')
    .addColumn('publish_reviewed_by_id', 'integer')
    .addColumn('publish_reviewed_by_name', 'text')
    .addColumn('publish_reviewed_at', 'text')
    .execute();
  await db.schema.createIndex('mailbox_handling_publish').on('mailbox_handling').column('publish_status').execute();
  const tables = await db.introspection.getTables();
  if (tables.some((t) => t.name === 'publishing_mailbox_letters')) {
    await sql`INSERT INTO mailbox_handling (letter_id, publish_status, publish_text)
      SELECT id, 'published', reply_text FROM publishing_mailbox_letters WHERE reply_item_id IS NOT NULL`.execute(db);
  }
}
