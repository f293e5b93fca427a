/** Storage of the query-code recovery codes (query_code_recoveries). */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { QueryCodeRecoveryRow } from './query-code-recovery.table.ts';
import { RECOVERY_MAX_TRIES } from './query-code-recovery.rules.ts';

export function createQueryCodeRecoveryRepository({ db }: { db: Kysely<Database> }) {
  return {
    async insert(r: { applicationId: number; channel: string; codeHash: string; createdAt: string; expiresAt: string }): Promise<void> {
      await db.insertInto('query_code_recoveries')
        .values({ application_id: r.applicationId, channel: r.channel, code_hash: r.codeHash, created_at: r.createdAt, expires_at: r.expiresAt, used_at: null })
        .execute();
    },

    async countSince(applicationId: number, since: string): Promise<number> {
      const r = await db.selectFrom('query_code_recoveries').select((eb) => eb.fn.countAll().as('n'))
        .where('application_id', '=', applicationId).where('created_at', '>=', since).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** The case's newest code: a new request replaces every earlier one. */
    latest(applicationId: number): Promise<QueryCodeRecoveryRow | undefined> {
      return db.selectFrom('query_code_recoveries').selectAll().where('application_id', '=', applicationId).orderBy('id', 'desc').limit(1).executeTakeFirst();
    },

    /** Spends one try of a live code; false when it is used, expired or out of tries. */
    async spendTry(id: number, now: string): Promise<boolean> {
      const r = await db.updateTable('query_code_recoveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', now).where('attempts', '<', RECOVERY_MAX_TRIES)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Marks the code used; of two confirmations at once only one changes the row. */
    async use(id: number, now: string): Promise<boolean> {
      const r = await db.updateTable('query_code_recoveries').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
