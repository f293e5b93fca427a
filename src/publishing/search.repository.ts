/**
 * Full-text search of published items: exactly the published items that contain every term,
 * the same hits on SQLite and PostgreSQL, and the same counts but for estimates marked as such
 * (`estimated`). The index match (search.match.ts) is exact for terms of one segment; candidates
 * of other terms are verified against the stored text.
 *
 * Order: a result of at most RANK_LIMIT hits is ranked by relevance: bm25 with the title
 * weighted 10:1 (SQLite FTS5); on PostgreSQL ts_rank with title weight A = 1.0 and body weight
 * D = 0.1, the closest built-in equivalent; ties newest first. A larger result is listed title
 * hits first, then newest first (search.newest-first.ts), the same on both databases: ranking
 * costs time in proportion to the hits, this order one page.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { parseQuery, snippet, textMatches, type ParsedQuery } from './search.query.ts';
import { verificationText } from './search.index.ts';
import { countOrEstimate, hasLongSegments, matchSql, searchSettings, type BesideRunner, type SearchFilters } from './search.match.ts';
import { besideOn, ESTIMATE_LIMITS, keptCounts, searchIndexVersion, uncachedCounts, type SearchCounts } from './search.counts.ts';
import type { EstimateLimits } from './search.sample.ts';
import { newestFirstPage } from './search.newest-first.ts';
import { titleHitsPage } from './search.title-first.ts';

export type { SearchFilters } from './search.match.ts';

export interface SearchHit {
  id: number;
  title: string;
  indexNo: string;
  docNumber: string;
  publishDate: string | null;
  kind: string;
  columnId: number;
  organizationId: number;
  publisherName: string;
  snippet: { text: string; hit: boolean }[];
}

export interface SearchResult {
  query: string;
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  /**
   * 'relevance' for a ranked result; 'date' for one listed by publication date on request;
   * 'newest' for a large one (title hits first, newest first).
   */
  order: 'relevance' | 'date' | 'newest';
  /**
   * True when `total` is an estimate: a large result of a term of several segments ("2022年"),
   * whose candidates are too many to verify one by one (the candidates' count scaled by the share
   * of the examined candidates that contain the query), or, on PostgreSQL, of a CJK segment longer
   * than four characters (the count of items holding all its 4-character pieces), or of more than
   * EXACT_COUNT_LIMIT hits (the GIN index's count, which may still hold rows withdrawn since the
   * last vacuum; for a term of one common lexeme, from the planner's statistics, and for another
   * term in more than STATISTICS_COUNT_FROM items, from a sample of the index, both to three
   * significant figures: search.counts.ts `statisticsCount`, search.sample.ts). The hits listed
   * are always exact.
   */
  estimated: boolean;
}

export interface SearchInput {
  q: string;
  filters?: SearchFilters;
  page?: number;
  pageSize?: number;
  /** Largest result ranked by relevance (tests lower it to reach the large-result order). */
  rankLimit?: number;
  /** PostgreSQL: largest count made exactly (EXACT_COUNT_LIMIT; tests lower it). */
  exactCountLimit?: number;
  /**
   * PostgreSQL: the fewest hits counted from the planner's statistics (a term of one lexeme) or
   * from the sample of the index (search.counts.ts STATISTICS_COUNT_FROM; tests lower it).
   */
  statisticsCountFrom?: number;
  /** PostgreSQL: the fewest sample hits an estimate stands on (search.sample.ts SAMPLE_HITS_FROM; tests lower it). */
  sampleHitsFrom?: number;
  /**
   * 'date': a result of at most the rank limit listed by publication date, newest first, instead
   * of by relevance. A larger result is listed newest first anyway (title hits first).
   */
  sort?: 'relevance' | 'date';
}

export const RANK_LIMIT = 5_000;
/**
 * PostgreSQL: a result of more hits is counted by its GIN index alone (search.match.ts
 * `indexedCount`) and the count marked as an estimate. Counting exactly reads every table page
 * holding a hit, which for a term in most items is every page of the index table.
 */
export const EXACT_COUNT_LIMIT = 10_000;
const VERIFY_BATCH = 500;
/** Candidates of a large multi-segment result verified for one page (about 0.15 s on SQLite). */
const VERIFY_BUDGET = 500;

