import type { Kysely } from 'kysely';
import { withIdColumn } from '../schema-helpers.ts';

/**
 * One-time codes that let an applicant who lost the query code replace it (issue 13 item 4): the
 * code is sent to the e-mail or mobile number of the application and kept only as a keyed hash,
 * with its expiry, the tries spent on it and when it was used. Only a case's newest row counts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('query_code_recoveries'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('query_code_recoveries_case').on('query_code_recoveries').columns(['application_id', 'id']).execute();
}
