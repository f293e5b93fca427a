import type { Kysely } from 'kysely';

/**
 * Login backoff (DESIGN: security): consecutive locks of an account (each lasts longer), and the
 * failures and locks of one source (client address, IPv6 by /64) against one account, so that a
 * single source locks only itself out of `admin`, not every other user of it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('lockouts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema
    .createTable('login_source_locks')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('lockouts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_source_locks_pk', ['user_id', 'source'])
    .execute();
}
