/**
 * Anchors of the audit chain outside the database: from time to time the head (row count, last
 * id, last hash) is appended, with its own HMAC, to an append-only file (config
 * `auditAnchorFile`). `gongkai audit verify` compares the database with the last anchor, so
 * deleting the newest rows — or all of them — is detected even though the remaining chain is whole.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface AuditAnchor {
  at: string;
  count: number;
  lastId: number;
  head: string;
  mac: string;
}

const macOf = (key: string, a: Omit<AuditAnchor, 'mac'>) =>
  createHmac('sha256', key).update(`${a.at}|${a.count}|${a.lastId}|${a.head}`).digest('hex');

export function writeAnchor(file: string, key: string, head: Omit<AuditAnchor, 'mac'>): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify({ ...head, mac: macOf(key, head) })}\n`, { mode: 0o600, flag: 'a' });
}

/** The last anchor whose HMAC holds, or null when none; throws when the last line is forged. */
export function lastAnchor(file: string, key: string): AuditAnchor | null {
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  if (!lines.length) return null;
  const a = JSON.parse(lines[lines.length - 1]!) as AuditAnchor;
  const expected = Buffer.from(macOf(key, a));
  const given = Buffer.from(String(a.mac));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new Error('审计锚点文件的最后一行校验失败：锚点被篡改');
  return a;
}

/** Anchors the current head when it moved since the last anchor; returns whether it wrote. */
export async function anchorHead(
  repo: { head(): Promise<{ count: number; lastId: number; head: string }> },
  config: { auditKey: string; auditAnchorFile: string },
  now: Date,
): Promise<boolean> {
  const head = await repo.head();
  const last = lastAnchor(config.auditAnchorFile, config.auditKey);
  if (head.count === 0 || (last && last.lastId === head.lastId && last.head === head.head)) return false;
  writeAnchor(config.auditAnchorFile, config.auditKey, { at: now.toISOString(), ...head });
  return true;
}
