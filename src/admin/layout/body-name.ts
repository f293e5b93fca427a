// Pure: the name of the body (机关) an organization belongs to — itself if it is a body,
// otherwise the nearest ancestor marked isBody.
import type { Organization } from '../api.types.ts';

export function bodyNameFor(orgs: readonly Organization[], organizationId: string | number): string | undefined {
  const byId = new Map(orgs.map((o) => [String(o.id), o]));
  const seen = new Set<string>();
  let cur = byId.get(String(organizationId));
  while (cur && !seen.has(String(cur.id))) {
    if (cur.isBody) return cur.name;
    seen.add(String(cur.id));
    cur = cur.parentId === null ? undefined : byId.get(String(cur.parentId));
  }
  return undefined;
}
