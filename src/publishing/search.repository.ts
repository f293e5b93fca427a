/**
 * Full-text search of published items. The index match (search.query.ts) is exact for terms
 * of one segment; other candidates are verified against the stored text, so on both databases
 * the result is exactly the published items that contain every term. Ranking: bm25 with the
 * title weighted 10:1 (SQLite FTS5); on PostgreSQL ts_rank with title weight A = 1.0 and body
 * weight D = 0.1, the closest built-in equivalent. Ties fall back to the newer item (higher id) first.
 *
 * PostgreSQL matching uses no positions: GIN answers bigrams, single characters and words
 * (tsv) and 3- or 4-character terms (gram_tsv, migration 0203) exactly; only CJK segments longer
 * than four characters are checked on the row's token text (search.query.ts pgMatch). Phrase
 * queries (`<->`) made GIN recheck every candidate's large out-of-line vector (about 0.6 s for
 * 67,000 hits of 100,000 items).
 *
 * PostgreSQL with very many hits: ts_rank must decompress every hit's body vector (measured:
 * about 0.5 s for 67,000 hits of 100,000 items), so beyond PG_FULL_RANK_LIMIT hits the order is
 * "title contains the query" first, then newest first, from the small title vector. The set
 * of hits and their count are the same on both databases; only that order differs. Counting
 * uses the GIN index (the planner, not modelling TOAST, would otherwise scan every row).
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { ftsMatch, parseQuery, snippet, textMatches, pgMatch, tsQuery, type ParsedQuery } from './search.query.ts';
import { verificationText } from './search.index.ts';

export interface SearchFilters {
  organizationIds?: number[];
  columnIds?: number[];
  year?: number;
  kind?: string;
  validity?: string;
}

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
  /** Candidates beyond MAX_VERIFIED were not examined (only for unusual multi-segment terms). */
  truncated: boolean;
}

const MAX_VERIFIED = 50_000;
export const PG_FULL_RANK_LIMIT = 5_000;
const VERIFY_BATCH = 500;

function filterSql(f: SearchFilters): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`i.status = 'published'`];
  if (f.organizationIds?.length) parts.push(sql`i.organization_id in (${sql.join(f.organizationIds)})`);
  if (f.columnIds?.length) parts.push(sql`i.column_id in (${sql.join(f.columnIds)})`);
  if (f.year) parts.push(sql`i.publish_date >= ${`${f.year}-01-01`} and i.publish_date <= ${`${f.year}-12-31`}`);
  if (f.kind) parts.push(sql`i.kind = ${f.kind}`);
  if (f.validity) parts.push(sql`i.validity = ${f.validity}`);
  return sql.join(parts, sql` and `);
}

function hasFilters(f: SearchFilters): boolean {
  return !!(f.organizationIds?.length || f.columnIds?.length || f.year || f.kind || f.validity);
}

/**
 * `from … where …` of the index match (candidates), with `id` and `score` expressions. Only
 * published items are in the index, so without filters the items table is not joined at all.
 */
function matchSql(db: Kysely<Database>, p: ParsedQuery, f: SearchFilters, exclude: number[], cheapRank = false) {
  const sqlite = dialectOf(db) === 'sqlite';
  const idCol = sqlite ? sql`publishing_search_fts.rowid` : sql`d.item_id`;
  const notIn = exclude.length ? sql` and ${idCol} not in (${sql.join(exclude)})` : sql``;
  const join = hasFilters(f) ? sql` join publishing_items i on i.id = ${idCol}` : sql``;
  const filters = hasFilters(f) ? sql` and ${filterSql(f)}` : sql``;
  if (sqlite) {
    return {
      id: idCol,
      score: sql`bm25(publishing_search_fts, 10.0, 1.0)`,
      from: sql`from publishing_search_fts${join} where publishing_search_fts match ${ftsMatch(p)}${filters}${notIn}`,
      order: sql`order by 2 asc, 1 desc`,
    };
  }
  // Both GIN indexes answer their part exactly (no positions to recheck); only CJK segments
  // longer than four characters are checked on the token text (search.query.ts pgMatch).
  const and = tsQuery(p, false);
  const m = pgMatch(p);
  const conditions = [
    ...(m.tsv ? [sql`d.tsv @@ to_tsquery('simple', ${m.tsv})`] : []),
    ...(m.grams ? [sql`d.gram_tsv @@ ${m.grams}::tsquery`] : []),
    ...m.sequences.map((t) => sql`strpos(' ' || d.title_tokens || ' ' || d.body_tokens || ' ', ${t}) > 0`),
  ];
  return {
    id: idCol,
    score: cheapRank
      ? sql`(d.title_tsv @@ to_tsquery('simple', ${and}))::int`
      : sql`ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, to_tsquery('simple', ${and}))`,
    from: sql`from publishing_search_docs d${join}
      where ${sql.join(conditions, sql` and `)}${filters}${notIn}`,
    order: sql`order by 2 desc, 1 desc`,
  };
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

/** Ids among `ids` whose text does NOT contain every term. */
async function rejected(db: Kysely<Database>, p: ParsedQuery, ids: number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += VERIFY_BATCH) {
    const texts = await textsOf(db, ids.slice(i, i + VERIFY_BATCH));
    for (const [id, text] of texts) if (!textMatches(p, text)) out.push(id);
  }
  return out;
}

