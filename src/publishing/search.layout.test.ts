/**
 * PostgreSQL: the search vector is kept compressed in the index table's own rows (migration 0251),
 * so that ranking a result reads it with the table page the bitmap scan reads ahead, not from
 * TOAST one hit after another. Items of the benchmark's corpus: vectors of a few kilobytes each.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnPostgres } from '../db/test-databases.ts';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import { bulkInsertPublishedItems } from './items.bulk.ts';
import { generate } from './search.corpus.ts';
import { searchItems } from './search.repository.ts';

const ITEMS = 200;

describeOnPostgres('the search rows\' layout', (t) => {
  it('keeps every vector in the table\'s own pages, none in TOAST, and ranks from them', async () => {
    const org = await t().db.insertInto('organizations').values({ code: 'bench-0', name: '石龙区测试单位', parent_id: null, kind: 'department', is_body: 1, disabled: 0, created_at: '2026-01-01T00:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
    await bulkInsertPublishedItems(t().db, generate(ITEMS, [org.id], 1), new Date('2026-01-01T00:00:00Z'), { calendar: shippedCalendar() });
    const r = await sql<{ vectors: string; outOfLine: string; large: string; table: string; toast: string }>`select
        (select sum(pg_column_size(tsv) + pg_column_size(title_tsv) + pg_column_size(meta_tsv)) from publishing_search_docs) as vectors,
        (select sum(pg_column_size(body_tokens) + pg_column_size(gram_tsv)) from publishing_search_docs) as "outOfLine",
        (select count(*) from publishing_search_docs where pg_column_size(tsv) > 2000) as large,
        (select sum(pg_relation_size(c.oid)) from pg_class c where c.relname in ('publishing_search_docs_p0', 'publishing_search_docs_p1')) as table,
        (select sum(pg_relation_size(c.reltoastrelid)) from pg_class c where c.relname in ('publishing_search_docs_p0', 'publishing_search_docs_p1')) as toast`.execute(t().db);
    const { vectors, outOfLine, large, table, toast } = r.rows[0];
    // Rows this large would have their vectors moved out of line by default.
    assert.ok(Number(large) > ITEMS / 2, `${large} of ${ITEMS} vectors over 2,000 bytes`);
    assert.ok(Number(table) >= Number(vectors), `the table's ${table} bytes hold the ${vectors} bytes of vectors`);
    // TOAST holds the token text and the 4-character pieces, with its pages' and chunks' overhead.
    assert.ok(Number(toast) < 1.25 * Number(outOfLine), `TOAST's ${toast} bytes hold no more than the ${outOfLine} bytes of token text and pieces`);
    const found = await searchItems(t().db, { q: '公开' });
    assert.ok(found.total > 0 && found.order === 'relevance', JSON.stringify({ total: found.total, order: found.order }));
  });
});
