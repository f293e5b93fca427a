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
 * A string of 1 or 2 characters has no trigram: an index of the characters each title holds
 * (migration 0244) gives candidates holding all of them, again checked with LIKE. Its total is
 * counted first, up to the list's cap (capped-count.ts). Beyond the cap, matches are dense and the
 * page is found by walking the order index and checking each row; below it, the matches are read
 * and sorted (a walk would fetch every row, 17 µs each on SQLite: seconds at a million items).
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';

/** Candidates above which the list order is walked instead of reading each candidate (SQLite; PostgreSQL for 1–2 characters). */
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
 * The restriction to an index's candidates, or null when no index helps (LIKE reads the rows).
 * 3 characters or more: on SQLite the trigram table's candidates, unless there are more than
 * SQLITE_CANDIDATE_LIMIT (walking the list order finds a page sooner); PostgreSQL's LIKE uses its
 * trigram index by itself. 1 or 2 characters: the index of the characters each title holds
 * (migration 0244), whose candidates hold every character of the string.
 */
export async function titleCandidates(db: Kysely<Database>, q: string): Promise<Expression<SqlBool> | null> {
  const chars = [...new Set(q)];
  if ([...q].length < 3) return dialectOf(db) === 'sqlite' ? sqliteCharCandidates(db, chars) : postgresCharCandidates(db, chars);
  if (dialectOf(db) !== 'sqlite') return null;
  const match = ftsSubstring(q);
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1 from publishing_items_title_fts
    where publishing_items_title_fts match ${match} limit ${SQLITE_CANDIDATE_LIMIT + 1})`.execute(db);
  if (Number(rows[0]?.n ?? 0) > SQLITE_CANDIDATE_LIMIT) return null;
  return sql<SqlBool>`publishing_items.id in (select rowid from publishing_items_title_fts where publishing_items_title_fts match ${match})`;
}

/**
 * The items holding the string's rarest character (filed through lower(), as LIKE folds), plus
 * those filed under '' (titles too long to be cut, 0244); null when even the rarest is in more
 * than SQLITE_CANDIDATE_LIMIT titles (common: the walk of the list order finds a page sooner).
 */
async function sqliteCharCandidates(db: Kysely<Database>, chars: string[]): Promise<Expression<SqlBool> | null> {
  let rarest: { ch: string; n: number } | null = null;
  for (const ch of chars) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1 from publishing_items_title_chars
      where ch = lower(${ch}) limit ${SQLITE_CANDIDATE_LIMIT + 1})`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (!rarest || n < rarest.n) rarest = { ch, n };
  }
  if (!rarest || rarest.n > SQLITE_CANDIDATE_LIMIT) return null;
  return sql<SqlBool>`publishing_items.id in (select item_id from publishing_items_title_chars where ch = lower(${rarest.ch})
    union all select item_id from publishing_items_title_chars where ch = '')`;
}

/**
 * Titles whose characters include all of the string's, read through the GIN index; null when
 * more than SQLITE_CANDIDATE_LIMIT titles hold them (common: the list order is walked, and the
 * array test on each walked row would only add to LIKE's cost, 10 ms for a capped count). The
 * probe stops at the limit: a scan for a common string, the index for a rare one.
 */
async function postgresCharCandidates(db: Kysely<Database>, chars: string[]): Promise<Expression<SqlBool> | null> {
  const holds = sql<SqlBool>`string_to_array(publishing_items.title, null) @> array[${sql.join(chars)}]::text[]`;
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select 1 from publishing_items
    where ${holds} limit ${SQLITE_CANDIDATE_LIMIT + 1}) c`.execute(db);
  return Number(rows[0]?.n ?? 0) > SQLITE_CANDIDATE_LIMIT ? null : holds;
}

/**
 * The order column as an expression no index serves: the database reads the matches by their
 * best path (the trigram index, a scan) and sorts them, instead of walking the order index.
 */
export function sortRareMatches(column: 'publish_date' | 'updated_at') {
  return sql<string>`(${sql.ref(column)} || '')`;
}
