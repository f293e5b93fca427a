import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { afterCommit, beforeCommit } from '../db/transaction.ts';
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
export const AUDIT_LOCK_KEY = 740_501;

/** The row `append` would write for `entry` (for a statement that writes it along with its own work). */
export function contentOf(entry: AuditEntry, now: Date): AuditContent {
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
 * to the end of the transaction.
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

const SEAL_BATCH = 500;

/**
 * Chains every committed pending row (oldest first) into `audit_log` and removes it from
 * `audit_pending`, in one transaction under the chain's lock; returns how many.
 */
async function sealPending(db: Kysely<Database>): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction().execute(async (t) => {
      const postgres = dialectOf(t) === 'postgres';
      if (postgres) await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(t);
      // The pending rows and the chain's head in one statement (after the lock: its snapshot
      // holds every row chained before the lock was granted).
      const read = await t
        .selectFrom('audit_pending')
        .selectAll()
        .select(sql<string | null>`(select hash from audit_log order by id desc limit 1)`.as('head'))
        .orderBy('id')
        .limit(SEAL_BATCH)
        .execute();
      if (!read.length) return 0;
      let prev = read[0]!.head ?? GENESIS_HASH;
      const chained = read.map(({ id: _id, head: _head, ...content }) => {
        const row = { ...content, prev_hash: prev, hash: auditHash(prev, content) };
        prev = row.hash;
        return row;
      });
      const ids = read.map((r) => r.id);
      // One multi-row statement: both databases number the rows of a VALUES list in its order.
      // PostgreSQL removes them from the pending rows in the same statement.
      if (postgres) await t.with('d', (q) => q.deleteFrom('audit_pending').where('id', 'in', ids)).insertInto('audit_log').values(chained).execute();
      else {
        await t.insertInto('audit_log').values(chained).execute();
        await t.deleteFrom('audit_pending').where('id', 'in', ids).execute();
      }
      return read.length;
    });
    sealed += n;
    if (n < SEAL_BATCH) return sealed;
  }
}

/**
 * One sealing run at a time per database handle. A caller arriving while a run is going waits
 * for the next run (the current one may have read the pending rows before the caller's commit),
 * which then seals the rows of every caller that waited: under load, one lock per batch.
 */
const sealers = new WeakMap<object, { current: Promise<void> | null; queued: Promise<void> | null }>();

function requestSeal(db: Kysely<Database>): Promise<void> {
  let s = sealers.get(db);
  if (!s) sealers.set(db, (s = { current: null, queued: null }));
  const state = s;
  if (!state.current) {
    state.current = sealPending(db)
      .then(() => undefined)
      .finally(() => {
        state.current = null;
      });
    return state.current;
  }
  state.queued ??= state.current
    .catch(() => undefined)
    .then(() => {
      state.queued = null;
      return requestSeal(db);
    });
  return state.queued;
}

/**
 * Starts a sealing run without waiting for it: the rows are committed, so the request that wrote
 * them answers now and the chain catches up in the background. A failed run leaves the rows
 * pending for the next one (the next append, the anchor every minute, `audit verify`). Also for
 * an autocommit statement that wrote pending audit rows itself (intake on PostgreSQL).
 */
export function sealSoon(db: Kysely<Database>): void {
  requestSeal(db).catch(() => undefined);
}

/**
 * For a transaction of `inTransaction` that wrote pending audit rows in a statement of its own
 * (intake's insert, a case action's append): chain them just after its commit, as `append` does.
 */
export function sealAfterCommit(trx: Kysely<Database>): void {
  if (!afterCommit(trx, async (root) => sealSoon(root))) throw new Error('pending audit rows are written in inTransaction');
}

/** The columns of a pending audit row, in the order of `pendingAuditValues`. */
export const AUDIT_PENDING_COLUMNS = ['at', 'user_id', 'username', 'action', 'target_type', 'target_id', 'ip', 'detail'] as const;

/**
 * PostgreSQL: `rows` as a VALUES list (columns AUDIT_PENDING_COLUMNS), for a statement that
 * inserts them into `audit_pending` along with its own work (then `sealAfterCommit`). Rows are
 * numbered in the list's order.
 */
export function pendingAuditValues(rows: readonly AuditContent[]) {
  return sql.join(rows.map((c) => sql`(${c.at}::text, ${c.user_id}::integer, ${c.username}::text, ${c.action}::text, ${c.target_type}::text, ${c.target_id}::text, ${c.ip}::text, ${c.detail}::text)`));
}

/** Entries waiting for the end of their transaction, by transaction. */
const queued = new WeakMap<object, AuditContent[]>();

/**
 * Whether `trx` has appended rows still waiting for its end: a statement that writes further
 * rows itself would put them before these, so it leaves them to `append` (ids in append order).
 */
export function auditRowsWaiting(trx: Kysely<Database>): boolean {
  return queued.has(trx);
}

export function createAuditRepository({ db }: { db: Kysely<Database> }) {
  return {
    /**
     * Appends one row, durable when this returns (or, given `trx`, when `trx` commits), but
     * chained into `audit_log` a moment later. The row is inserted unchained into `audit_pending`
     * — in its own statement, or in a transaction of `inTransaction` as that transaction's last
     * work, so a rollback drops it with the rest — and a sealing run started after the commit
     * chains every pending row under the chain's lock. Nobody waits for that lock but the
     * sealing run itself: under the load bench (50 clients, PostgreSQL) requests that took or
     * waited for it in turn spent on average 555 ms waiting. Rows left pending by a process that
     * died after a commit are chained by the next run. `list`, `head` and `verify` seal first.
     */
    async append(entry: AuditEntry, now: Date, trx?: Kysely<Database>): Promise<void> {
      const content = contentOf(entry, now);
      if (!trx) {
        await db.insertInto('audit_pending').values(content).execute();
        sealSoon(db);
        return;
      }
      const waiting = queued.get(trx);
      if (waiting) {
        waiting.push(content);
        return;
      }
      const rows = [content];
      const deferred = beforeCommit(trx, async () => {
        queued.delete(trx);
        await trx.insertInto('audit_pending').values(rows).execute();
      });
      // A transaction not opened by `inTransaction`: its commit cannot be followed, so the row is
      // chained in it, under the lock.
      if (!deferred) return writeChained(trx, rows);
      queued.set(trx, rows);
      afterCommit(trx, async (root) => sealSoon(root));
    },
    /**
     * Chains every row committed before the call (a run already going may have missed it, so
     * this waits for the next one). For readers of `audit_log` that must see every row.
     */
    sealPending: () => requestSeal(db),
    /** Newest first; `organizationIds` keeps only rows by users of those organizations. */
    async list(limit: number, beforeId?: number, organizationIds?: readonly number[]) {
      await requestSeal(db);
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
      await requestSeal(db);
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
      await requestSeal(db);
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
