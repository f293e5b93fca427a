/**
 * The search index's version: one row whose value changes (to a new random number) in the same
 * transaction as any write to `publishing_search_docs`, by trigger, whoever writes (publishing,
 * withdrawal, reindex, a bulk load by COPY). A process keeps the counts a large result's pages
 * need with the version it counted them at (search.counts.ts), so that page 2 or 10 of a result
 * does not count its hits again; a statement that reads the version sees every index change
 * committed before it. Random, not counted, as the organization tree's version (migration 0017).
 * Not exported (site-archive.rules.ts): the index is made again after an import.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('publishing_search_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  if (postgres) {
    // Below 2^53: read as a JavaScript number.
    await sql`insert into publishing_search_version (id, version) values (1, floor(random() * 9007199254740991)::bigint)`.execute(db);
    await sql`create function publishing_search_changed() returns trigger language plpgsql as $fn$
      begin
        update publishing_search_version set version = floor(random() * 9007199254740991)::bigint where id = 1;
        return null;
      end
    $fn$`.execute(db);
    await sql`create trigger publishing_search_docs_version after insert or update or delete or truncate on publishing_search_docs
      for each statement execute function publishing_search_changed()`.execute(db);
    return;
  }
  await sql`insert into publishing_search_version (id, version) values (1, random() >> 11)`.execute(db);
  for (const event of ['insert', 'update', 'delete']) {
    await sql`create trigger ${sql.raw(`publishing_search_docs_version_${event}`)} after ${sql.raw(event)} on publishing_search_docs begin
      update publishing_search_version set version = random() >> 11 where id = 1;
    end`.execute(db);
  }
}
