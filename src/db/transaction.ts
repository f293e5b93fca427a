/**
 * Transactions whose last statements are the work registered with `beforeCommit`, and whose
 * caller waits for the work registered with `afterCommit`. Work that takes a lock shared by many
 * writers (the tracking counter of a body) runs last, so that the lock is held for that work and
 * the commit only, not across the whole transaction. The audit chain's lock is taken after the
 * commit (audit.repository.ts), outside the transaction altogether.
 */
import type { Kysely, Transaction } from 'kysely';

type Hook = () => Promise<void>;
/** Work after the commit, given the database the transaction was opened on (the transaction is over). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AfterHook = (db: Kysely<any>) => Promise<void>;
const pending = new WeakMap<object, { before: Hook[]; after: AfterHook[] }>();

export async function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const after: AfterHook[] = [];
  const result = await db.transaction().execute(async (trx) => {
    const hooks = { before: [] as Hook[], after };
    pending.set(trx, hooks);
    try {
      const value = await work(trx);
      // A hook may register another (in order); run until none is left.
      for (let hook = hooks.before.shift(); hook; hook = hooks.before.shift()) await hook();
      return value;
    } finally {
      pending.delete(trx);
    }
  });
  // Committed: the work after it must not turn a done change into a reported failure, so each
  // hook handles its own errors (see afterCommit).
  for (const hook of after) await hook(db);
  return result;
}

/**
 * Runs `hook` as the last work of `trx` when `trx` was opened by `inTransaction` (returns true);
 * otherwise returns false and the caller does the work now.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function beforeCommit(trx: Kysely<any>, hook: Hook): boolean {
  const hooks = pending.get(trx);
  if (!hooks) return false;
  hooks.before.push(hook);
  return true;
}

/** Whether `trx` was opened by `inTransaction` (its commit can be followed by `afterCommit`). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function followsCommit(trx: Kysely<any>): boolean {
  return pending.has(trx);
}

/**
 * Runs `hook` once `trx` (opened by `inTransaction`) has committed, before `inTransaction`
 * returns; never after a rollback. Returns false for another transaction. The hook must not
 * throw: the change is committed whatever it does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function afterCommit(trx: Kysely<any>, hook: AfterHook): boolean {
  const hooks = pending.get(trx);
  if (!hooks) return false;
  hooks.after.push(hook);
  return true;
}
