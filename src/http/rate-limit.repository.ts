/**
 * Counters of the rate limits, one row per limit and client key. A hit is one atomic upsert
 * (`count + 1 … RETURNING`), so parallel requests cannot all pass, and every process sees the
 * same count. A row is only ever dropped after its window ended: no number of other addresses
 * resets a running counter (an in-memory table that empties itself when full would).
 */
import { sql, type Kysely, type QueryCreator } from 'kysely';
import type { Database } from '../db/database.ts';

/** A counter a statement counts a hit on: its key and its window's length. */
export interface Counter {
  key: string;
  windowMs: number;
}

/**
 * The upsert counting one hit for each of `counters`, returning each key's hits in its current
 * window (`count`) and when that window began: on its own (`hitAll`) or as a CTE of a caller's
 * statement (intake, applications.repository.ts).
 */
export function countHits(qc: QueryCreator<Database>, counters: readonly Counter[], now: Date) {
  const at = now.toISOString();
  // Each key's window ends at its own cutoff.
  const cutoff = sql<string>`case ${sql.join(counters.map((c) => sql`when rate_limits.key = ${c.key} then ${new Date(now.getTime() - c.windowMs).toISOString()}`), sql` `)} end`;
  return qc
    .insertInto('rate_limits')
    .values(counters.map((c) => ({ key: c.key, window_start: at, count: 1 })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start <= ${cutoff} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start <= ${cutoff} then ${at} else rate_limits.window_start end`,
      }),
    )
    .returning(['key', 'count', 'window_start']);
}

/** Hits per key in its current window, and when that window began. */
export type HitCounts = Map<string, { count: number; windowStart: string }>;

export function hitCountsOf(rows: ReadonlyArray<{ key: string; count: number | string; window_start: string }>): HitCounts {
  return new Map(rows.map((r) => [r.key, { count: Number(r.count), windowStart: r.window_start }]));
}

export function createRateLimitRepository({ db }: { db: Kysely<Database> }) {
  /** Counts one hit for each key in one statement (one round trip for a form's two limits). */
  async function hitAll(counters: readonly Counter[], now: Date): Promise<HitCounts> {
    return hitCountsOf(await countHits(db, counters, now).execute());
  }

  return {
    hitAll,
    /** Counts one hit for `key`; returns the hits in its current window and when that window began. */
    async hit(key: string, now: Date, windowMs: number): Promise<{ count: number; windowStart: string }> {
      return (await hitAll([{ key, windowMs }], now)).get(key)!;
    },
    /** Takes back one hit (a submission that was not accepted, or one refused as over the limit). */
    async giveBack(key: string): Promise<void> {
      await db.updateTable('rate_limits').set({ count: sql<number>`count - 1` }).where('key', '=', key).where('count', '>', 0).execute();
    },
    /** Drops rows whose window ended before `before` (they would restart at 1 anyway). */
    async purge(prefix: string, before: Date): Promise<void> {
      await db.deleteFrom('rate_limits').where('key', 'like', `${prefix}:%`).where('window_start', '<=', before.toISOString()).execute();
    },
  };
}
