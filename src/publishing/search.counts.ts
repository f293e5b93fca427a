/**
 * The counts a search makes (search.match.ts), kept per database and index version, so that
 * page 2 or 10 of a large result, or the same query asked again, does not count its hits again:
 * on PostgreSQL the index's count of a term in most items builds a bitmap of all its hits, and
 * the title set's count another (for "公开" in a million items, together most of a page's time).
 *
 * The index's version (migration 0246) changes with every write to the index, in the writer's
 * transaction; a search reads it before it counts, so a count kept under a version is of the
 * index as it was at that version or later, and a later write makes the search read a new
 * version and count again. Counts made inside a caller's transaction are not kept: they may
 * include its own uncommitted writes.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { countHits, countHitsUpTo, indexedCount, type MatchSql } from './search.match.ts';

/** Counts of one database kept at most (a few hundred bytes each). */
const KEPT = 2_000;

interface Kept {
  version: number;
  counts: Map<string, number | undefined>;
}

const kept = new WeakMap<object, Kept>();

export interface SearchCounts {
  /** The index's count of the hits (search.match.ts `indexedCount`). */
  indexed: (m: MatchSql) => Promise<number | undefined>;
  /** The number of hits. */
  hits: (m: MatchSql) => Promise<number>;
  /** The number of hits, counting no further than `cap`. */
  upTo: (m: MatchSql, cap: number) => Promise<number>;
}

/** The index's version, as a subquery for a statement the search runs anyway. */
export function searchIndexVersion() {
  return sql<number | null>`(select version from publishing_search_version where id = 1)`;
}

/** Counts made on `db`, without keeping them. */
export function uncachedCounts(db: Kysely<Database>): SearchCounts {
  return { indexed: (m) => indexedCount(db, m), hits: (m) => countHits(db, m), upTo: (m, cap) => countHitsUpTo(db, m, cap) };
}

/**
 * Counts made on `db` (the search's own read transaction or connection) and kept for `owner`,
 * the database the search was asked of, at index version `version` (read by the search before
 * any count; null when the database has no version row, and then nothing is kept).
 */
export function keptCounts(db: Kysely<Database>, owner: object, version: number | null): SearchCounts {
  const direct = uncachedCounts(db);
  if (version === null) return direct;
  let entry = kept.get(owner);
  if (!entry || entry.version !== version) kept.set(owner, (entry = { version, counts: new Map() }));
  const counts = entry.counts;
  const memo = async <T extends number | undefined>(kind: string, m: MatchSql, count: () => Promise<T>): Promise<T> => {
    const compiled = m.from.compile(db);
    const key = `${kind}\u0000${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
    if (counts.has(key)) {
      const n = counts.get(key) as T;
      // Most recently used last: the oldest is the first to go.
      counts.delete(key);
      counts.set(key, n);
      return n;
    }
    const n = await count();
    counts.set(key, n);
    if (counts.size > KEPT) counts.delete(counts.keys().next().value!);
    return n;
  };
  return {
    indexed: (m) => memo('indexed', m, () => direct.indexed(m)),
    hits: (m) => memo('hits', m, () => direct.hits(m)),
    upTo: (m, cap) => memo(`upTo ${cap}`, m, () => direct.upTo(m, cap)),
  };
}
