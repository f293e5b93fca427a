// Pure route-table logic (no React rendering), shared by the layout and its tests.
// The table itself lives in routes.tsx.
import type { ComponentType, ReactNode } from 'react';
import type { Role } from '../auth/roles.ts';

export interface RouteEntry {
  path: string;
  label: string;
  icon?: ReactNode;
  page?: ComponentType;
  children?: RouteEntry[];
  roles?: readonly Role[];
}

/** Entries this user may see (role filter applied at every level). */
export function visibleRoutes(routes: RouteEntry[], roles: readonly string[]): RouteEntry[] {
  const out: RouteEntry[] = [];
  for (const r of routes) {
    if (r.roles && !r.roles.some((role) => roles.includes(role))) continue;
    if (r.children) {
      const children = visibleRoutes(r.children, roles);
      if (children.length) out.push({ ...r, children });
    } else {
      out.push(r);
    }
  }
  return out;
}

export type RouteMatch =
  | { kind: 'page'; entry: RouteEntry; parents: RouteEntry[] }
  | { kind: 'redirect'; to: string }
  | { kind: 'not-found' }
  | { kind: 'forbidden'; entry: RouteEntry };

/** Finds the page for a hash path among the visible routes; a group path opens its first child. */
export function matchRoute(routes: RouteEntry[], path: string, parents: RouteEntry[] = []): RouteMatch {
  for (const r of routes) {
    if (r.path === path) {
      if (r.page) return { kind: 'page', entry: r, parents };
      const first = r.children?.[0];
      if (first) return { kind: 'redirect', to: first.path };
    }
    if (r.children && path.startsWith(`${r.path}/`)) {
      const m = matchRoute(r.children, path, [...parents, r]);
      if (m.kind !== 'not-found') return m;
    }
  }
  return { kind: 'not-found' };
}

/**
 * The page for a user: a path that exists but is hidden from the user's roles is `forbidden` (a
 * 403 page saying so), not `not-found`; the server refuses its requests either way.
 */
export function matchRouteFor(all: RouteEntry[], roles: readonly string[], path: string): RouteMatch {
  const m = matchRoute(visibleRoutes(all, roles), path);
  if (m.kind !== 'not-found') return m;
  const any = matchRoute(all, path);
  return any.kind === 'page' ? { kind: 'forbidden', entry: any.entry } : m;
}
