/**
 * PostgreSQL: a page of a ranked result (search.repository.ts) that the title hits fill, ranked
 * among the title hits alone. Ranking decodes every hit's vector (`ts_rank` on `tsv`, kept in the
 * row since migration 0251): the title hits are a fraction of the table pages and vectors. When the
 * vector was kept out of line that was about 0.25 ms a hit from disk, 540 of the 600 ms of
 * "张庄｜2022年" (2,200 hits, five million items); its 500 title hits alone took 155 ms.
 *
 * Exact for a query of one lexeme (a two-character term): `ts_rank` with the weights of
 * search.match.ts (A = 1.0 for the title's positions, D = 0.1 for the body's) and no normalization
 * scores one term as (w + Σ wⱼ/j² − w/k²) / (π²/6), w the largest weight among its positions
 * and k the place of its first occurrence with that weight: at least 1/(π²/6) ≈ 0.61 when the title holds
 * the term (w = 1.0), at most 0.1 · (1 + π²/6) / (π²/6) ≈ 0.16 when only the body does. So every
 * title hit ranks above every other hit, and the first pages are the title hits' own first pages.
 * A query of several lexemes is ranked otherwise (by their distances), and is left to the full ranking.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { matchSql, oneLexeme, type SearchFilters } from './search.match.ts';
import { tsQuery, type ParsedQuery } from './search.query.ts';
import type { SearchCounts } from './search.counts.ts';

/** The ids of the page, best first, when the title hits fill it; else undefined (rank every hit). */
export async function titleHitsPage(db: Kysely<Database>, counts: SearchCounts, p: ParsedQuery, f: SearchFilters, offset: number, limit: number): Promise<number[] | undefined> {
  if (dialectOf(db) !== 'postgres' || limit <= 0 || oneLexeme(tsQuery(p, false)) === undefined) return undefined;
  const title = matchSql(db, p, f, 'title');
  // The index's count, from the index alone, says whether the title hits can fill the page.
  const titleHits = await counts.indexed(title);
  if (titleHits === undefined || titleHits < offset + limit) return undefined;
  const rows = await sql<{ id: number }>`select ${title.id} as id, ${title.score} as score ${title.from} ${title.order} limit ${limit} offset ${offset}`.execute(db);
  // That count may still hold rows withdrawn since the last vacuum: a page they leave short is ranked in full.
  return rows.rows.length === limit ? rows.rows.map((r) => Number(r.id)) : undefined;
}
