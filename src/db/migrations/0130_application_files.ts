import type { Kysely } from 'kysely';
import { withIdColumn } from '../schema-helpers.ts';

/**
 * Files of a case (application_files): what the applicant attached to the online form or to a
 * 补正 answer, and what the clerk released with the 答复. The bytes live on disk under the data
 * folder (like item attachments); the row keeps the name, type, size and SHA-256.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('application_files'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text', (c) => c.notNull().unique())
    .addColumn('uploaded_by_id', 'integer')
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_files_case').on('application_files').columns(['application_id', 'id']).execute();
}
