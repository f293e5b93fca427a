/**
 * The holiday calendar. Seeded here rather than by a separate step so that every database —
 * a fresh install, a test database, a production upgrade — has the official holidays the moment
 * its schema exists; an empty calendar would silently make every holiday a working day.
 * The seed inserts only years not already present, so a later migration that calls
 * `seedHolidays` again (when the shipped data gains a year) never overwrites an import.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.ts';
import { seedHolidays } from '../../calendar/calendar.repository.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('off', 'work')`))
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('calendar_days_year').on('calendar_days').column('year').execute();
  await seedHolidays(db as Kysely<Database>);
}
