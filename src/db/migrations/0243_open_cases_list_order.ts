import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';

/**
 * The open-cases list (`open=true`, the clerks' usual view) in list order, open cases only: with
 * 0241's index over every case, SQLite read the ~11,000 open cases of 100,000 through
 * applications_status_due and sorted them for each page (82 ms p95 for page 10). A partial index
 * holds only the open cases, in list order, so a page is a short walk.
 * SQLite uses a partial index only when the query's WHERE contains the index's WHERE term as the
 * same expression: the repository writes the open filter as this literal list
 * (applications.repository.ts, openStatusFilter), never as bound parameters, and on SQLite with
 * a unary plus, which stops the planner from choosing applications_status_due and a sort. The
 * list is written out here, not imported, so that this migration stays what it was when it ran.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const status = sql.raw(dialectOf(db) === 'sqlite' ? '+status' : 'status');
  await sql`create index applications_open_list_order on applications ((due_date is null), due_date, id desc)
    where ${status} in ('submitted', 'in_progress', 'awaiting_correction', 'consulting', 'awaiting_fee')`.execute(db);
}
