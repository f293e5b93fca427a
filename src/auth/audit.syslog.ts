/**
 * A copy of each audit anchor in syslog (AUDIT_SYSLOG=udp://host:port): the log host is another
 * machine or another administrator's, so an attacker who rewrites both the database and the
 * anchor file still leaves the true head on record there. RFC 5424 over UDP (RFC 5426), facility
 * authpriv, severity notice; the anchor travels as structured data and in the message text.
 * UDP because it needs nothing beyond node:dgram; a local rsyslog relays it onward (TLS, TCP).
 */
import { createSocket } from 'node:dgram';
import { hostname } from 'node:os';
import { isIP } from 'node:net';
import type { AuditAnchor } from './audit.anchors.ts';

/** authpriv (10) × 8 + notice (5). */
const PRI = 85;
/** Private enterprise number of RFC 5612 (documentation use) naming our structured-data element. */
const SD_ID = 'gongkaiAnchor@32473';

export interface SyslogTarget {
  host: string;
  port: number;
}

/** AUDIT_SYSLOG: empty = off; `udp://host[:port]` (port 514 by default); anything else is a problem. */
export function parseSyslogTarget(raw: unknown, problems: string[]): SyslogTarget | null {
  if (raw === undefined || raw === null || raw === '') return null;
  const v = String(raw);
  let u: URL | null = null;
  try {
    u = new URL(v);
  } catch {
    /* reported below */
  }
  if (!u || u.protocol !== 'udp:' || !u.hostname || (u.pathname !== '' && u.pathname !== '/')) {
    problems.push(`AUDIT_SYSLOG：应为 udp://主机:端口（如 udp://127.0.0.1:514），得到 ${v}；本机 /dev/log 请通过 rsyslog 的 UDP 输入（imudp）转发`);
    return null;
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: u.port ? Number(u.port) : 514 };
}

const sdValue = (v: string | number) => String(v).replace(/["\\\]]/g, (c) => `\\${c}`);

/** One RFC 5424 line for an anchor (pure but for the defaults of host and process id). */
export function syslogLine(anchor: AuditAnchor, host = hostname(), pid = process.pid): string {
  const sd = `[${SD_ID} at="${sdValue(anchor.at)}" count="${anchor.count}" lastId="${anchor.lastId}" head="${sdValue(anchor.head)}" mac="${sdValue(anchor.mac)}"]`;
  const safeHost = host.replace(/[^\x21-\x7e]/g, '').slice(0, 255) || '-';
  return `<${PRI}>1 ${anchor.at} ${safeHost} gongkai ${pid} audit-anchor ${sd} audit anchor count=${anchor.count} lastId=${anchor.lastId} head=${anchor.head}`;
}

/** Sends the anchor as one datagram; resolves once it left, rejects when it could not be sent. */
export function sendAnchorToSyslog(target: SyslogTarget, anchor: AuditAnchor): Promise<void> {
  const socket = createSocket(isIP(target.host) === 6 ? 'udp6' : 'udp4');
  const message = Buffer.from(syslogLine(anchor));
  return new Promise<void>((resolve, reject) => {
    socket.once('error', (e) => {
      socket.close();
      reject(e);
    });
    socket.send(message, target.port, target.host, (e) => {
      socket.close();
      if (e) reject(e);
      else resolve();
    });
  });
}
