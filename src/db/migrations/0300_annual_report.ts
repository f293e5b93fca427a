import type { Kysely } from 'kysely';
import { withIdColumn } from '../schema-helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('report_figures'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('rules', 'text')
    .addColumn('normative_documents', 'text')
    .addColumn('licensing', 'integer')
    .addColumn('punishment', 'integer')
    .addColumn('enforcement', 'integer')
    .addColumn('fees_wan', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addUniqueConstraint('report_figures_org_year', ['organization_id', 'year'])
    .execute();

  await withIdColumn(db, db.schema.createTable('report_versions'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text')
    .addColumn('model', 'text')
    .addColumn('cells', 'text')
    .addColumn('findings', 'text')
    .addColumn('published_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('submitted_by', 'integer')
    .addColumn('approved_by', 'integer')
    .addColumn('published_by', 'integer')
    .addUniqueConstraint('report_versions_org_year_version', ['organization_id', 'year', 'version'])
    .execute();
  await db.schema.createIndex('report_versions_status').on('report_versions').columns(['status', 'organization_id']).execute();
}
