import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';
import { withIdColumn } from '../schema-helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = dialectOf(db) === 'postgres' ? sql`bytea` : sql`blob`;

  // A body's letter settings: numbering patterns per kind, the office's contact block, the seal image.
  await db.schema
    .createTable('letter_settings')
    .addColumn('organization_id', 'integer', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('patterns', 'text', (c) => c.notNull())
    .addColumn('contact_block', 'text', (c) => c.notNull())
    .addColumn('seal_image', bytes)
    .addColumn('seal_mime', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  // One counter row per body, kind and year; numbers are taken with UPDATE … RETURNING.
  await db.schema
    .createTable('letter_counters')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_no', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_counters_pk', ['organization_id', 'kind', 'year'])
    .execute();

  await withIdColumn(db, db.schema.createTable('issued_letters'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('doc_number', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    // A correction names the letter it replaces; unique, so a letter is replaced at most once.
    .addColumn('replaces_id', 'integer', (c) => c.unique().references('issued_letters.id'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('docx', bytes, (c) => c.notNull())
    .addColumn('docx_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf', bytes, (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('issued_by_id', 'integer')
    .addColumn('issued_by_name', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('issued_letters_number', ['organization_id', 'kind', 'year', 'number'])
    .execute();
  await db.schema.createIndex('issued_letters_case').on('issued_letters').columns(['application_id', 'id']).execute();
}
