/**
 * The order of a large result: items whose title holds every term first, then the others,
 * each newest first (highest id). Ranking every hit by relevance costs time in proportion to
 * the hits (bm25 or ts_rank reads each hit's positions or vector: about 0.6 s for the 600,000
 * hits of "公开" in a million items), while "newest first" lets the database walk its index
 * from the newest end and stop after one page. For a term that common, relevance among the
 * hits that do not have it in the title says little, and a reader of a government site looks
 * for the recent notice. Small results are ranked by relevance instead (search.repository.ts).
 *
 * Both databases list a large result in the same order (see search.match.ts for the one rare
 * exception in the title set).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { countHits, countHitsUpTo, matchSql, type MatchSql, type SearchFilters } from './search.match.ts';
import type { ParsedQuery } from './search.query.ts';

/**
 * PostgreSQL: a title set at most this large is read from the GIN index and sorted; a larger one
 * is found by walking the primary key from the newest end, testing each row's title vector
 * (at least one row in this many hits, so a page costs at most a few thousand cheap tests).
 */
const PG_TITLE_WALK_FROM = 5_000;

async function newestIds(db: Kysely<Database>, m: MatchSql, offset: number, limit: number, walk: boolean): Promise<number[]> {
  if (limit <= 0) return [];
  const page = sql<{ id: number }>`select ${m.id} as id ${m.from} order by 1 desc limit ${limit} offset ${offset}`;
  if (dialectOf(db) === 'sqlite') return (await page.execute(db)).rows.map((r) => Number(r.id));
  // The planner would choose between the two ways from its statistics of lexemes, which for a
  // rare lexeme are guesses; the counts are known here, so the choice is made here. Either way
  // the query and its result are the same; only the plan differs.
  await sql.raw(`set local enable_bitmapscan = ${walk ? 'off' : 'on'}`).execute(db);
  await sql.raw(`set local enable_indexscan = ${walk ? 'on' : 'off'}`).execute(db);
  try {
    return (await page.execute(db)).rows.map((r) => Number(r.id));
  } finally {
    await sql`set local enable_bitmapscan = on`.execute(db);
    await sql`set local enable_indexscan = on`.execute(db);
  }
}

/** Ids of the hits at `offset … offset + limit` in the order described above. */
export async function newestFirstPage(db: Kysely<Database>, p: ParsedQuery, f: SearchFilters, offset: number, limit: number): Promise<number[]> {
  const title = matchSql(db, p, f, 'title');
  // PostgreSQL first counts the title set from its GIN index, no further than the walk limit, to
  // choose the plan; the count is needed otherwise only when the title hits end before the page.
  const seen = dialectOf(db) === 'postgres' ? await countHitsUpTo(db, title, PG_TITLE_WALK_FROM + 1) : 0;
  const titleIds = await newestIds(db, title, offset, limit, seen > PG_TITLE_WALK_FROM);
  if (titleIds.length === limit) return titleIds;
  const titleTotal = titleIds.length ? offset + titleIds.length : seen && seen <= PG_TITLE_WALK_FROM ? seen : await countHits(db, title);
  // The body set cannot be read from an index (it is "not in the title"), so it is walked; in a
  // large result it is usually most of the hits, so the walk meets one soon.
  const bodyIds = await newestIds(db, matchSql(db, p, f, 'body'), Math.max(0, offset - titleTotal), limit - titleIds.length, true);
  return [...titleIds, ...bodyIds];
}
