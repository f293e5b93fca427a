import type { Kysely } from 'kysely';

/**
 * Separation of duties on cases: per body, whether an extension and a decision need approval by a
 * person other than the one who asks (no row: the defaults in approval.rules.ts), and the case
 * projection's flag for a decision that awaits approval (the approvers' work list filters on it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_approval_settings')
    .addColumn('organization_id', 'integer', (c) => c.primaryKey().references('organizations.id'))
    .addColumn('extension_approval', 'text', (c) => c.notNull())
    .addColumn('decision_approval', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.alterTable('applications').addColumn('decision_pending', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
