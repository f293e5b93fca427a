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

export const ORGANIZATION_KINDS = {
  government: '人民政府',
  office: '办公室',
  department: '部门',
  unit: '下属单位',
} as const;

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

export function createOrganizationsRepository({ db }: { db: Kysely<Database> }) {
  return {
    async list(): Promise<Organization[]> {
      const rows = await db.selectFrom('organizations').selectAll().orderBy('id').execute();
      return rows.map(toOrganization);
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
      const r = await db.insertInto('organizations').values(o).returningAll().executeTakeFirstOrThrow();
      return toOrganization(r);
    },
    async update(
      id: number,
      patch: Partial<{ name: string; parent_id: number | null; kind: string; disabled: number }>,
    ): Promise<Organization | undefined> {
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
