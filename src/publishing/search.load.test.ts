/**
 * The search benchmark's PostgreSQL loader (bench/search.load.ts: rows made in worker threads,
 * written with COPY in the binary format) writes the very rows the application's bulk insert
 * writes, search vectors and 索引号 included, so that the benchmark measures the application's index.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/dialect.ts';
import { openTestDatabase, postgresSkipReason, type TestDatabase } from '../db/test-databases.ts';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import { bulkInsertPublishedItems } from './items.bulk.ts';
import { generate } from './search.corpus.ts';
import { lexemeList, tsvectorPositions, vectorText, type Vector } from './search.vectors.ts';
import { loadCorpusPostgres } from '../../bench/search.load.ts';
import { BinaryCopy, sortedLexemes } from '../../bench/search.load.binary.ts';

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

/**
 * Every item with its search row, in id order, less the write time; with the stored size of each
 * vector, which differs when a vector is laid out otherwise than text input lays it out.
 */
async function rows(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ row: string }>`select (to_jsonb(i) - 'created_at' - 'updated_at' || to_jsonb(d)
      || jsonb_build_object('sizes', array[pg_column_size(d.tsv), pg_column_size(d.title_tsv), pg_column_size(d.gram_tsv), pg_column_size(d.meta_tsv)]))::text as row
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
    // Autovacuum, paused while the tables filled, is on again.
    const options = await sql<{ o: string[] | null }>`select c.reloptions as o from pg_class c
      where c.oid in ('publishing_items'::regclass, 'publishing_search_docs'::regclass) or c.oid in (select reltoastrelid from pg_class where oid in ('publishing_items'::regclass, 'publishing_search_docs'::regclass))`.execute(copied.db);
    assert.ok(options.rows.every((r) => !(r.o ?? []).some((o) => o.startsWith('autovacuum_enabled'))), JSON.stringify(options.rows));
  });

  it('fails and leaves no thread running when it cannot pause autovacuum (a role that does not own the tables) or cannot connect once its workers run', { timeout: 60_000 }, async () => {
    const role = `gk_loader_${randomBytes(4).toString('hex')}`;
    await sql.raw(`create role ${role} login; grant select, insert, update on all tables in schema public to ${role}; grant usage on all sequences in schema public to ${role}`).execute(copied.db);
    const u = new URL(copied.url);
    u.username = role;
    u.password = '';
    const asRole = openDatabase(u.toString());
    // The thread pool starts on first use; started now, it is not counted as the load's.
    await readFile(import.meta.filename);
    const threads = () => readdirSync('/proc/self/task').length;
    const count = async () => Number((await sql<{ n: string }>`select count(*) as n from publishing_search_docs`.execute(copied.db)).rows[0].n);
    const [before, docs] = [threads(), await count()];
    // Terminated workers' threads end shortly after.
    const settled = async () => {
      for (let i = 0; i < 50 && threads() > before; i++) await new Promise((r) => setTimeout(r, 100));
      return threads();
    };
    const orgIds = (await copied.db.selectFrom('organizations').select('id').execute()).map((o) => o.id);
    try {
      await assert.rejects(loadCorpusPostgres(asRole, u.toString(), 10, orgIds, 5, () => {}), /must be owner/);
      const afterRefused = await settled();
      assert.ok(afterRefused <= before, `${afterRefused} threads after the failed load, ${before} before`);
      assert.equal(await count(), docs, 'nothing written by the failed load');
      // Failing once its workers run: the writing connections cannot open.
      const nowhere = new URL(copied.url);
      nowhere.pathname = '/no_such_database';
      await assert.rejects(loadCorpusPostgres(copied.db, nowhere.toString(), 10, orgIds, 5, () => {}), /does not exist/);
      const afterUnconnected = await settled();
      assert.ok(afterUnconnected <= before, `${afterUnconnected} threads after the load that failed to connect, ${before} before`);
      assert.equal(await count(), docs);
      const paused = await sql<{ n: string }>`select count(*) as n from pg_class where array_to_string(reloptions, ',') like '%autovacuum_enabled%'`.execute(copied.db);
      assert.equal(Number(paused.rows[0].n), 0, 'autovacuum on again after the failed load');
    } finally {
      await asRole.destroy();
      await sql.raw(`drop owned by ${role}; drop role ${role}`).execute(copied.db);
    }
  });

  it('sends a vector in the binary format that is stored as its text is (lexemes, positions, weights, size), also where the corpus never goes', async () => {
    const long = '长'.repeat(700);
    const vectors: Vector[] = [
      tsvectorPositions([{ tokens: ['信息', '息公', '公开', '开', '信息'], weight: 'A' }, { tokens: ['公开', 'it\'s', 'a\\b', 'gdp2026', '𠀀𠀁', '豈', '𠀀', long], weight: '' }]),
      tsvectorPositions([{ tokens: Array.from({ length: 20_000 }, (_, i) => (i % 3 ? '公开' : `w${i % 500}`)), weight: '' }]),
      lexemeList(['石龙区', '石龙', '石', '龙河', '石龙区', '𠀀𠀁𠀂', '豈豈豈', 'x'.repeat(3000), '']),
      [],
    ];
    await sql`create table vector_check (id int, v tsvector)`.execute(copied.db);
    const binary = new BinaryCopy([]).start();
    for (const [i, v] of vectors.entries()) binary.row(['integer', 'tsvector'], [i, v]);
    const stream = binary.finish();
    const client = new pg.Client({ connectionString: copied.url });
    await client.connect();
    try {
      await pipeline(Readable.from([Buffer.from(stream.data, 0, stream.length)]), client.query(copyFrom('copy vector_check (id, v) from stdin with (format binary)')));
    } finally {
      await client.end();
    }
    // The application's way: the vector's text, read by the server.
    for (const [i, v] of vectors.entries()) await sql`insert into vector_check values (${-1 - i}, ${vectorText(v)}::tsvector)`.execute(copied.db);
    for (const i of vectors.keys()) {
      const r = await sql<{ same: boolean; text: string; expected: string; sizes: string }>`select b.v = t.v as same, b.v::text as text, t.v::text as expected,
        pg_column_size(b.v) || ' ' || pg_column_size(t.v) as sizes from vector_check b, vector_check t where b.id = ${i} and t.id = ${-1 - i}`.execute(copied.db);
      assert.equal(r.rows[0].text, r.rows[0].expected, `vector ${i}`);
      assert.ok(r.rows[0].same, `vector ${i}`);
      const [a, b] = r.rows[0].sizes.split(' ');
      assert.equal(a, b, `vector ${i}`);
    }
  });
});

describe('lexemes in the binary format', () => {
  it('are sorted in PostgreSQL\'s order, the bytes of their UTF-8, each once', () => {
    const list = ['公开', '公', 'gdp', '信息公开', '信息', '信', 'a', 'ab', '豈', '𠀀', '𠀀𠀁', '信息', '龙', '石龙区', '石龙', '0375', '2026'];
    const expected = [...new Set(list)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    assert.deepEqual(sortedLexemes([...list]), expected);
    const withoutSurrogates = list.filter((l) => !l.includes('𠀀'));
    assert.deepEqual(sortedLexemes([...withoutSurrogates]), expected.filter((l) => !l.includes('𠀀')));
  });
});
