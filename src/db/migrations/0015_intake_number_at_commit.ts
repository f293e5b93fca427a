/**
 * PostgreSQL: a public application or a clerk's intake is numbered at its commit, by a deferred
 * constraint trigger, instead of by a statement of its own before the COMMIT. The (body, year)
 * counter row, which every submission to the body waits for, is then locked inside the commit
 * only — no round trip to the application, whose turn in a busy event loop held the row for tens
 * of milliseconds (load bench, 50 clients: the numbering statement took 87 ms on average, most of
 * it waiting for the row) — and the numbers stay gapless: a rolled-back intake takes none.
 *
 * The case is inserted with a provisional negative `seq` and a random marker as its tracking
 * number; the notices and the audit row written in the same transaction name the marker. The
 * same statement inserts the case's id into `intake_numbering` (whose trigger runs at commit:
 * the table exists from here on, the cases' table only from 0110) and leaves a
 * transaction-local setting, named after the marker, holding the number's prefix and the
 * normalised query code (never stored: only its hash is, and a setting reaches neither the WAL
 * nor a table's pages). At commit the trigger takes the counter, gives the case its number and
 * query-code hash, writes the number in place of the marker, and deletes its row: the table is
 * empty outside intake transactions, and unlogged. (intake.usecases.ts,
 * applications.repository.ts `insertCase`.) SQLite has one writer and numbers the case as the
 * transaction's last statement (`numberCase`).
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create unlogged table intake_numbering (case_id integer primary key)`.execute(db);
  // Table names are resolved when the function runs, not when it is created.
  await sql`create function intake_number_at_commit() returns trigger language plpgsql as $fn$
    declare
      marker text;
      req jsonb;
      s integer;
      t text;
    begin
      delete from intake_numbering where case_id = new.case_id;
      select tracking_number into marker from applications where id = new.case_id;
      -- Gone (deleted in its own transaction) or numbered already: nothing to do.
      if marker is null or marker not like '#tracking-%' then return null; end if;
      req := nullif(current_setting('gongkai.intake_' || substr(marker, 11, 24), true), '')::jsonb;
      if req is null then
        raise exception 'case % was inserted without its numbering request', new.case_id;
      end if;
      insert into application_counters (organization_id, year, last_seq)
        select organization_id, year, 1 from applications where id = new.case_id
        on conflict (organization_id, year) do update set last_seq = application_counters.last_seq + 1
        returning last_seq into s;
      t := (req->>'prefix') || lpad(s::text, greatest(5, length(s::text)), '0');
      update applications set seq = s, tracking_number = t,
        query_code_hash = encode(sha256(convert_to('qc:' || t || ':' || (req->>'code'), 'UTF8')), 'hex')
        where id = new.case_id;
      update outbox_messages set subject = replace(subject, marker, t), body = replace(body, marker, t) where application_id = new.case_id;
      update audit_pending set detail = replace(detail, marker, t) where strpos(detail, marker) > 0;
      return null;
    end
  $fn$`.execute(db);
  await sql`create constraint trigger intake_number_at_commit after insert on intake_numbering
    deferrable initially deferred for each row execute function intake_number_at_commit()`.execute(db);
}
