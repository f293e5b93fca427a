/**
 * Walking trees stored as parent links (organizations, publishing columns), pure. Writes refuse
 * cycles, but a cycle can still reach the database by hand or from an old version; every walk
 * here remembers where it has been, so such a row makes a page incomplete, never a process that
 * loops until it runs out of memory.
 */
export interface ParentLink {
  id: number;
  parentId: number | null;
}

/** `id` and its ancestors, nearest first; stops at the root or where the chain comes back. */
export function ancestorChain(nodes: readonly ParentLink[], id: number): number[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: number[] = [];
  const seen = new Set<number>();
  for (let cur = byId.get(id); cur && !seen.has(cur.id); cur = cur.parentId === null ? undefined : byId.get(cur.parentId)) {
    seen.add(cur.id);
    out.push(cur.id);
  }
  return out;
}

/** `rootId` and every node below it, each once, in breadth-first order. */
export function descendantIds(nodes: readonly ParentLink[], rootId: number): number[] {
  const children = new Map<number, number[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = children.get(n.parentId) ?? [];
    list.push(n.id);
    children.set(n.parentId, list);
  }
  const out = [rootId];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const c of children.get(out[i]) ?? []) {
      if (!seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
    }
  }
  return out;
}

/**
 * Would making `newParentId` the parent of `id` close a loop? True when the new parent is the
 * node itself or one of its descendants, and also when the new parent's own chain already loops
 * (a broken tree is not a place to hang more nodes).
 */
export function wouldCreateCycle(nodes: readonly ParentLink[], id: number, newParentId: number | null): boolean {
  if (newParentId === null) return false;
  if (newParentId === id) return true;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<number>();
  for (let cur: number | null = newParentId; cur !== null; cur = byId.get(cur)?.parentId ?? null) {
    if (cur === id || seen.has(cur)) return true;
    seen.add(cur);
  }
  return false;
}
