/**
 * PostgreSQL: the sample of the search table (search.sample.ts) as a query names it — in the terms
 * of its own index (migration 0250), written there the same way, constants inline, since the
 * planner uses a partial or expression index only for a query that names its predicate and its
 * expressions.
 *
 * The index holds the vectors stripped (`strip`: no positions; a GIN index keeps none anyway), so
 * that only it can answer a sample's query. Over the plain columns the full index answered it as
 * well, at the same estimated cost, and the planner took it for a title set with a prefix ("石龙区
 * 防汛 预案"): every hit decoded and the sample's rows kept by a filter, 65 ms a half where the
 * sample's own index takes 2.
 */
import { sql } from 'kysely';

/** One item in this many is in the sample (a power of two: the predicate masks the hash). */
export const SAMPLE_RATIO = 32;

/** "The row is in the sample", for the search table aliased `d`. */
export const IN_SAMPLE = sql.raw(`(hashint4(d.item_id) & ${SAMPLE_RATIO - 1}) = 0`);

/** The vector column `name` of the row aliased `d`, as the sample's index holds it. */
export const sampleVector = (name: string) => sql.raw(`strip(d.${name})`);
