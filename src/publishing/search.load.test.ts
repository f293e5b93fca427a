/**
 * The search benchmark's PostgreSQL loader (bench/search.load.ts: rows made in worker threads,
 * written with COPY) writes the very rows the application's bulk insert writes, search vectors
 * and 索引号 included, so that the benchmark measures the application's index.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from '../db/test-databases.ts';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import { bulkInsertPublishedItems } from './items.bulk.ts';
import { generate } from './search.corpus.ts';
import { loadCorpusPostgres } from '../../bench/search.load.ts';

const SIZE = 1_300;
const CHUNK = 500;

async function organizations(db: Kysely<Database>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < 8; i++) {
    const r = await db.insertInto('organizations').values({ code: `bench-${i}`, name: `石龙区测试单位${i}`, parent_id: null, kind: 'department', is_body: 1, disabled: 0, created_at: '2026-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
    ids.push(r.id);
  }
  return ids;
}

/** Every item with its search row, in id order, less the write time. */
async function rows(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ row: string }>`select (to_jsonb(i) - 'created_at' - 'updated_at' || to_jsonb(d))::text as row
    from publishing_items i join publishing_search_docs d on d.item_id = i.id order by i.id`.execute(db);
  return r.rows.map((x) => x.row);
}

describe('search benchmark loader [postgres]', { skip: postgresSkipReason() }, () => {
  let copied: TestDatabase;
  let inserted: TestDatabase;
  before(async () => {
    copied = await openTestDatabase('postgres');
    inserted = await openTestDatabase('postgres');
  });
  after(async () => {
    await copied?.close();
    await inserted?.close();
  });

  it('writes by COPY the rows a bulk insert of the same chunks writes, over several chunks', async () => {
    const copiedOrgs = await organizations(copied.db);
    let progress = 0;
    await loadCorpusPostgres(copied.db, copied.url, SIZE, copiedOrgs, CHUNK, (done) => { progress = done; });
    const insertedOrgs = await organizations(inserted.db);
    for (let i = 0; i < SIZE; i += CHUNK) await bulkInsertPublishedItems(inserted.db, generate(Math.min(CHUNK, SIZE - i), insertedOrgs, i + 1), new Date(), { calendar: shippedCalendar() });
    assert.equal(progress, SIZE);
    const [a, b] = [await rows(copied.db), await rows(inserted.db)];
    assert.equal(a.length, SIZE);
    assert.deepEqual(a, b);
    // The next item written by the application takes the next id.
    const next = await sql<{ n: string }>`select nextval(pg_get_serial_sequence('publishing_items', 'id')) as n`.execute(copied.db);
    assert.equal(Number(next.rows[0].n), SIZE + 1);
  });
});
