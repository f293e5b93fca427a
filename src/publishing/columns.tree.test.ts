/**
 * The column tree never loops: a move under the column itself or under one of its descendants
 * is refused and changes nothing, two opposite moves made at once cannot close a loop together,
 * and a loop put into the database by hand does not hang the portal.
 */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { assertOneWinner, fireAtOnce, fireSame } from '../shared/race.testing.ts';
import { ancestorChain } from '../shared/tree.rules.ts';
import { columnLinks } from './columns.repository.ts';

describeOnBothDatabases('column tree cycles', (t) => {
  let a: TestApp;
  let admin: Record<string, string>;
  let fgwId = 0;
  const col = async (code: string) => (await a.deps.db.selectFrom('publishing_columns').selectAll().where('organization_id', '=', fgwId).where('code', '=', code).executeTakeFirstOrThrow());
  const patch = (id: number, payload: Record<string, unknown>) => ({ method: 'PATCH' as const, url: `/api/v1/publishing/columns/${id}`, headers: admin, payload });
  const auditCount = async () => Number((await a.deps.db.selectFrom('audit_log').select((e) => e.fn.countAll().as('n')).where('action', '=', 'publishing.column_updated').executeTakeFirstOrThrow()).n);

  before(async () => {
    a = await createTestApp(t());
    admin = (await a.login('admin')).headers;
    fgwId = (await a.deps.db.selectFrom('organizations').select('id').where('code', '=', 'shilong-fgw').executeTakeFirstOrThrow()).id;
  });
  after(async () => {
    await a.app.close();
  });

  it('refuses a column under itself, under its child or grandchild, or under another body\'s column; nothing changes', async () => {
    const root = await col('xxgk');
    const zcwj = await col('zcwj');
    const gz = await col('gz');
    const audits = await auditCount();
    for (const [id, parentId] of [[zcwj.id, zcwj.id], [zcwj.id, gz.id], [root.id, gz.id]]) {
      const res = await a.app.inject(patch(id, { parentId, name: '不应保存' }));
      assert.equal(res.statusCode, 409, res.body);
      const { error } = res.json() as { error: { code: string; message: string } };
      assert.equal(error.code, 'publishing.column_cycle');
      assert.match(error.message, /下级栏目/);
    }
    const other = await a.deps.db.selectFrom('publishing_columns').select('id').where('organization_id', '!=', fgwId).executeTakeFirstOrThrow();
    const foreign = await a.app.inject(patch(zcwj.id, { parentId: other.id }));
    assert.equal(foreign.statusCode, 400, foreign.body);
    assert.deepEqual([await col('zcwj'), await col('xxgk')], [zcwj, root]);
    assert.equal(await auditCount(), audits);
    const ok = await a.app.inject(patch(gz.id, { parentId: root.id }));
    assert.equal(ok.statusCode, 200, ok.body);
  });

  it('create ×10 of one column code: one column, one audit row', async () => {
    const parentId = (await col('xxgk')).id;
    const answers = await fireSame(a.app, 10, { method: 'POST', url: '/api/v1/publishing/columns', headers: admin, payload: { organizationId: fgwId, code: 'race-col', name: '同时新建', kind: 'list', parentId } });
    assertOneWinner(answers);
    const rows = await a.deps.db.selectFrom('publishing_columns').select('id').where('organization_id', '=', fgwId).where('code', '=', 'race-col').execute();
    assert.equal(rows.length, 1);
    const audit = await a.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'publishing.column_created').where('target_id', '=', String(rows[0].id)).execute();
    assert.equal(audit.length, 1);
  });

  it('two opposite moves fired at once (A under B, B under A, ×10) never close a loop', async () => {
    const x = await col('tjxx');
    const y = await col('gh');
    const answers = await fireAtOnce(a.app, Array.from({ length: 10 }, (_, i) => (i % 2 ? patch(x.id, { parentId: y.id }) : patch(y.id, { parentId: x.id }))));
    const statuses = answers.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 200 || s === 409), statuses.join(','));
    const won = answers.map((r, i) => (r.status === 200 ? i % 2 : -1)).filter((d) => d >= 0);
    assert.ok(won.length >= 1 && new Set(won).size === 1, `one direction wins, statuses ${statuses.join(',')}`);
    const all = await a.deps.db.selectFrom('publishing_columns').select(['id', 'parent_id']).where('organization_id', '=', fgwId).execute();
    for (const c of all) {
      const chain = ancestorChain(columnLinks(all), c.id);
      assert.equal(all.find((r) => r.id === chain[chain.length - 1])!.parent_id, null, `column ${c.id} reaches a root`);
    }
  });

  it('answers the portal at once although a loop was written into the database by hand', async () => {
    const zcwj = await col('zcwj');
    const qtwj = await col('qtwj');
    await a.deps.db.updateTable('publishing_columns').set({ parent_id: qtwj.id }).where('id', '=', zcwj.id).execute();
    for (const url of ['/xxgk/lm/shilong-fgw/zcwj/', '/xxgk/lm/shilong-fgw/qtwj/', '/xxgk/lm/shilong-fgw/gfxwj/', '/xxgk/lm/shilong-fgw/zcwj/rss.xml', '/sitemap.xml', '/xxgk/lm/shilong-fgw/xxgk/']) {
      const started = Date.now();
      const res = await a.app.inject({ method: 'GET', url });
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
      assert.ok(Date.now() - started < 5000, `${url} took ${Date.now() - started} ms`);
    }
    // Writing near the loop is refused too: a column cannot be hung under a looping chain.
    const res = await a.app.inject(patch((await col('gsgg')).id, { parentId: qtwj.id }));
    assert.equal(res.statusCode, 409, res.body);
  });
});
