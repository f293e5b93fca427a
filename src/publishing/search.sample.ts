/**
 * PostgreSQL: the size of a very large result estimated from a sample of the search table — one
 * item in SAMPLE_RATIO, chosen by a hash of its id, whose vectors are also in a small partial GIN
 * index (migration 0250, search.sample-index.ts). The planner's statistics know the share of a
 * single common lexeme (search.counts.ts `statisticsCount`), not that of a prefix or of several
 * terms: "石龙区" is the prefix of every 4-character piece it begins, and the index's count decoded
 * all 968,000 of its hits in five million items (about 100 ms a half, cold or warm), where the
 * sample's count decodes one in 32 (a few milliseconds; 486,336 for the 483,554 hits of a half).
 *
 * The estimate is the sample's hits times SAMPLE_RATIO, to three significant figures. Its standard
 * error is about 1/√(sample hits) of it: at least SAMPLE_HITS_FROM hits keeps it near 3 % at most,
 * and at the estimate's own threshold (STATISTICS_COUNT_FROM, 100,000 hits: 3,125 sample hits)
 * under 2 %. Such a count is an estimate anyway (search.repository.ts EXACT_COUNT_LIMIT).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { indexedCount, type MatchSql } from './search.match.ts';
import { SAMPLE_RATIO } from './search.sample-index.ts';

/** Fewest sample hits an estimate stands on. */
export const SAMPLE_HITS_FROM = 1_000;

export interface EstimateLimits {
  /** Fewest hits estimated (STATISTICS_COUNT_FROM); a smaller result is counted from the full index. */
  from: number;
  /** Fewest sample hits an estimate stands on (SAMPLE_HITS_FROM; tests lower it). */
  sampleHitsFrom: number;
}

/**
 * The estimated hits of `m`, or undefined when the sample cannot tell (a match not answered by
 * the index alone) or the result is below the limits.
 */
export async function sampleCount(db: Kysely<Database>, m: MatchSql, limits: EstimateLimits): Promise<number | undefined> {
  if (!m.sampleHalf) return undefined;
  const n = await indexedCount(db, { ...m, fromHalf: m.sampleHalf });
  if (n === undefined || n < limits.sampleHitsFrom || n * SAMPLE_RATIO < limits.from) return undefined;
  return roughly(n * SAMPLE_RATIO);
}

/** `n` to three significant figures: a count from a sample claims no more. */
export function roughly(n: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, n))) - 2);
  return Math.round(n / unit) * unit;
}
