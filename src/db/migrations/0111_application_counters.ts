/**
 * Tracking numbers come from one counter row per (body, year), incremented in the submission's
 * transaction: `max(seq) + 1` gave two concurrent submissions the same number on PostgreSQL.
 * The counters start where the existing cases left off.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('application_counters')
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_counters_pk', ['organization_id', 'year'])
    .execute();
  await sql`insert into application_counters (organization_id, year, last_seq)
            select organization_id, year, max(seq) from applications group by organization_id, year`.execute(db);
}
