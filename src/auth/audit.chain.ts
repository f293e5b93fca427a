/**
 * The audit log is hash-chained (DESIGN: security baseline): each row stores the previous row's
 * hash and the hash of (previous hash + its own content). Altering or removing a row breaks the
 * chain at that point. Pure functions; the repository stores and walks the rows.
 */
import { createHash, createHmac } from 'node:crypto';
import type { AuditLogTable } from './auth.table.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** What a row says, without its id and hashes: exactly the columns the hash covers. */
export type AuditContent = Omit<AuditLogTable, 'id' | 'prev_hash' | 'hash'>;

/**
 * The chain is keyed (HMAC-SHA256) with a key kept outside the database (config `auditKey`): with
 * the database alone nobody can re-chain rows after an edit. Set once per process from the
 * configuration (server and CLI start); unset, rows are hashed unkeyed as before.
 */
let chainKey: string | null = null;

export function useAuditKey(key: string | null): void {
  chainKey = key;
}

export function auditHash(prevHash: string, c: AuditContent, key: string | null = chainKey): string {
  const canonical = JSON.stringify([c.at, c.user_id, c.username, c.action, c.target_type, c.target_id, c.ip, c.detail]);
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface ChainProblem {
  id: number;
  reason: string;
}

/** Checks rows given in id order, continuing from `prevHash`; returns the first problem or null. */
export function firstChainProblem(
  rows: readonly (AuditContent & { id: number; prev_hash: string; hash: string })[],
  prevHash: string,
  startsKeyed = false,
): { problem: ChainProblem | null; lastHash: string; keyed: boolean } {
  let expectedPrev = prevHash;
  let seenKeyed = startsKeyed;
  for (const row of rows) {
    if (row.prev_hash !== expectedPrev) {
      return { problem: { id: row.id, reason: '与前一条记录的链接断开：前一条记录被删除或修改' }, lastHash: expectedPrev, keyed: seenKeyed };
    }
    // Rows written before the key was introduced verify unkeyed, but only before the first keyed row.
    const keyedOk = auditHash(row.prev_hash, row) === row.hash;
    const legacyOk = !keyedOk && !seenKeyed && chainKey !== null && auditHash(row.prev_hash, row, null) === row.hash;
    if (!keyedOk && !legacyOk) {
      return { problem: { id: row.id, reason: '记录内容与其哈希不符：该记录被修改' }, lastHash: expectedPrev, keyed: seenKeyed };
    }
    if (keyedOk) seenKeyed = true;
    expectedPrev = row.hash;
  }
  return { problem: null, lastHash: expectedPrev, keyed: seenKeyed };
}
