import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { NewOrganization, OrganizationRow } from './auth.table.ts';

export interface Organization {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  kind: string;
  isBody: boolean;
  disabled: boolean;
}

export { ORGANIZATION_KINDS } from './organizations.kinds.ts';

export function toOrganization(r: OrganizationRow): Organization {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    parentId: r.parent_id,
    kind: r.kind,
    isBody: r.is_body === 1,
    disabled: r.disabled === 1,
  };
}

/**
 * The organization tree is read on nearly every request and changes rarely: it is loaded once per
 * database handle and kept, frozen, until a write through this repository (in this process)
 * invalidates it. A cheap stamp (count and highest id) catches rows added another way, and the
 * copy is reloaded after TREE_MAX_AGE_MS anyway, so another process's move of a unit is seen
 * within seconds. The same array is handed out while valid, so the scope index built on it
 * (access.rules) is built once too.
 */
const TREE_MAX_AGE_MS = 5_000;
let treeGeneration = 0;
const treeCache = new WeakMap<object, { generation: number; loadedAt: number; stamp: string; orgs: readonly Organization[] }>();

/** Forget every cached tree: called after a transaction that changed organizations commits. */
export function invalidateOrganizationTree(): void {
  treeGeneration++;
}

function sameTree(a: readonly Organization[], b: readonly Organization[]): boolean {
  return a.length === b.length && a.every((o, i) => {
    const n = b[i]!;
    return o.id === n.id && o.code === n.code && o.name === n.name && o.parentId === n.parentId && o.kind === n.kind && o.isBody === n.isBody && o.disabled === n.disabled;
  });
}

export function createOrganizationsRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** The tree; `fresh` reads it from the database now (a check under the tree's lock). */
    async list({ fresh = false }: { fresh?: boolean } = {}): Promise<readonly Organization[]> {
      const s = await db
        .selectFrom('organizations')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('top')])
        .executeTakeFirstOrThrow();
      const stamp = `${String(s.n)}:${String(s.top)}`;
      // Kept per database: a transaction shares its database's adapter, so the usecases that read
      // the tree inside their transaction (every submission and case action) find it too.
      const key = db.getExecutor().adapter;
      const cached = treeCache.get(key);
      if (!fresh && cached && cached.generation === treeGeneration && cached.stamp === stamp && Date.now() - cached.loadedAt < TREE_MAX_AGE_MS) {
        return cached.orgs;
      }
      const generation = treeGeneration;
      const rows = await db.selectFrom('organizations').selectAll().orderBy('id').execute();
      const loaded = rows.map(toOrganization);
      // Unchanged after the periodic reload: the same array is kept, and with it what was built
      // on it (the scope index, the list's JSON and gzip), instead of remaking them every 5 s.
      const orgs = cached && sameTree(cached.orgs, loaded) ? cached.orgs : Object.freeze(loaded.map((o) => Object.freeze(o)));
      // What a transaction reads may be its own uncommitted move, refused and rolled back later:
      // only a read outside any transaction (committed rows) is kept for others.
      if (!db.isTransaction) treeCache.set(key, { generation, loadedAt: Date.now(), stamp, orgs });
      return orgs;
    },
    async byId(id: number): Promise<Organization | undefined> {
      const r = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toOrganization(r);
    },
    async byCode(code: string): Promise<Organization | undefined> {
      const r = await db.selectFrom('organizations').selectAll().where('code', '=', code).executeTakeFirst();
      return r && toOrganization(r);
    },
    async insert(o: NewOrganization): Promise<Organization> {
      invalidateOrganizationTree();
      const r = await db.insertInto('organizations').values(o).returningAll().executeTakeFirstOrThrow();
      return toOrganization(r);
    },
    async update(
      id: number,
      patch: Partial<{ name: string; parent_id: number | null; kind: string; disabled: number }>,
    ): Promise<Organization | undefined> {
      invalidateOrganizationTree();
      const r = await db.updateTable('organizations').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
      return r && toOrganization(r);
    },
    async count(): Promise<number> {
      const r = await db.selectFrom('organizations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type OrganizationsRepository = ReturnType<typeof createOrganizationsRepository>;
