import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { GENESIS_HASH, auditHash, firstChainProblem, type ChainProblem } from './audit.chain.ts';

export interface AuditEntry {
  userId?: number | null;
  username?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  ip?: string | null;
  detail?: unknown;
}

/** Key of the PostgreSQL advisory lock that serialises appends, so the chain never forks. */
const AUDIT_LOCK_KEY = 740_501;

export function createAuditRepository({ db }: { db: Kysely<Database> }) {
  return {
    /** Appends one row; runs in its own transaction, or in `trx` when the caller has one. */
    async append(entry: AuditEntry, now: Date, trx?: Kysely<Database>): Promise<void> {
      const write = async (t: Kysely<Database>) => {
        if (dialectOf(t) === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(t);
        const last = await t.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
        const content = {
          at: now.toISOString(),
          user_id: entry.userId ?? null,
          username: entry.username ?? null,
          action: entry.action,
          target_type: entry.targetType ?? null,
          target_id: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
          ip: entry.ip ?? null,
          detail: JSON.stringify(entry.detail ?? {}),
        };
        const prev = last?.hash ?? GENESIS_HASH;
        await t
          .insertInto('audit_log')
          .values({ ...content, prev_hash: prev, hash: auditHash(prev, content) })
          .execute();
      };
      if (trx) await write(trx);
      else await db.transaction().execute(write);
    },
    /** Newest first; `organizationIds` keeps only rows by users of those organizations. */
    async list(limit: number, beforeId?: number, organizationIds?: readonly number[]) {
      let q = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit);
      if (beforeId) q = q.where('id', '<', beforeId);
      if (organizationIds) {
        const ids = organizationIds.length ? [...organizationIds] : [-1];
        q = q.where('user_id', 'in', db.selectFrom('users').select('id').where('organization_id', 'in', ids));
      }
      return q.execute();
    },
    /** The chain's head, for an anchor outside the database. */
    async head(): Promise<{ count: number; lastId: number; head: string }> {
      const last = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
      const n = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { count: Number(n.n), lastId: last?.id ?? 0, head: last?.hash ?? GENESIS_HASH };
    },
    /**
     * Walks the whole chain in id order; returns the first altered or removed row, or null. Given
     * the last anchor, the anchored row must still be there with its hash and the same number of
     * rows up to it: this catches the newest rows (or all) deleted, which a whole chain hides.
     */
    async verify(anchor?: { count: number; lastId: number; head: string } | null): Promise<{ rows: number; problem: ChainProblem | null }> {
      let prev = GENESIS_HASH;
      let afterId = 0;
      let rows = 0;
      let keyed = false;
      for (;;) {
        const batch = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(1000).execute();
        if (batch.length === 0) break;
        const walked = firstChainProblem(batch, prev, keyed);
        if (walked.problem) return { rows: rows + batch.findIndex((r) => r.id === walked.problem!.id), problem: walked.problem };
        rows += batch.length;
        prev = walked.lastHash;
        keyed = walked.keyed;
        afterId = batch[batch.length - 1].id;
      }
      if (anchor && anchor.count > 0) {
        const row = await db.selectFrom('audit_log').select('hash').where('id', '=', anchor.lastId).executeTakeFirst();
        const upTo = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('id', '<=', anchor.lastId).executeTakeFirstOrThrow();
        if (!row || row.hash !== anchor.head || Number(upTo.n) !== anchor.count) {
          return { rows, problem: { id: anchor.lastId, reason: `与数据库外的锚点不符：锚点记录了 ${anchor.count} 条（至第 ${anchor.lastId} 条），现有记录被删除或重写` } };
        }
      }
      return { rows, problem: null };
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
