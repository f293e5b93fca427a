import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { NewUser, UserRow, UserUpdate } from './auth.table.ts';
import { parseRoles } from './access.rules.ts';
import type { Role } from './roles.ts';
import { ACCOUNT_LOCKOUT_MAX_MINUTES, ACCOUNT_MAX_FAILED_LOGINS, LOGIN_CHECK_STALE_MS, lockoutMinutes, type CheckEnd, type CheckTake } from './password.rules.ts';

export interface User {
  id: number;
  username: string;
  displayName: string;
  organizationId: number;
  organizationName: string;
  roles: Role[];
  disabled: boolean;
  lockedUntil: string | null;
  /** Send it back with a change: a change over an older version is refused with 409. */
  version: number;
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
    version: r.version,
  };
}

export function createUsersRepository({ db }: { db: Kysely<Database> }) {
  const base = () =>
    db
      .selectFrom('users')
      .innerJoin('organizations', 'organizations.id', 'users.organization_id')
      .selectAll('users')
      .select('organizations.name as organization_name');
  /**
   * Locks the account unless a lock is already running (never a stale write); the n-th lock
   * since the last successful login lasts LOCKOUT_MINUTES·2^(n−1), capped (backoff).
   */
  async function lock(id: number, now: Date): Promise<void> {
    const at = now.toISOString();
    const row = await db.selectFrom('users').select('lockouts').where('id', '=', id).executeTakeFirst();
    const n = Number(row?.lockouts ?? 0) + 1;
    const until = new Date(now.getTime() + lockoutMinutes(n, ACCOUNT_LOCKOUT_MAX_MINUTES) * 60_000).toISOString();
    await db
      .updateTable('users')
      .set({ locked_until: until, failed_logins: 0, lockouts: n })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
      .execute();
  }
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
    /** Applies `patch` only over `version` and bumps it; false when someone changed the account meanwhile. */
    async updateAtVersion(id: number, version: number, patch: UserUpdate): Promise<boolean> {
      const r = await db.updateTable('users').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /**
     * Takes one password check from the account's budget in one statement: failures plus checks
     * running may not pass ACCOUNT_MAX_FAILED_LOGINS, so parallel guesses get at most the budget
     * checked. `busy`: running checks fill it — one of them may yet be the right password, so
     * the caller waits rather than locking.
     */
    async takeLoginCheck(id: number, now: Date): Promise<CheckTake> {
      const at = now.toISOString();
      const stale = new Date(now.getTime() - LOGIN_CHECK_STALE_MS).toISOString();
      const running = sql<number>`(case when login_checks_at is null or login_checks_at < ${stale} then 0 else login_checks end)`;
      const r = await db
        .updateTable('users')
        .set({ login_checks: sql<number>`${running} + 1`, login_checks_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
        .where(sql<number>`failed_logins + ${running}`, '<', ACCOUNT_MAX_FAILED_LOGINS)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) return 'taken';
      const row = await db.selectFrom('users').select(['locked_until', 'failed_logins']).where('id', '=', id).executeTakeFirst();
      if (!row || (row.locked_until !== null && row.locked_until > at)) return 'locked';
      if (Number(row.failed_logins) >= ACCOUNT_MAX_FAILED_LOGINS) {
        // A failure reached the budget and its lock is being written: lock (at most once) here too.
        await lock(id, now);
        return 'locked';
      }
      return 'busy';
    },
    /** Ends a taken check; returns the failures now counted (a right password clears them and the backoff). */
    async endLoginCheck(id: number, end: CheckEnd): Promise<number> {
      const checks = sql<number>`case when login_checks > 0 then login_checks - 1 else 0 end`;
      const failures = end === 'right' ? 0 : end === 'wrong' ? sql<number>`failed_logins + 1` : sql<number>`failed_logins`;
      const r = await db
        .updateTable('users')
        .set({ login_checks: checks, failed_logins: failures, ...(end === 'right' ? { lockouts: 0 } : {}) })
        .where('id', '=', id)
        .returning('failed_logins')
        .executeTakeFirst();
      return Number(r?.failed_logins ?? 0);
    },
    lock,
    async count(): Promise<number> {
      const r = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
