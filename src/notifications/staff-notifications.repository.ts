/**
 * Staff's in-app notifications. Each row is one user's; `dedupe_key` (unique per user) keeps a
 * reminder from being given twice, e.g. by two processes running the daily reminders.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { parseRoles } from '../auth/access.rules.ts';
import type { Role } from '../auth/roles.ts';
import type { StaffNotificationRow } from './notifications.table.ts';

export interface NewStaffNotification {
  kind: string;
  title: string;
  link: string;
  dedupeKey: string;
}

export interface StaffUser {
  id: number;
  username: string;
  organizationId: number;
  roles: Role[];
}

export function createStaffNotificationsRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Adds the notification for each user who does not have it yet (by dedupe key). */
    async add(userIds: number[], n: NewStaffNotification, at: string): Promise<number> {
      const ids = [...new Set(userIds)];
      if (!ids.length) return 0;
      const res = await db
        .insertInto('staff_notifications')
        .values(ids.map((userId) => ({ user_id: userId, kind: n.kind, title: n.title, link: n.link, dedupe_key: n.dedupeKey, created_at: at })))
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0);
    },

    async list(userId: number, options: { unreadOnly?: boolean; limit?: number; offset?: number } = {}): Promise<StaffNotificationRow[]> {
      let q = db.selectFrom('staff_notifications').selectAll().where('user_id', '=', userId);
      if (options.unreadOnly) q = q.where('read_at', 'is', null);
      return q.orderBy('id', 'desc').limit(options.limit ?? 50).offset(options.offset ?? 0).execute();
    },

    async counts(userId: number): Promise<{ total: number; unread: number }> {
      const r = await db
        .selectFrom('staff_notifications')
        .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('read_at', 'is', null).as('unread')])
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      return { total: Number(r.total), unread: Number(r.unread) };
    },

    /** Marks one of the user's notifications read; false when it is not theirs. */
    async markRead(userId: number, id: number, at: string): Promise<boolean> {
      const own = await db.selectFrom('staff_notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
      if (!own) return false;
      await db.updateTable('staff_notifications').set({ read_at: at }).where('id', '=', id).where('read_at', 'is', null).execute();
      return true;
    },

    async markAllRead(userId: number, at: string): Promise<number> {
      const res = await db.updateTable('staff_notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
      return Number(res.numUpdatedRows);
    },

    /** Enabled accounts holding any of `roles` (recipients are then chosen by each feature's own rule). */
    async usersWithRoles(roles: Role[]): Promise<StaffUser[]> {
      const rows = await db.selectFrom('users').select(['id', 'username', 'organization_id', 'roles']).where('disabled', '=', 0).orderBy('id').execute();
      return rows
        .map((r) => ({ id: r.id, username: r.username, organizationId: r.organization_id, roles: parseRoles(r.roles) }))
        .filter((u) => u.roles.some((r) => roles.includes(r)));
    },
  };
}

export type StaffNotificationsRepository = ReturnType<typeof createStaffNotificationsRepository>;