/**
 * On PostgreSQL, runs `fn` without JIT and with sequential scans discouraged: the GIN index answers the AND of
 * lexemes exactly (measured 565 ms → 86 ms for a 67,000-hit count), and the planner, not
 * modelling TOAST, would otherwise scan every row.
 */
async function withIndexScans<T>(db: Kysely<Database>, fn: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (dialectOf(db) !== 'postgres' || db.isTransaction) return fn(db);
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    // The rank subquery, costed for every hit though run only for a few thousand, would trigger
    // JIT compilation: about 140 ms of a 67,000-hit query, for nothing.
    await sql`set local jit = off`.execute(trx);
    return fn(trx);
  });
}

export async function searchItems(
  db: Kysely<Database>,
  input: { q: string; filters?: SearchFilters; page?: number; pageSize?: number },
): Promise<SearchResult> {
  return withIndexScans(db, (d) => search(d, input));
}

async function search(
  db: Kysely<Database>,
  input: { q: string; filters?: SearchFilters; page?: number; pageSize?: number },
): Promise<SearchResult> {
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Math.floor(input.pageSize ?? 20)));
  const empty = { query: input.q, total: 0, page, pageSize, hits: [], truncated: false };
  const p = parseQuery(input.q);
  if (!p) return empty;
  const f = input.filters ?? {};
  let pageIds: number[];
  let total: number;
  let truncated = false;
  // Multi-segment terms: the index match (AND of segments) is verified against the text.
  const pg = dialectOf(db) === 'postgres';
  if (p.exact) {
    // PostgreSQL: one query gives the page and the total, so each hit is matched (and, for
    // long segments, checked on its token text) once; it is ordered cheaply (title first, newest
    // first) or, when the hits are few enough, by ts_rank of its full vector. SQLite counts
    // separately (FTS5's bm25 cannot run under a window function, and its count is cheap).
    const countSql = async () => Number((await sql<{ n: number }>`select count(*) as n ${matchSql(db, p, f, []).from}`.execute(db)).rows[0]?.n ?? 0);
    let rows: { id: number; total?: number }[];
    if (pg) {
      const cheap = matchSql(db, p, f, [], true);
      const full = matchSql(db, p, f, []);
      rows = (await sql<{ id: number; total: number }>`with hits as materialized (select ${cheap.id} as id, ${cheap.score} as cheap ${cheap.from}),
          n as (select count(*) as total from hits)
        select h.id, n.total, case when n.total <= ${PG_FULL_RANK_LIMIT}
            then (select ${full.score} from publishing_search_docs d where d.item_id = h.id) else h.cheap end as score
        from hits h cross join n order by score desc, h.id desc
        limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db)).rows;
      total = rows.length ? Number(rows[0].total) : await countSql();
    } else {
      const m = matchSql(db, p, f, []);
      rows = (await sql<{ id: number }>`select ${m.id} as id, ${m.score} as score ${m.from} ${m.order}
        limit ${pageSize} offset ${(page - 1) * pageSize}`.execute(db)).rows;
      total = await countSql();
    }
    pageIds = rows.map((r) => Number(r.id));
  } else {
    const counted = matchSql(db, p, f, []);
    const count = await sql<{ n: number }>`select count(*) as n ${counted.from}`.execute(db);
    const m = matchSql(db, p, f, [], pg && Number(count.rows[0]?.n ?? 0) > PG_FULL_RANK_LIMIT);
    const rows = await sql<{ id: number }>`select ${m.id} as id, ${m.score} as score ${m.from} ${m.order}
      limit ${MAX_VERIFIED + 1}`.execute(db);
    let ids = rows.rows.map((r) => Number(r.id));
    if (ids.length > MAX_VERIFIED) {
      truncated = true;
      ids = ids.slice(0, MAX_VERIFIED);
    }
    const bad = new Set(await rejected(db, p, ids));
    const good = ids.filter((id) => !bad.has(id));
    total = good.length;
    pageIds = good.slice((page - 1) * pageSize, page * pageSize);
  }
  if (!pageIds.length) return { ...empty, total, truncated };
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
  return { query: input.q, total, page, pageSize, hits, truncated };
}
