/**
 * A list's total, counted only up to a cap: counting every one of a million matching rows costs
 * far more than showing a page of them, and nobody pages through ten thousand. The count stops at
 * LIST_COUNT_CAP + 1 rows; beyond the cap the answer is the cap with `capped` set, which the admin
 * app shows as 「10,000+」 (narrow the filters to see exact figures). A cap of
 * Number.MAX_SAFE_INTEGER counts exactly (public pages, whose pagers link every page).
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';

export const LIST_COUNT_CAP = 10_000;

export interface CappedTotal {
  total: number;
  /** More rows match than `total` says. */
  totalCapped: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function cappedCount(db: Kysely<any>, filtered: SelectQueryBuilder<any, any, object>, cap = LIST_COUNT_CAP): Promise<CappedTotal> {
  if (cap >= Number.MAX_SAFE_INTEGER) {
    const exact = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { total: Number(exact.n), totalCapped: false };
  }
  const limited = filtered.select(sql<number>`1`.as('one')).limit(cap + 1);
  const row = await db
    .selectFrom(limited.as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  return { total: Math.min(n, cap), totalCapped: n > cap };
}
