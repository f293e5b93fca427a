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
import { matchSql, type MatchSql, type SearchFilters } from './search.match.ts';
import type { SearchCounts } from './search.counts.ts';
import type { ParsedQuery } from './search.query.ts';
import { indexRows } from './search.partitions.ts';

async function pageOf(db: Kysely<Database>, m: MatchSql, offset: number, limit: number): Promise<number[]> {
  return (await sql<{ id: number }>`select ${m.id} as id ${m.from} order by 1 desc limit ${limit} offset ${offset}`.execute(db)).rows.map((r) => Number(r.id));
}

/** The newest range looked in first holds about this many times the page's reach, if the hits are spread evenly. */
const RANGE_MARGIN = 3;
/** A range the page did not fill is widened this many times, once, before the whole set is sorted. */
const RANGE_WIDENING = 8;

/**
 * PostgreSQL: the newest item id in the search index when its GIN index holds the item ids
 * (migration 0249: the btree_gin extension could be created), else undefined. Read with index scans
 * allowed: without them `max` is a scan of every row (1.2 s at five million items).
 */
export async function newestIndexedId(db: Kysely<Database>): Promise<number | undefined> {
  const r = await sql<{ top: number | null; holds: boolean }>`select (select max(item_id) from publishing_search_docs) as top,
    exists (select 1 from pg_index i
      join pg_class c on c.oid = i.indexrelid
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
    where c.relname = 'publishing_search_docs_match' and c.relnamespace = current_schema()::regnamespace
      and a.attname = 'item_id') as holds`.execute(db);
  const row = r.rows[0];
  return row?.holds && row.top !== null ? Number(row.top) : undefined;
}

/**
 * PostgreSQL: the page of a set sorted newest first from its GIN index, looked for among the newest
 * ids only. Sorting the whole set reads a table row for every hit to learn its id: the 12,569 title
 * hits of "石龙区 防汛 预案" (five million items) are 12,569 table pages, about 200 ms though all are
 * in the file cache. When the index holds the item id (migration 0249), a range of the newest ids
 * is a condition of the index itself, and only the hits in it are read: a range where a set of
 * `hits` spread evenly over the ids would have RANGE_MARGIN times the page's reach, then one
 * RANGE_WIDENING times wider, below `top`, the newest id (`newestIndexedId`). A page full from a
 * range is the page of the whole set: every hit outside it is older than every hit in it.
 * Undefined when neither range fills the page (the newest hits are fewer than the even spread
 * suggests) or a range would hold every id: then the whole set is sorted.
 */
export async function newestInRange(db: Kysely<Database>, within: (newerThan: number) => MatchSql, hits: number, top: number, offset: number, limit: number): Promise<number[] | undefined> {
  let span = Math.ceil((RANGE_MARGIN * (offset + limit) * top) / Math.max(1, hits));
  for (let tries = 0; tries < 2 && span < top; tries++, span *= RANGE_WIDENING) {
    const ids = await pageOf(db, within(top - span), offset, limit);
    if (ids.length === limit) return ids;
  }
  return undefined;
}

/** What `newestIds` needs to look in a range of the newest ids first (`newestInRange`). */
interface NewestRange {
  /** The set's size. */
  hits: number;
  /** The set's match within the ids from `newerThan` on. */
  within: (newerThan: number) => MatchSql;
  /** `newestIndexedId`, read once for the page's title and body sets. */
  top: () => Promise<number | undefined>;
}

/**
 * Ids of the set `m` at `offset … offset + limit`, newest first: on PostgreSQL by walking the item
 * ids from the newest end (`walk`) or from its GIN index, first in a range of the newest ids when
 * `range` is given.
 */
async function newestIds(db: Kysely<Database>, m: MatchSql, offset: number, limit: number, walk: boolean, range?: NewestRange): Promise<number[]> {
  if (limit <= 0) return [];
  if (dialectOf(db) === 'sqlite') return pageOf(db, m, offset, limit);
  const top = !walk && range ? await range.top() : undefined;
  // The planner would choose between the two ways from its statistics of lexemes, which for a
  // rare lexeme are guesses; the counts are known here, so the choice is made here. Either way
  // the query and its result are the same; only the plan differs.
  await sql.raw(`set local enable_bitmapscan = ${walk ? 'off' : 'on'}`).execute(db);
  await sql.raw(`set local enable_indexscan = ${walk ? 'on' : 'off'}`).execute(db);
  try {
    const ranged = range && top !== undefined ? await newestInRange(db, range.within, range.hits, top, offset, limit) : undefined;
    return ranged ?? (await pageOf(db, m, offset, limit));
  } finally {
    await sql`set local enable_bitmapscan = on`.execute(db);
    await sql`set local enable_indexscan = on`.execute(db);
  }
}

/**
 * PostgreSQL: up to this many times `walkFrom` hits (50,000 for the usual 5,000), the body set is
 * read from the GIN index (the hits, less the title hits tested row by row) and sorted; beyond, it
 * is walked. A sparse set walked from the newest end passes many rows per hit, each with its
 * out-of-line vectors to test: "石发展〔2020〕1" (8,000 candidates of a million items) took 0.45 s a
 * page that way, 0.12 s sorted.
 */
const PG_BODY_SORT_FACTOR = 10;

