/**
 * The organization tree is loaded once and kept until it changes (issue "production runtime",
 * item 6): list requests reuse one array and the scope index built on it.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { sql } from 'kysely';
import { cachedTree, createOrganizationsRepository, treeVersion } from './organizations.repository.ts';
import { readableOrgIds, subtreeIds } from './access.rules.ts';

describeOnBothDatabases('organization tree cache', (t) => {
  it('hands out one tree until a unit is added or moved, then the new one', async () => {
    const repo = createOrganizationsRepository(t());
    const at = '2026-03-01T00:00:00Z';
    const gov = await repo.insert({ code: 'g', name: '人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: at });
    const dep = await repo.insert({ code: 'd', name: '某局', parent_id: gov.id, kind: 'department', is_body: 1, disabled: 0, created_at: at });
    const first = await repo.list();
    assert.equal(await repo.list(), first, 'the same array while nothing changed');
    assert.equal(subtreeIds(first, gov.id), subtreeIds(first, gov.id), 'the scope index is built once per tree');
    const unit = await repo.insert({ code: 'u', name: '下属单位', parent_id: dep.id, kind: 'unit', is_body: 0, disabled: 0, created_at: at });
    const second = await repo.list();
    assert.notEqual(second, first);
    const actor = { id: 1, username: 'x', organizationId: dep.id, roles: ['publisher' as const] };
    assert.deepEqual(readableOrgIds(actor, second), [dep.id, unit.id]);
    await repo.update(unit.id, { parent_id: gov.id });
    assert.deepEqual(readableOrgIds(actor, await repo.list()), [dep.id], 'a moved unit leaves the old subtree at once');
  });

  it('sees a change another process committed at once: the tree\'s version changes with any write to it', async () => {
    const { db } = t();
    const repo = createOrganizationsRepository({ db });
    const at = '2026-03-01T00:00:00Z';
    const gov = await repo.insert({ code: 'g2', name: '人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: at });
    const first = await repo.list();
    const held = cachedTree(db);
    assert.equal(held?.orgs, first, 'the cached tree, without a statement');
    const versionNow = async () => Number((await sql<{ v: number }>`select ${treeVersion()} as v`.execute(db)).rows[0]!.v);
    assert.equal(await versionNow(), held!.version);
    // Written as another process would: not through this process's repository.
    await sql`update organizations set name = '石龙区人民政府' where id = ${gov.id}`.execute(db);
    assert.notEqual(await versionNow(), held!.version, 'a checking statement finds the held tree changed');
    assert.equal((await repo.list()).find((o) => o.id === gov.id)?.name, '石龙区人民政府', 'the next list reads it again');
    await sql`delete from organizations where id = ${gov.id}`.execute(db);
    assert.equal((await repo.list()).some((o) => o.id === gov.id), false);
  });
});
