/**
 * Who may act where (pure). A user acts within their organization; an administrator (and a case
 * handler, per ROLES.scope) also within its sub-units; an auditor reads everything and writes
 * nothing. Checked by every usecase that writes.
 */
import { READ_ONLY_ROLES, ROLES, isRole, type Role } from './roles.ts';

export interface Actor {
  id: number;
  username: string;
  organizationId: number;
  roles: Role[];
}

export interface OrgNode {
  id: number;
  parentId: number | null;
}

interface TreeIndex {
  children: Map<number, number[]>;
  subtrees: Map<number, ReadonlySet<number>>;
}

/**
 * One index per organization list (the repository hands out the same cached array until the tree
 * changes), so a scope check costs one lookup instead of a walk of the whole tree per organization.
 */
const indexes = new WeakMap<readonly OrgNode[], TreeIndex>();

function indexOf(orgs: readonly OrgNode[]): TreeIndex {
  let index = indexes.get(orgs);
  if (!index) {
    const children = new Map<number, number[]>();
    for (const o of orgs) {
      if (o.parentId === null) continue;
      const list = children.get(o.parentId) ?? [];
      list.push(o.id);
      children.set(o.parentId, list);
    }
    index = { children, subtrees: new Map() };
    indexes.set(orgs, index);
  }
  return index;
}

/** The ids of `rootId` and all its descendants (computed once per tree and root; do not mutate). */
export function subtreeIds(orgs: readonly OrgNode[], rootId: number): ReadonlySet<number> {
  const index = indexOf(orgs);
  const known = index.subtrees.get(rootId);
  if (known) return known;
  const out = new Set<number>([rootId]);
  const queue = [rootId];
  while (queue.length) {
    for (const c of index.children.get(queue.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        queue.push(c);
      }
    }
  }
  index.subtrees.set(rootId, out);
  return out;
}

const readableCache = new WeakMap<readonly OrgNode[], Map<number | 'all', number[]>>();

/** The organizations whose records `actor` may read: the one scope function every list uses. */
export function readableOrgIds(actor: Actor, orgs: readonly OrgNode[]): number[] {
  // Made once per loaded tree and scope (a walk over 10,000 units per list request otherwise);
  // the caller gets its own copy.
  let byScope = readableCache.get(orgs);
  if (!byScope) readableCache.set(orgs, (byScope = new Map()));
  const key = hasRole(actor, 'auditor') ? 'all' : actor.organizationId;
  let ids = byScope.get(key);
  if (!ids) {
    const own = key === 'all' ? null : subtreeIds(orgs, actor.organizationId);
    byScope.set(key, (ids = orgs.filter((o) => !own || own.has(o.id)).map((o) => o.id)));
  }
  return ids.slice();
}

/**
 * The organization filter a list query needs for a scope: none when the scope is the whole tree
 * (a province-wide reader), since `organization_id IN (10,000 ids)` costs far more than the list.
 * `ids` must be a scope computed from `orgs` (readableOrgIds, caseScope), so equal size means all.
 */
export function scopeFilter(ids: readonly number[], orgs: readonly OrgNode[]): number[] | undefined {
  return ids.length >= orgs.length ? undefined : [...ids];
}

/** Whether `orgId` is a root of the tree: a grant there reaches as far as the whole platform. */
export function isRootOrg(orgs: readonly OrgNode[], orgId: number): boolean {
  return orgs.some((o) => o.id === orgId && o.parentId === null);
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/** May `actor`, using `role`, write to records of organization `orgId`? */
export function canWriteIn(actor: Actor, role: Role, orgId: number, orgs: readonly OrgNode[]): boolean {
  if (!hasRole(actor, role) || READ_ONLY_ROLES.includes(role)) return false;
  if (ROLES[role].scope === 'subtree') return subtreeIds(orgs, actor.organizationId).has(orgId);
  return actor.organizationId === orgId;
}

/** May `actor` read records of organization `orgId`? Auditors read all; others their subtree. */
export function canReadIn(actor: Actor, orgId: number, orgs: readonly OrgNode[]): boolean {
  if (hasRole(actor, 'auditor')) return true;
  return subtreeIds(orgs, actor.organizationId).has(orgId);
}

export function parseRoles(json: string): Role[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
  } catch {
    return [];
  }
}
