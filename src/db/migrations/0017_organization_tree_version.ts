/**
 * The organization tree's version: one row whose value changes (to a new random number) in the
 * same transaction as any write to `organizations`, by trigger, whoever writes. A process keeps
 * the tree it read with the version it read it at, and a statement that reads the version sees
 * every tree change committed before it, by any process, at once: the cached tree is checked by
 * a version read folded into a statement the request runs anyway (organizations.repository.ts).
 * Random, not counted: a restore that empties and refills the table never brings back a version
 * a process still holds. Not exported (site-archive.rules.ts): it is made again by the import's
 * own writes.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  await db.schema
    .createTable('organization_tree_version')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('version', postgres ? 'bigint' : 'integer', (c) => c.notNull())
    .execute();
  if (postgres) {
    // Below 2^53: read as a JavaScript number.
    await sql`insert into organization_tree_version (id, version) values (1, floor(random() * 9007199254740991)::bigint)`.execute(db);
    await sql`create function organization_tree_changed() returns trigger language plpgsql as $fn$
      begin
        insert into organization_tree_version (id, version) values (1, floor(random() * 9007199254740991)::bigint)
          on conflict (id) do update set version = excluded.version;
        return null;
      end
    $fn$`.execute(db);
    await sql`create trigger organizations_tree_version after insert or update or delete or truncate on organizations
      for each statement execute function organization_tree_changed()`.execute(db);
    return;
  }
  await sql`insert into organization_tree_version (id, version) values (1, random() >> 11)`.execute(db);
  for (const event of ['insert', 'update', 'delete']) {
    await sql`create trigger ${sql.raw(`organizations_tree_version_${event}`)} after ${sql.raw(event)} on organizations begin
      insert into organization_tree_version (id, version) values (1, random() >> 11)
        on conflict (id) do update set version = excluded.version;
    end`.execute(db);
  }
}
