/**
 * Who may act where (pure). A user acts within their organization; an administrator (and a case
 * handler, per ROLES.scope) also within its sub-units; an auditor reads everything and writes
 * nothing. Checked by every usecase that writes.
 */
import { ROLES, isRole, type Role } from './roles.ts';

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

/** The ids of `rootId` and all its descendants. */
export function subtreeIds(orgs: readonly OrgNode[], rootId: number): Set<number> {
  const children = new Map<number, number[]>();
  for (const o of orgs) {
    if (o.parentId === null) continue;
    const list = children.get(o.parentId) ?? [];
    list.push(o.id);
    children.set(o.parentId, list);
  }
  const out = new Set<number>([rootId]);
  const queue = [rootId];
  while (queue.length) {
    for (const c of children.get(queue.pop()!) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        queue.push(c);
      }
    }
  }
  return out;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/** May `actor`, using `role`, write to records of organization `orgId`? */
export function canWriteIn(actor: Actor, role: Role, orgId: number, orgs: readonly OrgNode[]): boolean {
  if (!hasRole(actor, role) || role === 'auditor') return false;
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
