/**
 * The organization tree is loaded once and kept until it changes (issue "production runtime",
 * item 6): list requests reuse one array and the scope index built on it.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeOnBothDatabases } from '../db/test-databases.ts';
import { createOrganizationsRepository } from './organizations.repository.ts';
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
});
