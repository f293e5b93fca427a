/**
 * The SQL that matches a parsed query (search.query.ts) in the index of one database, as
 * `from … where …` fragments that the search (search.repository.ts) counts, ranks or pages.
 *
 * Three sets can be asked for: all hits; `title` hits (every term in the title); and `body`
 * hits (hits whose title does not hold every term), so that a large result can be listed as
 * title hits first and then the others, each newest first (search.newest-first.ts).
 *
 * SQLite: the FTS5 MATCH expression, with a column filter for the title set and NOT for the
 * body set. PostgreSQL: one GIN index (migration 0206) answers bigrams, single characters and
 * words (`tsv`) and 3- or 4-character terms (`gram_tsv`, migration 0203) exactly; only CJK
 * segments longer than four characters are checked on the row's token text. The title set is the
 * AND of the query's tokens in the title's own vector (`title_tsv`, in the same index): for a term of three or
 * more characters that is "its bigrams are all in the title", so in the rare title that holds
 * them apart (信息、息公与公告) PostgreSQL may list the item among title hits where SQLite does not.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { ftsMatch, pgMatch, tsQuery, type ParsedQuery } from './search.query.ts';
import { filterTerms, type SearchFilters } from './search.filters.ts';
import type { SearchCounts } from './search.counts.ts';
import { SEARCH_DOCS_HALVES } from './search.partitions.ts';
import { IN_SAMPLE, sampleVector } from './search.sample-index.ts';

export type { SearchFilters } from './search.filters.ts';

export type HitSet = 'all' | 'title' | 'body';

export interface MatchSql {
  /** The item id expression. */
  id: RawBuilder<unknown>;
  /** Relevance: bm25 on SQLite (lower is better), ts_rank on PostgreSQL (higher is better). */
  score: RawBuilder<unknown>;
  /** `order by` for relevance, best first, ties newest first. */
  order: RawBuilder<unknown>;
  from: RawBuilder<unknown>;
  /** PostgreSQL: `from` over one half of the index table (search.partitions.ts) instead of both. */
  fromHalf?: (half: string) => RawBuilder<unknown>;
  /** PostgreSQL: `fromHalf` over the sample's rows, in the terms of its own index (search.sample.ts). */
  sampleHalf?: (half: string) => RawBuilder<unknown>;
  /**
   * PostgreSQL: set when the match is one whole lexeme of one vector column and nothing else (no
   * prefix, no filter, no condition on the text): its share of the rows is in the planner's
   * statistics (search.counts.ts `statisticsCount`).
   */
  lexeme?: { column: 'tsv' | 'title_tsv' | 'gram_tsv'; text: string };
}

/** The lexeme of a tsquery that is one quoted lexeme (search.query.ts `quoteTs`), else undefined. */
export function oneLexeme(tsquery: string | null): string | undefined {
  const m = tsquery === null ? null : /^'((?:[^'\\]|''|\\\\)*)'$/.exec(tsquery);
  return m ? m[1].replace(/''/g, "'").replace(/\\\\/g, '\\') : undefined;
}

export interface MatchOptions {
  /** PostgreSQL: test the long segments' bigram sequences on the token text (exact; the default). */
  sequences?: boolean;
  /** PostgreSQL: the body set tests "not in the title" on each row (a walk) instead of listing the title hits. */
  titleTestedPerRow?: boolean;
  /**
   * PostgreSQL: only items of this id or newer, a condition of the GIN index when it holds the item
   * id (migration 0249, search.newest-first.ts `newestInRange`). In the title set a 3-character term's
   * prefix of the 4-character pieces is then tested on the rows the index gives: the title's own
   * vector already holds the term's bigrams, and the prefix's every match gathered from the index is
   * most of the work (80 of 81 ms for "石龙区 防汛 预案" in a half of five million items).
   */
  newerThan?: number;
  /**
   * PostgreSQL, title set: the title's own vector alone, without the document's 4-character pieces
   * (a 3-character term's prefix of them decodes every hit of the prefix in the whole index: 87–100
   * of 100 ms a half for the title hits of "石龙区 防汛 预案" in five million items, 27 ms without).
   * A superset of the title set, by the rare title that holds a term's bigrams apart: for the size
   * a plan needs (search.newest-first.ts), never for listing or an exact count.
   */
  titleVectorOnly?: boolean;
}

/**
 * Only published items are in the index, and the filters are terms of their own field
 * (search.filters.ts), so the match reads the index alone. The match conditions come first:
 * PostgreSQL keeps the written order among equally costly conditions.
 */
