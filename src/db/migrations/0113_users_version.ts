/**
 * A version on each account: a change (roles, unit, 停用, password reset) is saved only over the
 * version the administrator saw, so of two administrators changing one account at once one wins
 * and the other gets 409 instead of silently overwriting.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
}
