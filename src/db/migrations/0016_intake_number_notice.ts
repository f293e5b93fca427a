/**
 * PostgreSQL: the commit that numbers an intake (0015) also tells the committing connection the
 * number, in a notice naming the case's provisional marker (`gongkai-intake <marker> <number>`),
 * so the submission answers with its number without reading it back (one round trip fewer per
 * intake; dialect.ts keeps the notices, intake.usecases.ts takes its own). The notice carries the
 * tracking number only, never the query code; a client that misses it reads the number as before.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create or replace function intake_number_at_commit() returns trigger language plpgsql as $fn$
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
      raise notice 'gongkai-intake % %', marker, t;
      return null;
    end
  $fn$`.execute(db);
}
