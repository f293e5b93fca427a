import type { Kysely } from 'kysely';

/**
 * Security hardening (DESIGN: security): failed logins counted per client address (per-IP
 * throttle, shared by all app processes), and a last-seen time per session for the idle timeout.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
}
