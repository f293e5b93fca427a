/**
 * The admin item list's title search for a string of 1 or 2 characters, which has no trigram
 * (0242): a rare one (「龘」) read every row of the scope twice, 0.4–0.7 s at 1,000,000 items.
 * An index of the characters each title holds gives its candidates: a title containing the
 * string holds each of its characters, and the list still checks each candidate with LIKE, so
 * the results stay exactly LIKE's (items.title-search.ts).
 * PostgreSQL: a GIN index over the title's array of characters (`string_to_array(title, null)`),
 * used through `@>`; LIKE there tells case apart, as the array does.
 * SQLite: a table of (character, item) pairs, each character through lower() (which folds ASCII
 * letters only, as LIKE does), kept by triggers in the same transaction as every write of a
 * title. Triggers may not hold a recursive WITH, so the characters are cut with substr over a
 * table of positions 1…4000; a longer title (the forms allow 300) is filed under the empty
 * string, which every search takes as a candidate, so that nothing is missed.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

const POSITIONS = 4000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create index publishing_items_title_chars on publishing_items using gin (string_to_array(title, null))`.execute(db);
    return;
  }
  await sql`create table publishing_title_positions (n integer primary key)`.execute(db);
  await sql`with recursive p(n) as (select 1 union all select n + 1 from p where n < ${POSITIONS}) insert into publishing_title_positions (n) select n from p`.execute(db);
  await sql`create table publishing_items_title_chars (ch text not null, item_id integer not null, primary key (ch, item_id)) without rowid`.execute(db);
  await sql`create index publishing_items_title_chars_item on publishing_items_title_chars (item_id)`.execute(db);
  const fill = (title: string, id: string) => sql.raw(`insert or ignore into publishing_items_title_chars (ch, item_id)
      select lower(substr(${title}, n, 1)), ${id} from publishing_title_positions where n <= length(${title});
    insert or ignore into publishing_items_title_chars (ch, item_id) select '', ${id} where length(${title}) > ${POSITIONS};`);
  await sql`insert or ignore into publishing_items_title_chars (ch, item_id)
    select lower(substr(i.title, p.n, 1)), i.id from publishing_items i join publishing_title_positions p on p.n <= length(i.title)`.execute(db);
  await sql`insert or ignore into publishing_items_title_chars (ch, item_id) select '', id from publishing_items where length(title) > ${POSITIONS}`.execute(db);
  await sql`create trigger publishing_items_title_chars_insert after insert on publishing_items begin
    ${fill('new.title', 'new.id')}
  end`.execute(db);
  await sql`create trigger publishing_items_title_chars_update after update of title on publishing_items begin
    delete from publishing_items_title_chars where item_id = old.id;
    ${fill('new.title', 'new.id')}
  end`.execute(db);
  await sql`create trigger publishing_items_title_chars_delete after delete on publishing_items begin
    delete from publishing_items_title_chars where item_id = old.id;
  end`.execute(db);
}
