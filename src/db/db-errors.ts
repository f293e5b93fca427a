/**
 * Recognising database errors that mean "someone else got there first". A unique key is the last
 * guard against a duplicate written by a racing request: the caller turns its violation into a
 * 409 with its own code and message instead of a 500.
 */
import { sql, type Kysely } from 'kysely';
import { dialectOf } from './dialect.ts';

/** PostgreSQL unique_violation (23505) or SQLite's unique / primary key constraint. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Runs `work`; a unique violation becomes `conflict()` (an AppError with status 409). */
export async function uniqueOr<T>(work: () => Promise<T>, conflict: () => Error): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict();
    throw e;
  }
}

/**
 * Serialises writers of one thing (a tree, a numbering) until the transaction ends. PostgreSQL
 * takes a transaction-scoped advisory lock on (namespace, id); SQLite has one writer at a time
 * already. Namespaces are fixed numbers, one per kind of thing, listed where they are used.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function lockForTransaction(trx: Kysely<any>, namespace: number, id: number): Promise<void> {
  if (!trx.isTransaction) throw new Error('lockForTransaction needs a transaction');
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${namespace}::int4, ${id}::int4)`.execute(trx);
}

/** Which table a unique violation is on: PostgreSQL names it, SQLite names "table.column" in its message. */
export function uniqueViolationTable(error: unknown): string | null {
  if (!isUniqueViolation(error)) return null;
  const e = error as { table?: unknown; message?: unknown };
  if (typeof e.table === 'string') return e.table;
  return /constraint failed: (\w+)\./.exec(String(e.message))?.[1] ?? null;
}

/** True when `error` is a unique violation on `table` (and not, say, on an audit or item table). */
export function isUniqueViolationOn(error: unknown, table: string): boolean {
  return uniqueViolationTable(error) === table;
}
