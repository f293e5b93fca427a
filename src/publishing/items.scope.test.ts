/**
 * Province-wide lists drop the organization filter (scopeFilter) instead of sending every id:
 * the lists must still hold exactly what each reader may read — all items and cases for the
 * auditor, newest change first, and only its own subtree for a unit's publisher — with totals
 * that match. On both databases.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createTestApp, type TestApp } from '../http/test-app.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { readableOrgIds, scopeFilter, subtreeIds } from '../auth/access.rules.ts';

describeOnBothDatabases('list scope at the whole tree and below', (t) => {
  let app: TestApp;

  it('gives no filter for the whole tree and the ids for a subtree', async () => {
    app = await createTestApp(t());
    const orgs = await createOrganizationsRepository(app.deps).list();
    const root = orgs.find((o) => o.parentId === null)!;
    assert.equal(scopeFilter(readableOrgIds({ id: 1, username: 'a', organizationId: root.id, roles: ['auditor'] }, orgs), orgs), undefined);
    const fgw = orgs.find((o) => o.code === 'shilong-fgw')!;
    assert.deepEqual(scopeFilter([...subtreeIds(orgs, fgw.id)], orgs)?.sort(), [...subtreeIds(orgs, fgw.id)].sort());
    assert.deepEqual(scopeFilter([], orgs), []);
  });

  it('lists every item for the auditor, newest change first, and only its own for a unit', async () => {
    const all = await app.deps.db.selectFrom('publishing_items').select(['id', 'organization_id', 'updated_at']).execute();
    const auditor = (await app.login('auditor')).headers;
    const page = await app.app.inject({ method: 'GET', url: '/api/v1/publishing/items?pageSize=100', headers: auditor });
    assert.equal(page.statusCode, 200);
    const body = page.json() as { total: number; items: Array<{ id: number; updatedAt: string }> };
    assert.equal(body.total, all.length);
    const expected = [...all].sort((a, b) => (a.updated_at === b.updated_at ? b.id - a.id : a.updated_at < b.updated_at ? 1 : -1)).slice(0, 100).map((r) => r.id);
    assert.deepEqual(body.items.map((i) => i.id), expected);

    const orgs = await createOrganizationsRepository(app.deps).list();
    const fgw = orgs.find((o) => o.code === 'shilong-fgw')!;
    const own = subtreeIds(orgs, fgw.id);
    const editor = (await app.login('fgw-editor')).headers;
    const mine = (await app.app.inject({ method: 'GET', url: '/api/v1/publishing/items?pageSize=100', headers: editor })).json() as { total: number; items: Array<{ organizationId: number }> };
    assert.equal(mine.total, all.filter((r) => own.has(r.organization_id)).length);
    assert.ok(mine.total > 0 && mine.total < all.length);
    assert.ok(mine.items.every((i) => own.has(i.organizationId)));
  });

  it('lists every case for the auditor', async () => {
    const n = Number((await app.deps.db.selectFrom('applications').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const auditor = (await app.login('auditor')).headers;
    const r = await app.app.inject({ method: 'GET', url: '/api/v1/applications?limit=5', headers: auditor });
    assert.equal(r.statusCode, 200);
    assert.equal((r.json() as { total: number }).total, n);
  });
});
