/** The organization tree never loops, also when two administrators move units at once. */
import { it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { fireAtOnce } from '../shared/race.testing.ts';

describeOnBothDatabases('organization tree cycles', (t) => {
  let a: TestApp;
  let admin: Record<string, string>;
  const org = async (code: string) => a.deps.db.selectFrom('organizations').select(['id', 'parent_id']).where('code', '=', code).executeTakeFirstOrThrow();
  const move = (id: number, parentId: number) => ({ method: 'PATCH' as const, url: `/api/v1/organizations/${id}`, headers: admin, payload: { parentId } });

  before(async () => {
    a = await createTestApp(t());
    admin = (await a.login('admin')).headers;
    for (const code of ['tree-a', 'tree-b']) {
      const res = await a.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin, payload: { code, name: `测试单位${code}`, parentId: (await org('shilong')).id, kind: 'department' } });
      assert.equal(res.statusCode, 201, res.body);
    }
  });
  after(async () => {
    await a.app.close();
  });

  it('refuses a unit under itself or under its own sub-unit, and changes nothing', async () => {
    const fgw = await org('shilong-fgw');
    const b = await org('tree-b');
    assert.equal((await a.app.inject(move(b.id, fgw.id))).statusCode, 200);
    for (const parentId of [fgw.id, b.id]) {
      const res = await a.app.inject(move(fgw.id, parentId));
      assert.equal(res.statusCode, 409, res.body);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'organizations.cycle');
    }
    assert.deepEqual(await org('shilong-fgw'), fgw);
    assert.equal((await a.app.inject(move(b.id, (await org('shilong')).id))).statusCode, 200);
  });

  it('two opposite moves fired at once (A under B, B under A, ×10) never close a loop', async () => {
    const x = await org('tree-a');
    const y = await org('tree-b');
    const answers = await fireAtOnce(a.app, Array.from({ length: 10 }, (_, i) => (i % 2 ? move(x.id, y.id) : move(y.id, x.id))));
    const statuses = answers.map((r) => r.status);
    assert.ok(statuses.every((s) => s === 200 || s === 409), statuses.join(','));
    const [ax, ay] = [await org('tree-a'), await org('tree-b')];
    assert.ok(!(ax.parent_id === y.id && ay.parent_id === x.id), `loop closed: statuses ${statuses.join(',')}`);
  });
});