/**
 * PostgreSQL: a title set larger than the walk limit is still read from its GIN index and sorted
 * when that costs less than the walk. A walk tests about (offset + limit) × rows / hits rows, each
 * test reading the row's out-of-line title vector; the sort reads each hit's row once from the
 * bitmap, about a tenth of a test. "政府信息" among normative documents (7,000 title hits of a
 * million items, one row in 140) walked some 14,000 rows for page 10.
 */
const PG_WALK_COST_RATIO = 10;

export function walkIsCheaper(hits: number, reach: number, rows: number): boolean {
  return hits * hits > PG_WALK_COST_RATIO * reach * rows;
}

/**
 * The title set's size as far as the plan needs it: the index's count of the title's own vector
 * (`sized`, search.match.ts `titleVectorOnly`) when the index answers that match alone — which may
 * still hold withdrawn rows, and titles holding a term's bigrams apart: `exact` false — else the
 * exact count of the set `title` up to `walkFrom`.
 * The exact count, which reads a table page per hit (45 ms for the 2,200 title hits of "石龙区 防汛
 * 预案", a million items), is made only when the title hits end before the page.
 */
async function titleCount(counts: SearchCounts, title: MatchSql, sized: MatchSql, walkFrom: number): Promise<{ n: number; exact: boolean }> {
  const indexed = await counts.indexed(sized);
  if (indexed !== undefined) return { n: indexed, exact: false };
  return { n: await counts.upTo(title, walkFrom + 1), exact: true };
}

/**
 * Ids of the hits at `offset … offset + limit` in the order described above. On PostgreSQL a title
 * set of at most `walkFrom` hits is read from its GIN index and sorted; a larger one likewise
 * unless walking the primary key from the newest end, testing each row's title vector, costs less
 * (`walkIsCheaper`: with 50,000 title hits in a million items, one row in 20 is a hit, and a page
 * costs a few hundred tests).
 * `hits`, the size of the whole result when known, chooses the plan of the body set likewise;
 * `counts` makes (or finds kept) the title set's counts.
 */
export async function newestFirstPage(
  db: Kysely<Database>,
  p: ParsedQuery,
  f: SearchFilters,
  page: { offset: number; limit: number },
  plan: { walkFrom: number; hits?: number; counts: SearchCounts },
): Promise<number[]> {
  const { offset, limit } = page;
  const title = matchSql(db, p, f, 'title');
  // PostgreSQL first counts the title set from its GIN index to choose the plan; the exact count
  // is needed only when the title hits end before the page.
  // The count is skipped when a title set as large as the whole result would be sorted anyway
  // (the title hits are among the hits, and a walk only pays for a large set): it is a pass over
  // the posting lists that the sort makes again, 55–65 ms of "公务员 招录 公告" (21,971 hits, 5,011
  // of them title hits, a million items).
  // The index's size is needed only for a set that could be walked (a result known to be within
  // the walk limit never is).
  const pg = dialectOf(db) === 'postgres';
  const rows = pg && (plan.hits === undefined || plan.hits > plan.walkFrom) ? await indexRows(db) : undefined;
  const sortedAnyway = plan.hits !== undefined && rows !== undefined && !walkIsCheaper(plan.hits, offset + limit, rows);
  const seen = pg && !sortedAnyway ? await titleCount(plan.counts, title, matchSql(db, p, f, 'title', { titleVectorOnly: true }), plan.walkFrom) : undefined;
  const walk = seen !== undefined && seen.n > plan.walkFrom && (rows === undefined || walkIsCheaper(seen.n, offset + limit, rows));
  let newest: Promise<number | undefined> | undefined;
  const rangeOf = (set: 'title' | 'body', hits: number): NewestRange => ({
    hits,
    within: (newerThan) => matchSql(db, p, f, set, { newerThan }),
    top: () => (newest ??= newestIndexedId(db)),
  });
  const titleIds = await newestIds(db, title, offset, limit, walk, seen && rangeOf('title', seen.n));
  if (titleIds.length === limit) return titleIds;
  const titleTotal = titleIds.length ? offset + titleIds.length : seen?.exact && seen.n <= plan.walkFrom ? seen.n : await plan.counts.hits(title);
  // The body set cannot be read from an index alone (it is "not in the title"); in a large result
  // it is usually most of the hits, so a walk meets one soon.
  // A set the walk meets often enough is walked (`walkIsCheaper`, as the title set): "安全生产 整改",
  // 20,983 hits of 200,000 items and none in a title, sorted all its hits for page 1 (40–50 ms).
  const bodyOffset = Math.max(0, offset - titleTotal);
  const bodyLimit = limit - titleIds.length;
  const bodyHits = plan.hits === undefined ? undefined : plan.hits - titleTotal;
  const bodyRows = bodyHits !== undefined && bodyHits > plan.walkFrom ? rows : undefined;
  const walkBody = bodyHits === undefined || bodyHits > PG_BODY_SORT_FACTOR * plan.walkFrom
    || (bodyRows !== undefined && bodyHits > plan.walkFrom && walkIsCheaper(bodyHits, bodyOffset + bodyLimit, bodyRows));
  const bodyRange = bodyHits === undefined ? undefined : rangeOf('body', bodyHits);
  const bodyIds = await newestIds(db, matchSql(db, p, f, 'body', { titleTestedPerRow: walkBody }), bodyOffset, bodyLimit, walkBody, bodyRange);
  return [...titleIds, ...bodyIds];
}
