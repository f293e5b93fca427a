/**
 * The admin item list's title search finds exactly what LIKE '%q%' finds, taking % _ \ and
 * quotes in q literally, with each database's case rule, within the reader's scope, newest change
 * first, and reads the titles' trigram index (not every row) on both databases.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { dialectOf } from '../db/dialect.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { likeLiteral, sortRareMatches, titleCandidates, titleContains } from './items.title-search.ts';

const TITLES = [
  '关于2024年预算公开的通知', '预算', '算', 'ABC 公开 abc', 'abc', 'Abc通知', 'aBc', '50%的补贴', '50的补贴', 'a_b 说明', 'axb 说明',
  '路径 C:\\temp\\x', "O'Brien 的来函", '"引号"标题', '第12345号通知', '第123456号通知', '第1234号通知', 'Ünïcode ü Ü', 'ÄÖ äö',
  '政府信息公开', '公开', '信息', 'x', 'xy', '％全角百分号', '___', '%%%', '\\\\', '  两个空格', 'IT 系统运维', '𠀋字扩展B', 'Éclair 报告',
  `很长的标题${'长'.repeat(4100)}龘`, '龘', 'A龘b',
];
const QUERIES = [
  '算', '预算', '预算公开', 'abc', 'ABC', 'aB', 'a', '%', '50%', '_', 'a_b', '\\', '\\t', "'", '"', "O'B", '"引号"', '第1234', '第12345', '12345号',
  'ü', 'Ü', 'ä', 'Ä', '公开', '信息公开', 'x', 'xy', 'xyz', '％', '___', '%%', 'C:\\t', '  ', '通知', 'it 系', 'IT 系', '𠀋', '𠀋字扩', 'é', 'É', 'éclair', '无此标题',
  '龘', '龘b', 'a龘', 'A龘', '龘龘', '长龘', '鼺',
];

describeOnBothDatabases('item list title search', (t) => {
  let a: TestApp;
  let auditor: Record<string, string>;
  let postgres: boolean;
  const db = () => a.deps.db;

  /** Every item the auditor's list gives for q, walking the pages, with the total it states. */
  async function search(q: string, headers = auditor) {
    const ids: number[] = [];
    let total = 0;
    for (let page = 1; page === 1 || ids.length < total; page++) {
      const res = await a.app.inject({ method: 'GET', url: `/api/v1/publishing/items?pageSize=100&page=${page}&q=${encodeURIComponent(q)}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { total: number; totalCapped: boolean; items: Array<{ id: number }> };
      assert.equal(body.totalCapped, false);
      total = body.total;
      if (!body.items.length) break;
      ids.push(...body.items.map((i) => i.id));
    }
    return { ids, total };
  }
  /** The oracle: plain substring functions, no pattern at all; SQLite's lower() folds ASCII as its LIKE does. */
  async function oracle(q: string, organizationIds?: number[]) {
    let query = db().selectFrom('publishing_items').select('id')
      .where(postgres ? sql<boolean>`strpos(title, ${q}) > 0` : sql<boolean>`instr(lower(title), lower(${q})) > 0`);
    if (organizationIds) query = query.where('organization_id', 'in', organizationIds);
    return (await query.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute()).map((r) => r.id);
  }
  async function addItems(titles: string[], organizationId: number, serialFrom: number) {
    const column = await db().selectFrom('publishing_columns').select('id').orderBy('id').executeTakeFirstOrThrow();
    for (let from = 0; from < titles.length; from += 500) {
      await db().insertInto('publishing_items').values(titles.slice(from, from + 500).map((title, k) => {
        const i = from + k;
        return {
          organization_id: organizationId, column_id: column.id, kind: 'general', title, index_no: `T-${serialFrom + i}`, index_year: 2025, index_serial: serialFrom + i,
          status: i % 3 === 0 ? 'draft' : 'published', publish_date: '2025-05-01', published_at: '2025-05-01T02:00:00.000Z', created_at: '2025-05-01T01:00:00.000Z',
          updated_at: `2025-05-${String(1 + (i % 28)).padStart(2, '0')}T03:00:00.000Z`,
        };
      }) as never).execute();
    }
  }
  const org = async (code: string) => (await db().selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  before(async () => {
    a = await createTestApp(t());
    postgres = dialectOf(db()) === 'postgres';
    auditor = (await a.login('auditor')).headers;
    await addItems(TITLES, await org('shilong-fgw'), 900_000);
    await addItems(TITLES.map((x) => `${x}（复）`), await org('shilong'), 910_000);
  });
  after(async () => {
    await a.app.close();
  });

  it('finds exactly the titles containing the string, for 1, 2 and more characters, wildcards and quotes taken literally', async () => {
    for (const q of QUERIES) {
      const want = await oracle(q);
      const got = await search(q);
      assert.equal(got.total, want.length, `total for ${JSON.stringify(q)}`);
      assert.deepEqual(got.ids, want, `items for ${JSON.stringify(q)}`);
    }
    // The case rule is each database's LIKE: SQLite folds ASCII letters only, PostgreSQL none.
    assert.equal((await search('ABC')).total === (await search('abc')).total, !postgres);
    assert.deepEqual([(await search('é')).total, (await search('É')).total], [0, 2]);
    assert.ok((await search('50%')).total > 0 && (await search('50%')).total < (await search('50')).total);
  });

  it('keeps a unit reader to its own items', async () => {
    const fgw = await org('shilong-fgw');
    const editor = (await a.login('fgw-editor')).headers;
    const own = (await db().selectFrom('publishing_items').select('organization_id').distinct().execute()).map((r) => r.organization_id);
    const orgs = await db().selectFrom('organizations').select(['id', 'parent_id']).execute();
    const subtree = new Set([fgw]);
    for (let grew = true; grew;) {
      grew = false;
      for (const o of orgs) if (o.parent_id !== null && subtree.has(o.parent_id) && !subtree.has(o.id)) { subtree.add(o.id); grew = true; }
    }
    for (const q of ['算', '公开', 'abc', '（复）', '第12345']) {
      const got = await search(q, editor);
      assert.deepEqual(got.ids, await oracle(q, own.filter((id) => subtree.has(id))), q);
    }
    assert.equal((await search('（复）', editor)).total, 0);
  });

  it('follows every change of a title, whichever way it is written', async () => {
    const item = await db().selectFrom('publishing_items').select('id').where('title', '=', '预算').executeTakeFirstOrThrow();
    await db().updateTable('publishing_items').set({ title: '决算说明书鼺' }).where('id', '=', item.id).execute();
    assert.ok(!(await search('预算')).ids.includes(item.id));
    assert.ok((await search('决算说明')).ids.includes(item.id));
    assert.deepEqual((await search('鼺')).ids, [item.id], 'a single character of the new title');
    await db().deleteFrom('publishing_item_versions').where('item_id', '=', item.id).execute();
    await db().deleteFrom('publishing_items').where('id', '=', item.id).execute();
    assert.equal((await search('决算说明')).total, 0);
    assert.equal((await search('鼺')).total, 0);
  });

  it('reads the trigram index at 20,000 items, and stays exact when a string is too common for it', async () => {
    await addItems(Array.from({ length: 20_000 }, (_, i) => `第${i}号文件`), await org('shilong'), 920_000);
    // PostgreSQL: as autovacuum would, move the GIN indexes' pending entries into the index proper
    // (until then the planner counts them against the index).
    await (postgres ? sql`vacuum analyze publishing_items` : sql`analyze`).execute(db());
    const candidates = await titleCandidates(db(), '第12345号');
    let count = db().selectFrom('publishing_items').select('id').where(titleContains('第12345号'));
    if (candidates) count = count.where(candidates);
    const plan = await explain(count.orderBy(sortRareMatches('updated_at'), 'desc').orderBy('id', 'desc').limit(20).compile());
    assert.match(plan, postgres ? /publishing_items_title_trgm/ : /VIRTUAL TABLE INDEX .*publishing_items_title_fts|SCAN publishing_items_title_fts/, plan);
    assert.doesNotMatch(plan, postgres ? /Seq Scan on publishing_items/ : /SCAN publishing_items(?!_title)/, plan);
    assert.deepEqual((await search('第12345号')).ids, await oracle('第12345号'));

    // A rare character (no trigram) is read through the index of the titles' characters.
    const rare = await titleCandidates(db(), '龘');
    assert.ok(rare);
    const rarePlan = await explain(db().selectFrom('publishing_items').select('id').where(titleContains('龘')).where(rare).orderBy(sortRareMatches('updated_at'), 'desc').orderBy('id', 'desc').limit(20).compile());
    assert.match(rarePlan, /publishing_items_title_chars/, rarePlan);
    assert.doesNotMatch(rarePlan, postgres ? /Seq Scan on publishing_items/ : /SCAN publishing_items(?!_title)/, rarePlan);
    assert.deepEqual((await search('龘')).ids, await oracle('龘'));
    assert.equal(await titleCandidates(db(), '文件'), null, 'in every title: the list order is walked');

    // Every one of the 20,000 holds 号文件: more than SQLite's candidate limit and the list's cap.
    assert.equal(await titleCandidates(db(), '号文件'), null);
    const res = (await a.app.inject({ method: 'GET', url: `/api/v1/publishing/items?pageSize=50&page=3&q=${encodeURIComponent('号文件')}`, headers: auditor })).json() as { total: number; totalCapped: boolean; items: Array<{ id: number }> };
    assert.deepEqual([res.total, res.totalCapped], [10_000, true]);
    assert.deepEqual(res.items.map((i) => i.id), (await oracle('号文件')).slice(100, 150));
  });

  async function explain(c: { sql: string; parameters: readonly unknown[] }): Promise<string> {
    let n = 0;
    const text = c.sql.replace(/\$(\d+)|\?/g, (_m, k: string | undefined) => {
      const v = c.parameters[k ? Number(k) - 1 : n++];
      return typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
    });
    const r = await sql.raw(`${postgres ? 'explain ' : 'explain query plan '}${text}`).execute(db());
    return (r.rows as Array<Record<string, unknown>>).map((row) => String(row.detail ?? row['QUERY PLAN'])).join('\n');
  }
});

it('likeLiteral escapes the three characters LIKE gives a meaning', () => {
  assert.equal(likeLiteral('50%_a\\b'), '50\\%\\_a\\\\b');
  assert.equal(likeLiteral('第12345号'), '第12345号');
});
