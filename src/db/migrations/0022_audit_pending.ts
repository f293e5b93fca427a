/**
 * Audit rows written by a transaction wait here, unchained, until just after its commit, when
 * they are chained into `audit_log` (src/auth/audit.repository.ts). The chain's lock is then never
 * held inside a business transaction: one append costs that transaction an INSERT, not a turn in
 * the queue of every writer of the platform.
 */
import type { Kysely } from 'kysely';
import { withIdColumn } from '../schema-helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('audit_pending'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
}