/** `ids` ordered by publication date, newest first (ties: newest entry first), then paged. */
async function byDate(db: Kysely<Database>, ids: number[], offset: number, limit: number): Promise<number[]> {
  if (!ids.length) return [];
  const rows = [];
  for (let i = 0; i < ids.length; i += VERIFY_BATCH) {
    rows.push(...(await db.selectFrom('publishing_items').select(['id', 'publish_date']).where('id', 'in', ids.slice(i, i + VERIFY_BATCH)).execute()));
  }
  rows.sort((a, b) => (b.publish_date ?? '').localeCompare(a.publish_date ?? '') || b.id - a.id);
  return rows.slice(offset, offset + limit).map((r) => r.id);
}

async function textsOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, string>> {
  const items = await db.selectFrom('publishing_items').select(['id', 'title', 'doc_number', 'body_text']).where('id', 'in', ids).execute();
  const atts = await db.selectFrom('publishing_attachments').select(['item_id', 'text_content']).where('item_id', 'in', ids).orderBy('id').execute();
  const out = new Map<number, string>();
  for (const it of items) {
    const attachmentTexts = atts.filter((a) => a.item_id === it.id).map((a) => a.text_content);
    out.set(it.id, verificationText({ title: it.title, docNumber: it.doc_number, bodyText: it.body_text, attachmentTexts }));
  }
  return out;
}

/**
 * On PostgreSQL, runs `fn` in a read transaction without sequential scans, without JIT and with
 * room for exact bitmaps. The GIN index answers the AND of lexemes exactly, so counting hits reads
 * the index and the hits' table rows (for visibility), never a vector decoded (measured 565 ms →
 * 86 ms for a 67,000-hit count); the planner, not modelling the vectors' cost, would otherwise
 * scan every row. A bitmap that outgrew work_mem would turn lossy and make every row of its pages be
 * checked again.
 */
async function withIndexScans<T>(db: Kysely<Database>, fn: (db: Kysely<Database>, version: number | null | undefined) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres' || db.isTransaction) return fn(db, undefined);
  return db.transaction().execute(async (trx) => {
    // All four settings in one statement (`set_config(…, true)` is `set local`): one round trip
    // instead of four, each of which held the connection idle in its transaction while the
    // process was busy with other requests (load bench). The index's version (search.counts.ts)
    // is read by the same statement, before any count.
    // The rank expression, costed for every hit, would trigger JIT compilation: about 140 ms of
    // a 67,000-hit query, for nothing.
    // A walk of the newest rows that expects few hits looked costly enough for parallel workers,
    // whose start took most of the time: "营商环境", title hits newest first, 339 ms with two
    // workers and 0.7 ms without (200,000 items). A search is small work done often.
    const settings = await sql<{ version: string | null }>`select ${searchSettings()}, ${searchIndexVersion()} as version`.execute(trx);
    const version = settings.rows[0]?.version;
    return fn(trx, version === null || version === undefined ? null : Number(version));
  });
}

/**
 * The counts of one search: kept per index version when the search runs on its own (a caller's
 * transaction may have written to the index), the version read before any count (on SQLite by a
 * statement of its own; on PostgreSQL `withIndexScans` read it). `beside`: a second connection for
 * part of a count, when the search runs on its own.
 */
async function countsOf(db: Kysely<Database>, owner: object | undefined, version: number | null | undefined, limits: EstimateLimits, beside?: BesideRunner): Promise<SearchCounts> {
  if (!owner) return uncachedCounts(db, limits);
  const v = version !== undefined ? version : (await sql<{ version: number | null }>`select ${searchIndexVersion()} as version`.execute(db)).rows[0]?.version ?? null;
  return keptCounts(db, owner, v === null ? null : Number(v), limits, beside);
}

