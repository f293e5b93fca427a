/**
 * Tests of the search on PostgreSQL: a fresh database holding `count` published items of one
 * organization whose title and body are `textOf(i)`, in the order of `i`, analyzed as autovacuum
 * would (the planner's figure of the rows chooses plans: search.partitions.ts).
 */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openTestDatabase, type TestDatabase } from '../db/test-databases.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from './items.bulk.ts';

const NOW = new Date('2022-12-30T02:00:00Z');

/**
 * Called inside a `describe`: the database made before its tests and closed after them, and the
 * items' ids in the order of `i`.
 */
export function useSearchTestItems(count: number, textOf: (i: number) => { title: string; body: string }): () => { t: TestDatabase; ids: number[] } {
  let made: { t: TestDatabase; ids: number[] } | undefined;
  before(async () => {
    made = await searchTestItems(count, textOf);
    assert.equal(made.ids.length, count);
  });
  after(async () => {
    await made?.t.close();
  });
  return () => made!;
}

async function searchTestItems(count: number, textOf: (i: number) => { title: string; body: string }): Promise<{ t: TestDatabase; ids: number[] }> {
  const t = await openTestDatabase('postgres');
  const org = await t.db.insertInto('organizations').values({ code: 'sl', name: '石龙区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: NOW.toISOString() }).returning('id').executeTakeFirstOrThrow();
  const items: PublishedItemInput[] = Array.from({ length: count }, (_, i) => {
    const { title, body } = textOf(i);
    return { organizationId: org.id, kind: 'announcement', publishDate: '2022-05-10', title, bodyHtml: `<p>${body}</p>` };
  });
  await bulkInsertPublishedItems(t.db, items, NOW);
  const ids = (await t.db.selectFrom('publishing_items').select('id').orderBy('id').execute()).map((r) => r.id);
  await sql`analyze publishing_search_docs_p0, publishing_search_docs_p1`.execute(t.db);
  return { t, ids };
}
