import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { beforeCommit } from '../db/transaction.ts';
import { GENESIS_HASH, auditHash, firstChainProblem, type AuditContent, type ChainProblem } from './audit.chain.ts';

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

function contentOf(entry: AuditEntry, now: Date): AuditContent {
  return {
    at: now.toISOString(),
    user_id: entry.userId ?? null,
    username: entry.username ?? null,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    ip: entry.ip ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

/**
 * Chains `rows` after the newest row. On PostgreSQL the lock is taken first and the head read in
 * its own statement after it (a statement's snapshot predates its lock wait); the lock is held
 * to the end of the transaction, which is why this runs as the transaction's last work.
 */
async function writeChained(t: Kysely<Database>, rows: AuditContent[]): Promise<void> {
  if (dialectOf(t) === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(t);
  const last = await t.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  // One row per statement: ids must follow the chain's order.
  for (const content of rows) {
    const hash = auditHash(prev, content);
    await t.insertInto('audit_log').values({ ...content, prev_hash: prev, hash }).execute();
    prev = hash;
  }
}

/** Entries waiting for the end of their transaction, by transaction. */
const queued = new WeakMap<object, AuditContent[]>();

export function createAuditRepository({ db }: { db: Kysely<Database> }) {
  return {
    /**
     * Appends one row: in its own transaction, or as part of `trx` when the caller has one — then
     * written as the last work of `trx` (`inTransaction`), so the chain's lock is held only from
     * there to the commit, and rolled back with it.
     */
    async append(entry: AuditEntry, now: Date, trx?: Kysely<Database>): Promise<void> {
      const content = contentOf(entry, now);
      if (!trx) return db.transaction().execute((t) => writeChained(t, [content]));
      const waiting = queued.get(trx);
      if (waiting) {
        waiting.push(content);
        return;
      }
      const rows = [content];
      const deferred = beforeCommit(trx, async () => {
        queued.delete(trx);
        await writeChained(trx, rows);
      });
      if (deferred) queued.set(trx, rows);
      else await writeChained(trx, rows);
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
