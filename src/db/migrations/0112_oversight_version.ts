/**
 * A version on each 复议/诉讼 record: a result is saved only over the version its clerk saw, so
 * of two clerks recording a result at once one wins and the other gets 409.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('oversight_cases').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}
