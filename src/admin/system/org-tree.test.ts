import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Organization } from '../api.types.ts';
import { buildOrgTree, orgTreeSelectData, subtreeIds } from './org-tree.ts';
import { bodyNameFor } from '../layout/body-name.ts';

const org = (id: number, code: string, name: string, parentId: number | null, extra: Partial<Organization> = {}): Organization => ({
  id, code, name, parentId, kind: 'department', isBody: false, disabled: false, ...extra,
});

const ORGS = [
  org(3, 'shilong-jyj', '石龙区教育局', 1),
  org(1, 'shilong', '石龙区人民政府', null, { kind: 'government', isBody: true }),
  org(2, 'shilong-bgs', '石龙区人民政府办公室', 1, { kind: 'office' }),
  org(4, 'shilong-jyj-yz', '石龙区第一中学', 3, { kind: 'unit', disabled: true }),
  org(9, 'orphan', '上级不在列表中的单位', 77),
];

describe('organization tree for the admin screens', () => {
  it('nests children under parents, sorted by code, and keeps orphans as roots', () => {
    const tree = buildOrgTree(ORGS);
    assert.deepEqual(tree.map((n) => n.name), ['上级不在列表中的单位', '石龙区人民政府']);
    const gov = tree[1];
    assert.deepEqual(gov.children?.map((n) => n.code), ['shilong-bgs', 'shilong-jyj']);
    assert.equal(gov.children?.[1].children?.[0].name, '石龙区第一中学');
  });

  it('a subtree contains the organization and all its descendants only', () => {
    assert.deepEqual([...subtreeIds(ORGS, 3)].sort(), ['3', '4']);
    assert.deepEqual([...subtreeIds(ORGS, 1)].sort(), ['1', '2', '3', '4']);
  });

  it('TreeSelect data marks disabled and excluded organizations as not selectable', () => {
    const data = orgTreeSelectData(ORGS, new Set(['2']));
    const gov = data.find((n) => n.value === '1')!;
    assert.equal(gov.disabled, false);
    assert.equal(gov.children?.find((n) => n.value === '2')?.disabled, true);
    const school = gov.children?.find((n) => n.value === '3')?.children?.[0];
    assert.equal(school?.title, '石龙区第一中学（已停用）');
    assert.equal(school?.disabled, true);
  });

  it('the body name of a unit is its nearest ancestor marked as a body', () => {
    assert.equal(bodyNameFor(ORGS, 4), '石龙区人民政府');
    assert.equal(bodyNameFor(ORGS, 1), '石龙区人民政府');
    assert.equal(bodyNameFor(ORGS, 9), undefined);
  });
});