export function matchSql(db: Kysely<Database>, p: ParsedQuery, f: SearchFilters, set: HitSet = 'all', { sequences = true, titleTestedPerRow = false, newerThan, titleVectorOnly = false }: MatchOptions = {}): MatchSql {
  const filters = filterTerms(f);
  if (dialectOf(db) === 'sqlite') {
    const q = ftsMatch(p);
    // The query reaches the text columns only, never the filter tokens in `meta`.
    const all = `{title body} : (${q})`;
    const title = `title : (${q})`;
    const hits = set === 'all' ? all : set === 'title' ? title : `(${all}) NOT (${title})`;
    const expression = [hits, ...filters.map((g) => `meta : (${g.join(' OR ')})`)].map((e) => `(${e})`).join(' AND ');
    return {
      id: sql`publishing_search_fts.rowid`,
      score: sql`bm25(publishing_search_fts, 10.0, 1.0, 0.0)`,
      order: sql`order by 2 asc, 1 desc`,
      from: sql`from publishing_search_fts where publishing_search_fts match ${expression}`,
    };
  }
  const and = tsQuery(p, false);
  const parts = pgMatch(p);
  const m = titleVectorOnly && set === 'title' ? { ...parts, grams: null } : parts;
  // `vector`: a vector column of the row `alias` as a condition names it (the sample's index holds
  // them stripped, search.sample.ts).
  const on = (alias: string, part: HitSet, vector = (name: string) => sql.raw(`${alias}.${name}`)): RawBuilder<unknown>[] => {
    const d = sql.raw(alias);
    return [
      ...(part === 'title' ? [sql`${vector('title_tsv')} @@ to_tsquery('simple', ${and})`] : []),
      // A title holding every token holds the bigrams, characters and words of `tsv` already.
      ...(m.tsv && part !== 'title' ? [sql`${vector('tsv')} @@ to_tsquery('simple', ${m.tsv})`] : []),
      ...(m.grams ? [gramsPerRow && part === 'title' ? sql`coalesce(${vector('gram_tsv')} @@ ${m.grams}::tsquery, false)` : sql`${vector('gram_tsv')} @@ ${m.grams}::tsquery`] : []),
      ...(sequences ? m.sequences : []).map((t) => sql`strpos(' ' || ${d}.title_tokens || ' ' || ${d}.body_tokens || ' ', ${t}) > 0`),
      // The filter tokens' vector is in the same index (migration 0208).
      ...(filters.length ? [sql`${vector('meta_tsv')} @@ ${filters.map((g) => `(${g.join(' | ')})`).join(' & ')}::tsquery`] : []),
      ...(newerThan !== undefined ? [sql`${d}.item_id >= ${newerThan}`] : []),
    ];
  };
  // `coalesce` keeps the planner from making the test a condition of the index.
  const gramsPerRow = newerThan !== undefined && m.grams !== null && m.grams.includes(':*');
  // The body set is the hits less the title hits, both read from the GIN index: testing "not in
  // the title" on each hit decodes its title vector (455 ms for the 20,983 hits of "安全生产 整改"
  // in 200,000 items, measured when that vector was kept out of line), the ids of the title hits
  // are a small hashed list.
  // A walk of the newest rows (search.newest-first.ts) tests only the rows it passes, and may not
  // use the GIN index for the list (bitmap scans are off then: the list would be a scan of every
  // row's title vector, 0.8 s for 200,000 items), so it tests "not in the title" on each row.
  const notInTitle = titleTestedPerRow
    ? sql`not (d.title_tsv @@ to_tsquery('simple', ${and}))`
    : sql`d.item_id not in (select t.item_id from publishing_search_docs t where ${sql.join(on('t', 'title'), sql` and `)})`;
  const conditions = set === 'body' ? [...on('d', 'all'), notInTitle] : on('d', set);
  // The sets whose match can be one lexeme: the title set tests the title vector (and the grams
  // of a longer term), the whole set one of `tsv` or `gram_tsv`; the body set never.
  const sole = (column: 'tsv' | 'title_tsv' | 'gram_tsv', tsquery: string | null) => {
    const text = oneLexeme(tsquery);
    return text === undefined ? undefined : { column, text };
  };
  const alone = !filters.length && !(sequences && m.sequences.length) && newerThan === undefined;
  const lexeme = !alone || set === 'body' ? undefined
    : set === 'title' ? (m.grams ? undefined : sole('title_tsv', and))
    : m.tsv && m.grams ? undefined : m.tsv ? sole('tsv', m.tsv) : sole('gram_tsv', m.grams);
  const where = sql.join(conditions, sql` and `);
  const sampled = set === 'body' ? undefined : sql.join([...on('d', set, sampleVector), IN_SAMPLE], sql` and `);
  return {
    lexeme,
    id: sql`d.item_id`,
    score: sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, to_tsquery('simple', ${and}))`,
    order: sql`order by 2 desc, 1 desc`,
    from: sql`from publishing_search_docs d where ${where}`,
    fromHalf: (half) => sql`from ${sql.table(half)} d where ${where}`,
    sampleHalf: sampled && ((half) => sql`from ${sql.table(half)} d where ${sampled}`),
  };
}

/**
 * PostgreSQL: does the query have a CJK segment longer than four characters? Its exact match
 * reads each candidate's out-of-line token text (about 3 s for 350,000 candidates in a million
 * items), so a large result counts it as the AND of its 4-character pieces instead (search.repository.ts).
 */
export function hasLongSegments(db: Kysely<Database>, p: ParsedQuery): boolean {
  return dialectOf(db) === 'postgres' && pgMatch(p).sequences.length > 0;
}

export async function countHits(db: Kysely<Database>, m: MatchSql): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n ${m.from}`.execute(db)).rows[0]?.n ?? 0);
}

