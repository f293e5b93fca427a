/**
 * Anchors of the audit chain outside the database: from time to time the head (row count, last
 * id, last hash) is appended, with its own HMAC, to an append-only file (config
 * `auditAnchorFile`) and, when AUDIT_SYSLOG names a log host, sent there too. `gongkai audit verify` compares the database with the last anchor, so
 * deleting the newest rows — or all of them — is detected even though the remaining chain is whole.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sendAnchorToSyslog, type SyslogTarget } from './audit.syslog.ts';

export interface AuditAnchor {
  at: string;
  count: number;
  lastId: number;
  head: string;
  mac: string;
}

const macOf = (key: string, a: Omit<AuditAnchor, 'mac'>) =>
  createHmac('sha256', key).update(`${a.at}|${a.count}|${a.lastId}|${a.head}`).digest('hex');

export function writeAnchor(file: string, key: string, head: Omit<AuditAnchor, 'mac'>): AuditAnchor {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const anchor = { ...head, mac: macOf(key, head) };
  appendFileSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600, flag: 'a' });
  return anchor;
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

/**
 * Anchors the current head when it moved since the last anchor, in the file and, when configured,
 * in syslog; returns whether it wrote.
 */
export async function anchorHead(
  repo: { head(): Promise<{ count: number; lastId: number; head: string }> },
  config: { auditKey: string; auditAnchorFile: string; auditSyslog?: SyslogTarget | null },
  now: Date,
): Promise<boolean> {
  const head = await repo.head();
  const last = lastAnchor(config.auditAnchorFile, config.auditKey);
  if (head.count === 0 || (last && last.lastId === head.lastId && last.head === head.head)) return false;
  const anchor = writeAnchor(config.auditAnchorFile, config.auditKey, { at: now.toISOString(), ...head });
  if (config.auditSyslog) {
    await sendAnchorToSyslog(config.auditSyslog, anchor).catch((e: unknown) => {
      throw new Error(`审计锚点已写入文件，但发送到 syslog 失败：${(e as Error).message}`);
    });
  }
  return true;
}
