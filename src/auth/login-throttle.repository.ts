/**
 * Per-address login throttle, in the database so that every app process shares it. An attempt
 * takes a slot before the password is checked (so a burst of parallel requests cannot all be
 * checked) and gives it back when it succeeds; only failures stay counted.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

export const IP_MAX_FAILURES = 20;
export const IP_WINDOW_MINUTES = 15;

export function createLoginThrottleRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Takes one slot for `key`; returns the slots now used in the current window. */
    async take(key: string, now: Date): Promise<number> {
      const at = now.toISOString();
      const cutoff = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000).toISOString();
      const row = await db
        .insertInto('login_throttle')
        .values({ key, window_start: at, failures: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: sql<number>`case when login_throttle.window_start < ${cutoff} then 1 else login_throttle.failures + 1 end`,
            window_start: sql<string>`case when login_throttle.window_start < ${cutoff} then ${at} else login_throttle.window_start end`,
          }),
        )
        .returning('failures')
        .executeTakeFirstOrThrow();
      return Number(row.failures);
    },
    async giveBack(key: string): Promise<void> {
      await db.updateTable('login_throttle').set({ failures: sql<number>`failures - 1` }).where('key', '=', key).where('failures', '>', 0).execute();
    },
    /** Drops windows that ended: the table holds only addresses seen in the last window. */
    async purge(now: Date): Promise<void> {
      await db.deleteFrom('login_throttle').where('window_start', '<', new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000).toISOString()).execute();
    },
  };
}
