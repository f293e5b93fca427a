import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { DEFAULT_COLUMN_TREE, HOME_COLUMN_OF_KIND, flattenTree } from './columns.rules.ts';
import { createDefaultColumns } from './columns.repository.ts';
import { up as addWorkNewsColumn } from '../db/migrations/0220_publishing_work_news_column.ts';

it('files every kind of item in a list column of the default tree, general news never in 制度', () => {
  const columns = new Map(flattenTree(DEFAULT_COLUMN_TREE).map(({ def }) => [def.code, def]));
  for (const [kind, code] of Object.entries(HOME_COLUMN_OF_KIND)) {
    const c = columns.get(code);
    assert.ok(c, `${kind} → ${code}`);
    assert.ok(c.kind === 'list' || c.kind === 'mailbox', `${kind} goes to a list, not to ${c.name}`);
  }
  assert.equal(columns.get(HOME_COLUMN_OF_KIND.general)!.name, '工作动态');
});

describeOnBothDatabases('migration 0220: 工作动态 for bodies that have columns', (t) => {
  it('adds the column once under each body’s 政府信息公开 root', async () => {
    const { db } = t();
    const now = new Date('2026-01-05T00:00:00Z');
    const org = await db.insertInto('organizations').values({ code: 'old', name: '某区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: now.toISOString() }).returning('id').executeTakeFirstOrThrow();
    // A body set up before the column existed.
    const withoutNews = DEFAULT_COLUMN_TREE.map((root) => ({ ...root, children: root.children?.filter((c) => c.code !== 'gzdt') }));
    await createDefaultColumns(db, org.id, now, withoutNews);
    await addWorkNewsColumn(db);
    await addWorkNewsColumn(db);
    const rows = await db.selectFrom('publishing_columns').select(['code', 'parent_id', 'default_item_kind']).where('organization_id', '=', org.id).where('code', 'in', ['gzdt', 'xxgk']).execute();
    const root = await db.selectFrom('publishing_columns').select('id').where('organization_id', '=', org.id).where('code', '=', 'xxgk').executeTakeFirstOrThrow();
    assert.deepEqual(rows.filter((r) => r.code === 'gzdt'), [{ code: 'gzdt', parent_id: root.id, default_item_kind: 'general' }]);
  });
});
