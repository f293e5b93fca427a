/**
 * A revision counter on each annual report version: every write moves it on, and every write is
 * made on the condition that it is still the revision the writer read. Two saves of the text, or
 * a save and a submission fired at once, then have one winner; the status alone could not tell a
 * draft from the same draft changed a moment ago.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('report_versions').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
}