/**
 * PostgreSQL: the settings of a search's read transaction (search.repository.ts `withIndexScans`
 * says why), and `extra`, as `set_config(…, true)` calls (`set local`) for one statement.
 */
export function searchSettings(extra: [string, string][] = []): RawBuilder<unknown> {
  const settings: [string, string][] = [['enable_seqscan', 'off'], ['jit', 'off'], ['work_mem', '64MB'], ['max_parallel_workers_per_gather', '0'], ...extra];
  return sql.join(settings.map(([name, value]) => sql`set_config(${name}, ${value}, true)`));
}

/**
 * Runs a compiled statement on a second connection, with the search's settings; undefined when
 * none is idle (then the search's own connection runs it). Made by the search (search.repository.ts).
 */
export type BesideRunner = (statement: { sql: string; parameters: readonly unknown[] }) => Promise<unknown[] | undefined>;

/**
 * PostgreSQL: the number of rows the GIN index gives for the match, read from the plans of queries
 * that stop at their first row, one per half of the index table (over both, the plan would stop in
 * the first half): each half's bitmap is made whole, but no table page is read beyond one. It is
 * the exact count of the hits but for rows deleted or replaced since the last vacuum (withdrawn,
 * re-indexed), which the index still holds until then. PostgreSQL 15 reads every table page
 * holding a hit to count hits (to see each row is visible): about 25,000 pages for the 580,000
 * hits of "公开" in a million items, where the index's count reads none.
 * Making a half's bitmap is work for one core (about 100 ms for the 550,000 hits a half of
 * "财政 预算 执行" in five million items): with `beside`, the second half is counted on another
 * connection at the same time as the first.
 * Undefined when the match is not answered by one index alone (a condition left to the rows).
 */
export async function indexedCount(db: Kysely<Database>, m: MatchSql, beside?: BesideRunner): Promise<number | undefined> {
  if (!m.fromHalf) return undefined;
  const fromHalf = m.fromHalf;
  const explain = (half: string) => sql<{ 'QUERY PLAN': unknown }>`explain (analyze, timing off, summary off, format json) select 1 ${fromHalf(half)} limit 1`;
  const [first, ...rest] = SEARCH_DOCS_HALVES;
  // Started before the first half is counted here, and settled before returning. A half the
  // other connection could not count (it was closed, the server restarted it) is counted here.
  const elsewhere = rest.map((half) => (beside ? beside(explain(half).compile(db)) : Promise.resolve(undefined)).catch(() => undefined));
  // A plain index scan of the item ids, testing each row, would find a first row sooner.
  await sql`set local enable_indexscan = off`.execute(db);
  try {
    const here = async (half: string): Promise<unknown[]> => (await explain(half).execute(db)).rows;
    const plans = [await here(first).finally(() => Promise.all(elsewhere))];
    for (const [i, half] of rest.entries()) plans.push((await elsewhere[i]) ?? (await here(half)));
    const counts = plans.map((rows) => indexRowsOf((rows[0] as { 'QUERY PLAN'?: unknown } | undefined)?.['QUERY PLAN']));
    return counts.includes(undefined) ? undefined : counts.reduce<number>((a, n) => a + n!, 0);
  } finally {
    await sql`set local enable_indexscan = on`.execute(db);
  }
}

interface PlanNode {
  'Node Type'?: string;
  'Actual Rows'?: number;
  Filter?: string;
  Plans?: PlanNode[];
}

/** The row count of a plan Limit → Bitmap Heap Scan (no filter) → Bitmap Index Scan, else undefined. */
function indexRowsOf(explained: unknown): number | undefined {
  const doc = (typeof explained === 'string' ? JSON.parse(explained) : explained) as { Plan?: PlanNode }[];
  const limit = doc?.[0]?.Plan;
  const heap = limit?.['Node Type'] === 'Limit' && limit.Plans?.length === 1 ? limit.Plans[0] : undefined;
  if (heap?.['Node Type'] !== 'Bitmap Heap Scan' || heap.Filter !== undefined || heap.Plans?.length !== 1) return undefined;
  const index = heap.Plans[0];
  return index['Node Type'] === 'Bitmap Index Scan' && typeof index['Actual Rows'] === 'number' ? index['Actual Rows'] : undefined;
}

/**
 * PostgreSQL: the number of hits, exact up to `exactUpTo`; beyond, the index's count
 * (`indexedCount`, or `known` when the caller has it), marked as an estimate.
 */
export async function countOrEstimate(counts: SearchCounts, m: MatchSql, exactUpTo: number, known?: number): Promise<{ n: number; estimated: boolean }> {
  const indexed = known ?? (await counts.indexed(m));
  if (indexed === undefined || indexed <= exactUpTo) return { n: await counts.hits(m), estimated: false };
  return { n: indexed, estimated: true };
}

/** The number of hits, counting no further than `cap` (SQLite stops reading the index there). */
export async function countHitsUpTo(db: Kysely<Database>, m: MatchSql, cap: number): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n from (select 1 ${m.from} limit ${cap}) capped`.execute(db)).rows[0]?.n ?? 0);
}
