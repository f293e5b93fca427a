// Turns the flat organization list from the API into the nested shapes antd's Tree, Table and
// TreeSelect need. Pure. Organizations whose parent is missing from the list (e.g. outside the
// user's scope) become roots so nothing silently disappears.
import type { Organization, OrganizationKind } from '../api.types.ts';

export const ORGANIZATION_KINDS: Record<OrganizationKind, string> = {
  government: '人民政府',
  office: '办公室',
  department: '部门',
  unit: '下属单位',
};

export function organizationKindLabel(kind: string): string {
  return (ORGANIZATION_KINDS as Record<string, string>)[kind] ?? kind;
}

export interface OrgNode extends Organization {
  children?: OrgNode[];
}

export function buildOrgTree(orgs: readonly Organization[]): OrgNode[] {
  const byId = new Map<string, OrgNode>();
  for (const o of orgs) byId.set(String(o.id), { ...o });
  const roots: OrgNode[] = [];
  for (const o of orgs) {
    const node = byId.get(String(o.id))!;
    const parent = o.parentId === null || o.parentId === undefined ? undefined : byId.get(String(o.parentId));
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (nodes: OrgNode[]) => {
    nodes.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Ids of `id` and every organization below it (a node cannot be moved under its own subtree). */
export function subtreeIds(orgs: readonly Organization[], id: string | number): Set<string> {
  const out = new Set<string>([String(id)]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId !== null && out.has(String(o.parentId)) && !out.has(String(o.id))) {
        out.add(String(o.id));
        grew = true;
      }
    }
  }
  return out;
}

export interface OrgTreeSelectNode {
  title: string;
  value: string;
  disabled?: boolean;
  children?: OrgTreeSelectNode[];
}

/** TreeSelect data; disabled organizations and `exclude`d ids cannot be chosen. */
export function orgTreeSelectData(orgs: readonly Organization[], exclude: Set<string> = new Set()): OrgTreeSelectNode[] {
  const map = (nodes: OrgNode[]): OrgTreeSelectNode[] =>
    nodes.map((n) => ({
      title: n.disabled ? `${n.name}（已停用）` : n.name,
      value: String(n.id),
      disabled: n.disabled || exclude.has(String(n.id)),
      children: n.children ? map(n.children) : undefined,
    }));
  return map(buildOrgTree(orgs));
}
