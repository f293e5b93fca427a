import type { Kysely } from 'kysely';

/**
 * Password checks in flight, counted apart from failures (DESIGN: security). A login takes a
 * check from the budget before the password is checked (so a burst of guesses gets at most the
 * budget), and a right password gives its check back without ever counting as a failure: a
 * burst of correct logins never locks anyone. `*_at` is the last take: checks older than a
 * minute belong to a process that died mid-check and are forgotten.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('login_checks', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('login_checks_at', 'text').execute();
  await db.schema.alterTable('login_source_locks').addColumn('checks', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('login_source_locks').addColumn('checks_at', 'text').execute();
}
