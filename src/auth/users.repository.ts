import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { NewUser, UserRow, UserUpdate } from './auth.table.ts';
import { parseRoles } from './access.rules.ts';
import type { Role } from './roles.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  organizationId: number;
  organizationName: string;
  roles: Role[];
  disabled: boolean;
  lockedUntil: string | null;
}

type UserWithOrg = UserRow & { organization_name: string };

export function toUser(r: UserWithOrg): User {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    organizationId: r.organization_id,
    organizationName: r.organization_name,
    roles: parseRoles(r.roles),
    disabled: r.disabled === 1,
    lockedUntil: r.locked_until,
  };
}

export function createUsersRepository({ db }: { db: Kysely<Database> }) {
  const base = () =>
    db
      .selectFrom('users')
      .innerJoin('organizations', 'organizations.id', 'users.organization_id')
      .selectAll('users')
      .select('organizations.name as organization_name');
  return {
    async byUsername(username: string): Promise<UserWithOrg | undefined> {
      return base().where('users.username', '=', username).executeTakeFirst();
    },
    async byId(id: number): Promise<UserWithOrg | undefined> {
      return base().where('users.id', '=', id).executeTakeFirst();
    },
    async list(filter: { organizationIds?: number[]; q?: string }): Promise<User[]> {
      let q = base();
      if (filter.organizationIds) {
        if (filter.organizationIds.length === 0) return [];
        q = q.where('users.organization_id', 'in', filter.organizationIds);
      }
      if (filter.q) {
        const like = `%${filter.q.toLowerCase()}%`;
        q = q.where((eb) =>
          eb.or([eb(eb.fn('lower', ['users.username']), 'like', like), eb('users.display_name', 'like', `%${filter.q}%`)]),
        );
      }
      const rows = await q.orderBy('users.id').execute();
      return rows.map(toUser);
    },
    async insert(u: NewUser): Promise<number> {
      const r = await db.insertInto('users').values(u).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    async update(id: number, patch: UserUpdate): Promise<void> {
      await db.updateTable('users').set(patch).where('id', '=', id).execute();
    },
    async count(): Promise<number> {
      const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
