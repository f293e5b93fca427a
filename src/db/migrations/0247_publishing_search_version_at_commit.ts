/**
 * PostgreSQL: the search index's version (migration 0246) changes at the commit of a transaction
 * that wrote to the index, by a deferred constraint trigger, instead of at its first write. A
 * write to the index used to lock the version row until its transaction ended, so that a
 * publication waited for any other transaction still writing to the index (a long import, a
 * bulk publication) though their rows never met. Now each such statement only notes its
 * transaction in `publishing_search_changing` (its own row: no waiting), and at commit the
 * trigger deletes the note and gives the version a new value: the row is locked inside the
 * commit only, and the new version commits with the index rows it stands for. The table is
 * empty outside those transactions, and unlogged. SQLite has one writer and keeps its triggers.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create unlogged table publishing_search_changing (txid bigint primary key)`.execute(db);
  // The statement trigger of 0246 keeps calling this function, now noting the transaction.
  await sql`create or replace function publishing_search_changed() returns trigger language plpgsql as $fn$
    begin
      insert into publishing_search_changing (txid) values (txid_current()) on conflict do nothing;
      return null;
    end
  $fn$`.execute(db);
  await sql`create function publishing_search_version_at_commit() returns trigger language plpgsql as $fn$
    begin
      delete from publishing_search_changing where txid = new.txid;
      update publishing_search_version set version = floor(random() * 9007199254740991)::bigint where id = 1;
      return null;
    end
  $fn$`.execute(db);
  await sql`create constraint trigger publishing_search_version_at_commit after insert on publishing_search_changing
    deferrable initially deferred for each row execute function publishing_search_version_at_commit()`.execute(db);
}
