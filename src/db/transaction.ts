/**
 * Transactions whose last statements are the work registered with `beforeCommit`. The audit
 * chain's append takes a database-wide lock (one chain, no forks) that is held until commit: run
 * as the transaction's last work, the lock is held for that append and the commit only, not
 * across the whole transaction, so that writers of unrelated things do not queue behind it.
 */
import type { Kysely, Transaction } from 'kysely';

type Hook = () => Promise<void>;
const pending = new WeakMap<object, Hook[]>();

export async function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const hooks: Hook[] = [];
    pending.set(trx, hooks);
    try {
      const result = await work(trx);
      // A hook may register another (in order); run until none is left.
      for (let hook = hooks.shift(); hook; hook = hooks.shift()) await hook();
      return result;
    } finally {
      pending.delete(trx);
    }
  });
}

/**
 * Runs `hook` as the last work of `trx` when `trx` was opened by `inTransaction` (returns true);
 * otherwise returns false and the caller does the work now.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function beforeCommit(trx: Kysely<any>, hook: Hook): boolean {
  const hooks = pending.get(trx);
  if (!hooks) return false;
  hooks.push(hook);
  return true;
}
