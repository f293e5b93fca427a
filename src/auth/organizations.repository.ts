import { sql, type Kysely } from 'kysely';
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
 * The organization tree is read on nearly every request and changes rarely: it is kept per
 * database handle, frozen, with the tree's version it was read at (migration 0017: a row that
 * changes with every write to the tree, whoever writes). `list` reads the version (one small
 * statement) and reads the tree again only when it changed, so a change committed by any process
 * is seen by the next request. A hot path can do without that statement: it takes `cachedTree`
 * and checks its version in a statement it runs anyway (`treeVersionIs`), reading the tree again
 * only when that finds it changed. The same array is handed out while valid, so the scope index
 * built on it (access.rules) is built once too.
 */
let treeGeneration = 0;
interface CachedTree { generation: number; version: number | null; orgs: readonly Organization[] }
const treeCache = new WeakMap<object, CachedTree>();

/** Forget every cached tree: called after a transaction that changed organizations commits. */
export function invalidateOrganizationTree(): void {
  treeGeneration++;
}

/** The tree as this process last read it outside a transaction, with its version (no statement). */
export function cachedTree(db: Kysely<Database>): { orgs: readonly Organization[]; version: number } | undefined {
  const cached = treeCache.get(db.getExecutor().adapter);
  return cached && cached.generation === treeGeneration && cached.version !== null ? { orgs: cached.orgs, version: cached.version } : undefined;
}

/** The tree's version, as a subquery for a statement that checks a cached tree along with its own work. */
export function treeVersion() {
  return sql<number | null>`(select version from organization_tree_version where id = 1)`;
}

function sameTree(a: readonly Organization[], b: readonly Organization[]): boolean {
  return a.length === b.length && a.every((o, i) => {
    const n = b[i]!;
    return o.id === n.id && o.code === n.code && o.name === n.name && o.parentId === n.parentId && o.kind === n.kind && o.isBody === n.isBody && o.disabled === n.disabled;
  });
}

export function createOrganizationsRepository({ db }: { db: Kysely<Database> }) {
  // Kept per database: a transaction shares its database's adapter, so the usecases that read
  // the tree inside their transaction (every submission and case action) find it too.
  const key = db.getExecutor().adapter;
  return {
    /** The tree; `fresh` reads it from the database now (a check under the tree's lock). */
    async list({ fresh = false }: { fresh?: boolean } = {}): Promise<readonly Organization[]> {
      const cached = treeCache.get(key);
      if (!fresh && cached && cached.generation === treeGeneration && cached.version !== null) {
        const s = await db.selectFrom('organization_tree_version').select('version').where('id', '=', 1).executeTakeFirst();
        if (s && Number(s.version) === cached.version) return cached.orgs;
      }
      return this.reload();
    },
    /** Reads the tree and its version in one statement (one snapshot), and keeps it when read outside a transaction. */
    async reload(): Promise<readonly Organization[]> {
      const cached = treeCache.get(key);
      const generation = treeGeneration;
      const rows = await db.selectFrom('organizations').selectAll().select(treeVersion().as('tree_version')).orderBy('id').execute();
      const loaded = rows.map(toOrganization);
      // An empty tree's version is read on its own (no row carries it).
      const version = rows.length ? rows[0]!.tree_version : ((await db.selectFrom('organization_tree_version').select('version').executeTakeFirst())?.version ?? null);
      // Unchanged: the same array is kept, and with it what was built on it (the scope index,
      // the list's JSON and gzip), instead of remaking them.
      const orgs = cached && sameTree(cached.orgs, loaded) ? cached.orgs : Object.freeze(loaded.map((o) => Object.freeze(o)));
      // What a transaction reads may be its own uncommitted move, refused and rolled back later:
      // only a read outside any transaction (committed rows) is kept for others.
      if (!db.isTransaction) treeCache.set(key, { generation, version: version === null ? null : Number(version), orgs });
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
