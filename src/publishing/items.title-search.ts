/**
 * The admin item list's title search: every item whose title contains the string, exactly as
 * `title LIKE '%string%'` finds them (the string's own % _ \ taken literally; case as each
 * database's LIKE: SQLite folds ASCII letters, PostgreSQL tells them apart), read through an
 * index of the titles' trigrams (migration 0242) instead of every row.
 * - PostgreSQL: the pg_trgm GIN index serves LIKE itself; the planner weighs it against walking
 *   the list's order index (a common string: the page is found in the first rows walked).
 * - SQLite: the FTS5 trigram table gives the candidates (a superset: it folds case further than
 *   LIKE), each then checked with LIKE. A string of thousands of candidates is common enough that
 *   walking the list order finds a page sooner than reading them all, so above a threshold the
 *   index is left aside.
 * A string of 1 or 2 characters has no trigram: its total is counted first, up to the list's cap
 * (capped-count.ts). Beyond the cap, matches are dense and the page is found by walking the order
 * index and checking each row; below it, the matches are read and sorted (a walk would fetch
 * every row, 17 µs each on SQLite: seconds at a million items). Either way the search stays
 * exact; for a rare string of 1–2 characters it reads every row of the scope, twice.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';

/** Candidates above which SQLite walks the list order instead of reading each candidate. */
export const SQLITE_CANDIDATE_LIMIT = 5_000;

/** `s` as a LIKE pattern matching itself literally (escape character `\`). */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The LIKE condition itself: what a title must satisfy, whatever index finds it. */
export function titleContains(q: string): Expression<SqlBool> {
  return sql<SqlBool>`publishing_items.title like ${`%${likeLiteral(q)}%`} escape '\\'`;
}

/** An FTS5 query matching `s` as one substring (a quoted string; quotes doubled). */
export function ftsSubstring(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * The SQLite restriction to the trigram index's candidates, or null when the index does not
 * help: on PostgreSQL (LIKE uses its index by itself), for fewer than 3 characters, or for a
 * string with more than SQLITE_CANDIDATE_LIMIT candidates.
 */
export async function titleCandidates(db: Kysely<Database>, q: string): Promise<Expression<SqlBool> | null> {
  if (dialectOf(db) !== 'sqlite' || [...q].length < 3) return null;
  const match = ftsSubstring(q);
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1 from publishing_items_title_fts
    where publishing_items_title_fts match ${match} limit ${SQLITE_CANDIDATE_LIMIT + 1})`.execute(db);
  if (Number(rows[0]?.n ?? 0) > SQLITE_CANDIDATE_LIMIT) return null;
  return sql<SqlBool>`publishing_items.id in (select rowid from publishing_items_title_fts where publishing_items_title_fts match ${match})`;
}

/**
 * The order column as an expression no index serves: the database reads the matches by their
 * best path (the trigram index, a scan) and sorts them, instead of walking the order index.
 */
export function sortRareMatches(column: 'publish_date' | 'updated_at') {
  return sql<string>`(${sql.ref(column)} || '')`;
}