export async function searchItems(db: Kysely<Database>, input: SearchInput): Promise<SearchResult> {
  // Kept per database: a transaction shares its database's adapter.
  const owner = db.isTransaction ? undefined : db.getExecutor().adapter;
  const beside = owner && dialectOf(db) === 'postgres' ? besideOn(db) : undefined;
  const limits: EstimateLimits = {
    from: input.statisticsCountFrom ?? ESTIMATE_LIMITS.from,
    sampleHitsFrom: input.sampleHitsFrom ?? ESTIMATE_LIMITS.sampleHitsFrom,
  };
  return withIndexScans(db, async (d, version) => search(d, input, () => countsOf(d, owner, version, limits, beside)));
}

interface PageOfHits {
  total: number;
  ids: number[];
  order: SearchResult['order'];
  estimated: boolean;
}

/**
 * A term of one segment each: the index match is the answer. On PostgreSQL a segment longer than
 * four characters is matched exactly by reading the token text of each candidate, affordable for
 * a ranked result and for the rows a page walks past, not for counting a large result: that count
 * is of the candidates holding every 4-character piece, given as an estimate. Text holding every
 * piece of 人力资源和社会保障局 but never the whole is rare; SQLite counts exactly.
 */
async function exactPage(db: Kysely<Database>, counts: SearchCounts, p: ParsedQuery, f: SearchFilters, offset: number, limit: number, rankLimit: number, sort: SearchInput['sort'], exactCountLimit: number): Promise<PageOfHits> {
  const m = matchSql(db, p, f);
  const pg = dialectOf(db) === 'postgres';
  const long = hasLongSegments(db, p);
  const probe = long ? matchSql(db, p, f, 'all', { sequences: false }) : m;
  // PostgreSQL counts the candidates from its GIN index, exactly up to the exact-count limit;
  // SQLite stops counting past the rank limit and counts the rest only for a large result. A
  // result the index puts within the rank limit is counted by the ranking query, which reads
  // every hit anyway (the count read them all once more: 22 of 117 ms for 4,331 hits).
  const indexed = pg ? await counts.indexed(probe) : undefined;
  const rankable = indexed !== undefined && indexed <= rankLimit;
  const counted = rankable
    ? { n: indexed, estimated: false }
    : pg ? await countOrEstimate(counts, probe, Math.max(rankLimit, exactCountLimit), indexed) : { n: await counts.upTo(probe, rankLimit + 1), estimated: false };
  const seen = counted.n;
  if (seen <= rankLimit) {
    if (sort === 'date') {
      const all = await sql<{ id: number }>`select ${m.id} as id ${m.from}`.execute(db);
      return { total: all.rows.length, ids: await byDate(db, all.rows.map((r) => Number(r.id)), offset, limit), order: 'date', estimated: false };
    }
    const titleFirst = rankable && !long ? await titleHitsPage(db, counts, p, f, offset, limit) : undefined;
    if (titleFirst) return { total: await counts.hits(m), ids: titleFirst, order: 'relevance', estimated: false };
    const total = rankable ? undefined : long ? await counts.hits(m) : seen;
    const rows = await sql<{ id: number; n?: number }>`select ${m.id} as id, ${m.score} as score${rankable ? sql`, count(*) over () as n` : sql``} ${m.from} ${m.order} limit ${limit} offset ${offset}`.execute(db);
    // A page beyond the last hit has no row to carry the count.
    const counted = total ?? (rows.rows.length ? Number(rows.rows[0].n) : await counts.hits(m));
    return { total: counted, ids: rows.rows.map((r) => Number(r.id)), order: 'relevance', estimated: false };
  }
  const total = pg ? seen : await counts.hits(probe);
  const ids = await newestFirstPage(db, p, f, { offset, limit }, { walkFrom: rankLimit, hits: total, counts });
  return { total, ids, order: 'newest', estimated: long || counted.estimated };
}

/** Ids among `ids` whose text contains every term, in the same order. */
async function verified(db: Kysely<Database>, p: ParsedQuery, ids: number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += VERIFY_BATCH) {
    const batch = ids.slice(i, i + VERIFY_BATCH);
    const texts = await textsOf(db, batch);
    out.push(...batch.filter((id) => textMatches(p, texts.get(id) ?? '')));
  }
  return out;
}

/**
 * A term of several segments ("2022年", "〔2022〕15号"): the index gives the candidates that hold
 * every segment, and each is verified against the text. Up to the rank limit all candidates are
 * verified and the count is exact; beyond it, candidates are verified in the large-result order
 * until the page is full, and the total is estimated from the share that passed.
 */
