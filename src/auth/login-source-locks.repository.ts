/**
 * Failed logins of one source against one account. A source that fails MAX_FAILED_LOGINS times
 * is locked out of that account (and only that account, only itself) for a time that doubles
 * with each further lock; the legitimate user on another address is not locked out by it.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { lockoutMinutes, SOURCE_LOCKOUT_MAX_MINUTES } from './password.rules.ts';

export function createLoginSourceLocksRepository({ db }: { db: Kysely<Database> }) {
  return {
    /**
     * Takes one attempt for (user, source) atomically unless that pair is locked at `now`:
     * returns the failures now counted, or null when locked.
     */
    async take(userId: number, source: string, now: string): Promise<number | null> {
      const row = await db
        .insertInto('login_source_locks')
        .values({ user_id: userId, source, failures: 1, lockouts: 0, locked_until: null, last_failure_at: now })
        .onConflict((oc) =>
          oc
            .columns(['user_id', 'source'])
            .doUpdateSet({ failures: sql<number>`login_source_locks.failures + 1`, last_failure_at: now })
            .where((eb) => eb.or([eb('login_source_locks.locked_until', 'is', null), eb('login_source_locks.locked_until', '<=', now)])),
        )
        .returning('failures')
        .executeTakeFirst();
      return row ? Number(row.failures) : null;
    },
    /** Locks the pair unless a lock runs; each lock lasts twice the previous one (capped). */
    async lock(userId: number, source: string, now: Date): Promise<void> {
      const at = now.toISOString();
      const row = await db.selectFrom('login_source_locks').select('lockouts').where('user_id', '=', userId).where('source', '=', source).executeTakeFirst();
      const n = (row?.lockouts ?? 0) + 1;
      const until = new Date(now.getTime() + lockoutMinutes(n, SOURCE_LOCKOUT_MAX_MINUTES) * 60_000).toISOString();
      await db
        .updateTable('login_source_locks')
        .set({ locked_until: until, failures: 0, lockouts: n })
        .where('user_id', '=', userId)
        .where('source', '=', source)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
        .execute();
    },
    async lockedUntil(userId: number, source: string): Promise<string | null> {
      const row = await db.selectFrom('login_source_locks').select('locked_until').where('user_id', '=', userId).where('source', '=', source).executeTakeFirst();
      return row?.locked_until ?? null;
    },
    /** A successful login from the source forgets its failures and locks. */
    async clear(userId: number, source: string): Promise<void> {
      await db.deleteFrom('login_source_locks').where('user_id', '=', userId).where('source', '=', source).execute();
    },
    /** Forgets pairs idle for a day after their lock: the backoff memory of a quiet source ends. */
    async purge(now: Date): Promise<void> {
      const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
      await db
        .deleteFrom('login_source_locks')
        .where('last_failure_at', '<', dayAgo)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', dayAgo)]))
        .execute();
    },
  };
}
