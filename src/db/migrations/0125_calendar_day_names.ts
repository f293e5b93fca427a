import type { Kysely } from 'kysely';

/**
 * The name of a holiday block or 调休 day as the State Council notice gives it (e.g. 春节), entered
 * on the holiday calendar screen. Null for dates imported from files: their names are read from
 * where the block falls in the year (holiday-names.rules.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calendar_days').addColumn('name', 'text').execute();
}