async function verifiedPage(db: Kysely<Database>, counts: SearchCounts, p: ParsedQuery, f: SearchFilters, offset: number, limit: number, rankLimit: number, sort: SearchInput['sort'], exactCountLimit: number): Promise<PageOfHits> {
  const m = matchSql(db, p, f);
  // As in exactPage: PostgreSQL counts them all at the cost of counting some.
  const pg = dialectOf(db) === 'postgres';
  const candidates = pg ? (await countOrEstimate(counts, m, Math.max(rankLimit, exactCountLimit))).n : await counts.upTo(m, rankLimit + 1);
  if (candidates <= rankLimit) {
    const rows = await sql<{ id: number }>`select ${m.id} as id, ${m.score} as score ${m.from} ${m.order}`.execute(db);
    const good = await verified(db, p, rows.rows.map((r) => Number(r.id)));
    if (sort === 'date') return { total: good.length, ids: await byDate(db, good, offset, limit), order: 'date', estimated: false };
    return { total: good.length, ids: good.slice(offset, offset + limit), order: 'relevance', estimated: false };
  }
  const allCandidates = pg ? candidates : await counts.hits(m);
  const good: number[] = [];
  let examined = 0;
  // A bounded number of the newest candidates are examined beyond the offset, and the offset
  // counts no deeper than the rank limit: however far a visitor pages, one page verifies at most
  // rankLimit + VERIFY_BUDGET candidates (a page beyond the hits found there is empty).
  const budget = Math.min(offset, rankLimit) + Math.max(limit, Math.min(rankLimit, VERIFY_BUDGET));
  const batchSize = Math.max(limit, Math.min(VERIFY_BATCH, rankLimit));
  while (good.length < offset + limit && examined < allCandidates && examined < budget) {
    const batch = await newestFirstPage(db, p, f, { offset: examined, limit: batchSize }, { walkFrom: rankLimit, hits: allCandidates, counts });
    if (!batch.length) break;
    examined += batch.length;
    good.push(...(await verified(db, p, batch)));
  }
  const exhausted = examined >= allCandidates;
  const total = exhausted ? good.length : Math.round((allCandidates * good.length) / examined);
  return { total, ids: good.slice(offset, offset + limit), order: 'newest', estimated: !exhausted };
}

async function search(db: Kysely<Database>, input: SearchInput, countsOf: () => Promise<SearchCounts>): Promise<SearchResult> {
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(input.pageSize ?? 20)));
  const rankLimit = input.rankLimit ?? RANK_LIMIT;
  const p = parseQuery(input.q);
  const empty: SearchResult = { query: input.q, total: 0, page, pageSize, hits: [], order: 'relevance', estimated: false };
  if (!p) return empty;
  const f = input.filters ?? {};
  const offset = (page - 1) * pageSize;
  const exactCountLimit = input.exactCountLimit ?? EXACT_COUNT_LIMIT;
  const counts = await countsOf();
  const found = p.exact
    ? await exactPage(db, counts, p, f, offset, pageSize, rankLimit, input.sort, exactCountLimit)
    : await verifiedPage(db, counts, p, f, offset, pageSize, rankLimit, input.sort, exactCountLimit);
  const result = { ...empty, total: found.total, order: found.order, estimated: found.estimated };
  if (!found.ids.length) return result;
  const pageIds = found.ids;
  const rows = await db.selectFrom('publishing_items').selectAll().where('id', 'in', pageIds).execute();
  const texts = await textsOf(db, pageIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits = pageIds.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const text = texts.get(id) ?? '';
    // Final check: an item is never shown for a query it does not contain.
    if (!textMatches(p, text)) return [];
    const body = text.slice(r.title.length + 1);
    return [{
      id,
      title: r.title,
      indexNo: r.index_no,
      docNumber: r.doc_number,
      publishDate: r.publish_date,
      kind: r.kind,
      columnId: r.column_id,
      organizationId: r.organization_id,
      publisherName: r.publisher_name,
      snippet: snippet(p, body.replace(/\s+/g, ' ')),
    }];
  });
  return { ...result, hits };
}
