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
import { onIdleConnection } from '../db/dialect.ts';
import { countHits, countHitsUpTo, indexedCount, searchSettings, type BesideRunner, type MatchSql } from './search.match.ts';
import { SEARCH_DOCS_HALVES } from './search.partitions.ts';
import { roughly, sampleCount, SAMPLE_HITS_FROM, type EstimateLimits } from './search.sample.ts';

/**
 * PostgreSQL: a match expected to have at least this many hits is counted from the planner's
 * statistics (one common lexeme) or from the sample of the index table (search.sample.ts) instead
 * of its index. The index's count decodes every hit of the posting list into a bitmap, about 80 ns
 * a hit whether the pages are cached or not: 140–180 ms for the 1.74 million hits of "公开" in 3
 * million items, the largest part of a search's time the first time it is asked after a write to
 * the index. The statistics give it in a millisecond,
 * within a percent or two for a term this common (ANALYZE samples 30,000 rows); such a count is an
 * estimate anyway (more than EXACT_COUNT_LIMIT hits, search.repository.ts).
 */
export const STATISTICS_COUNT_FROM = 100_000;

/** Counts of one database kept at most (a few hundred bytes each). */
const KEPT = 2_000;

interface Kept {
  version: number;
  counts: Map<string, number | undefined>;
}

const kept = new WeakMap<object, Kept>();

export interface SearchCounts {
  /**
   * The index's count of the hits (search.match.ts `indexedCount`), or for a common lexeme the
   * statistics' (`statisticsCount`), or for another large result the sample's
   * (search.sample.ts `sampleCount`): beyond the exact-count limit an estimate either way.
   */
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

/** The limits of the estimates: the product's, or a test's. */
export const ESTIMATE_LIMITS: EstimateLimits = { from: STATISTICS_COUNT_FROM, sampleHitsFrom: SAMPLE_HITS_FROM };

/**
 * PostgreSQL: the hits of a match of one lexeme (search.match.ts `MatchSql.lexeme`) as the
 * statistics have them: the share of the sampled rows holding it (`pg_stats.most_common_elems`)
 * times the table's rows, to three significant figures; undefined when the lexeme is not among the
 * common ones (no statistics yet, or a rarer term: its index count is cheap) or the estimate is
 * below `from`.
 */
export async function statisticsCount(db: Kysely<Database>, m: MatchSql, from: number): Promise<number | undefined> {
  if (!m.lexeme) return undefined;
  // Summed over the halves of the table (search.partitions.ts), each with its own sample; none
  // when a half has no figure for the lexeme.
  const r = await sql<{ n: number | null }>`select sum(h.n)::float8 as n from (
      select s.most_common_elem_freqs[array_position(s.most_common_elems::text::text[], ${m.lexeme.text})]
        * (1 - s.null_frac) * c.reltuples::float8 as n
      from pg_stats s join pg_class c on c.relname = s.tablename and c.relnamespace = current_schema()::regnamespace
      where s.schemaname = current_schema() and s.tablename in (${sql.join([...SEARCH_DOCS_HALVES])}) and not s.inherited
        and s.attname = ${m.lexeme.column} and c.reltuples > 0) h
    having count(h.n) = ${SEARCH_DOCS_HALVES.length}`.execute(db);
  const n = r.rows[0]?.n;
  return n !== null && n !== undefined && Number(n) >= from ? roughly(Number(n)) : undefined;
}

/**
 * PostgreSQL: runs a statement of the search on an idle connection of `db`'s pool with the
 * search's settings and without index scans (the index's count, search.match.ts `indexedCount`);
 * undefined when none is idle.
 */
export function besideOn(db: Kysely<Database>): BesideRunner {
  const settings = sql`select ${searchSettings([['enable_indexscan', 'off']])}`.compile(db);
  return async (statement) => (await onIdleConnection(db, async (query) => {
    await query(settings.sql, settings.parameters);
    return query(statement.sql, statement.parameters);
  }))?.value;
}

/**
 * Counts made on `db`, without keeping them. `limits`: the fewest hits counted from statistics
 * or the sample, and the fewest sample hits (ESTIMATE_LIMITS; tests lower them); `beside`: runs
 * part of the index's count on a second connection (search.match.ts `indexedCount`).
 */
export function uncachedCounts(db: Kysely<Database>, limits = ESTIMATE_LIMITS, beside?: BesideRunner): SearchCounts {
  return {
    indexed: async (m) => (await statisticsCount(db, m, limits.from)) ?? (await sampleCount(db, m, limits)) ?? indexedCount(db, m, beside),
    hits: (m) => countHits(db, m),
    upTo: (m, cap) => countHitsUpTo(db, m, cap),
  };
}

/**
 * Counts made on `db` (the search's own read transaction or connection) and kept for `owner`,
 * the database the search was asked of, at index version `version` (read by the search before
 * any count; null when the database has no version row, and then nothing is kept). A part counted
 * on a second connection (`beside`) sees the index as it is then: at that version or later, as
 * every count kept.
 */
export function keptCounts(db: Kysely<Database>, owner: object, version: number | null, limits = ESTIMATE_LIMITS, beside?: BesideRunner): SearchCounts {
  const direct = uncachedCounts(db, limits, beside);
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
    indexed: (m) => memo(`indexed ${limits.from} ${limits.sampleHitsFrom}`, m, () => direct.indexed(m)),
    hits: (m) => memo('hits', m, () => direct.hits(m)),
    upTo: (m, cap) => memo(`upTo ${cap}`, m, () => direct.upTo(m, cap)),
  };
}
