/**
 * Failed logins of one source against one account. A source that fails MAX_FAILED_LOGINS times
 * is locked out of that account (and only that account, only itself) for a time that doubles
 * with each further lock; the legitimate user on another address is not locked out by it.
 * Password checks running from the source are counted apart from its failures (see migration
 * 0014): a right password gives its check back and is never counted as a failure.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { LOGIN_CHECK_STALE_MS, lockoutMinutes, MAX_FAILED_LOGINS, SOURCE_LOCKOUT_MAX_MINUTES, type CheckEnd, type CheckTake } from './password.rules.ts';

export function createLoginSourceLocksRepository({ db }: { db: Kysely<Database> }) {
  /** Locks the pair unless a lock runs; each lock lasts twice the previous one (capped). */
  async function lock(userId: number, source: string, now: Date): Promise<void> {
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
  }
  return {
    /**
     * Takes one password check for (user, source) in one statement unless the pair is locked or
     * its failures plus running checks fill MAX_FAILED_LOGINS. `busy`: running checks fill it —
     * one may yet be the right password, so the caller waits rather than locking.
     */
    async takeCheck(userId: number, source: string, now: Date): Promise<CheckTake> {
      const at = now.toISOString();
      const stale = new Date(now.getTime() - LOGIN_CHECK_STALE_MS).toISOString();
      const running = sql<number>`(case when login_source_locks.checks_at is null or login_source_locks.checks_at < ${stale} then 0 else login_source_locks.checks end)`;
      const row = await db
        .insertInto('login_source_locks')
        .values({ user_id: userId, source, failures: 0, lockouts: 0, locked_until: null, last_failure_at: at, checks: 1, checks_at: at })
        .onConflict((oc) =>
          oc
            .columns(['user_id', 'source'])
            .doUpdateSet({ checks: sql<number>`${running} + 1`, checks_at: at })
            .where((eb) => eb.or([eb('login_source_locks.locked_until', 'is', null), eb('login_source_locks.locked_until', '<=', at)]))
            .where(sql<number>`login_source_locks.failures + ${running}`, '<', MAX_FAILED_LOGINS),
        )
        .returning('checks')
        .executeTakeFirst();
      if (row) return 'taken';
      const current = await db.selectFrom('login_source_locks').select(['locked_until', 'failures']).where('user_id', '=', userId).where('source', '=', source).executeTakeFirst();
      if (current?.locked_until && current.locked_until > at) return 'locked';
      if (Number(current?.failures ?? 0) >= MAX_FAILED_LOGINS) {
        // A failure reached the budget and its lock is being written: lock (at most once) here too.
        await lock(userId, source, now);
        return 'locked';
      }
      return 'busy';
    },
    /** Ends a taken check; returns the source's failures now counted (a right password clears them and the backoff). */
    async endCheck(userId: number, source: string, end: CheckEnd, now: Date): Promise<number> {
      const checks = sql<number>`case when checks > 0 then checks - 1 else 0 end`;
      const r = await db
        .updateTable('login_source_locks')
        .set(
          end === 'right'
            ? { checks, failures: 0, lockouts: 0 }
            : end === 'wrong'
              ? { checks, failures: sql<number>`failures + 1`, last_failure_at: now.toISOString() }
              : { checks },
        )
        .where('user_id', '=', userId)
        .where('source', '=', source)
        .returning('failures')
        .executeTakeFirst();
      // A source that gets in is forgotten once nothing of it is left running or counted.
      if (end === 'right') {
        await db.deleteFrom('login_source_locks').where('user_id', '=', userId).where('source', '=', source).where('checks', '=', 0).where('failures', '=', 0).execute();
      }
      return Number(r?.failures ?? 0);
    },
    lock,
    async lockedUntil(userId: number, source: string): Promise<string | null> {
      const row = await db.selectFrom('login_source_locks').select('locked_until').where('user_id', '=', userId).where('source', '=', source).executeTakeFirst();
      return row?.locked_until ?? null;
    },
    /** Forgets pairs idle for a day after their lock: the backoff memory of a quiet source ends. */
    async purge(now: Date): Promise<void> {
      const dayAgo = new Date(now.getTime() - 24 * 3600_000).toISOString();
      await db
        .deleteFrom('login_source_locks')
        .where('last_failure_at', '<', dayAgo)
        .where((eb) => eb.or([eb('checks_at', 'is', null), eb('checks_at', '<', dayAgo)]))
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', dayAgo)]))
        .execute();
    },
  };
}
