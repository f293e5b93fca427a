/**
 * The audit log is hash-chained (DESIGN: security baseline): each row stores the previous row's
 * hash and the hash of (previous hash + its own content). Altering or removing a row breaks the
 * chain at that point. Pure functions; the repository stores and walks the rows.
 */
import { createHash } from 'node:crypto';
import type { AuditLogTable } from './auth.table.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** What a row says, without its id and hashes: exactly the columns the hash covers. */
export type AuditContent = Omit<AuditLogTable, 'id' | 'prev_hash' | 'hash'>;

export function auditHash(prevHash: string, c: AuditContent): string {
  const canonical = JSON.stringify([c.at, c.user_id, c.username, c.action, c.target_type, c.target_id, c.ip, c.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

export interface ChainProblem {
  id: number;
  reason: string;
}

/** Checks rows given in id order, continuing from `prevHash`; returns the first problem or null. */
export function firstChainProblem(
  rows: readonly (AuditContent & { id: number; prev_hash: string; hash: string })[],
  prevHash: string,
): { problem: ChainProblem | null; lastHash: string } {
  let expectedPrev = prevHash;
  for (const row of rows) {
    if (row.prev_hash !== expectedPrev) {
      return { problem: { id: row.id, reason: '与前一条记录的链接断开：前一条记录被删除或修改' }, lastHash: expectedPrev };
    }
    if (auditHash(row.prev_hash, row) !== row.hash) {
      return { problem: { id: row.id, reason: '记录内容与其哈希不符：该记录被修改' }, lastHash: expectedPrev };
    }
    expectedPrev = row.hash;
  }
  return { problem: null, lastHash: expectedPrev };
}
