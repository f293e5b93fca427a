/**
 * SITE_URL and TRUST_PROXY (pure). Every absolute URL the site writes (sitemap, RSS, canonical
 * links) starts with the configured site URL, never with the request's Host header: a cached
 * sitemap built from `Host: evil.example` would otherwise send every visitor there. The client
 * address and protocol come from X-Forwarded-For / X-Forwarded-Proto only when the direct peer is
 * a trusted proxy (its address is listed); otherwise those headers are ignored. A hop count is
 * not offered: it cannot tell the proxy from a client that connects directly and sends the header
 * itself (Fastify treats a number as "trust nobody" for that reason).
 */
import { isIP } from 'node:net';

/** Fastify's `trustProxy`: off, or the proxies' addresses and ranges. */
export type TrustProxy = false | string[];

/** Names proxy-addr understands besides addresses and CIDR ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(v: string): boolean {
  if (NAMED_RANGES.has(v)) return true;
  const [ip, bits, extra] = v.split('/');
  if (extra !== undefined || !ip || !isIP(ip)) return false;
  if (bits === undefined) return true;
  const max = isIP(ip) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/** TRUST_PROXY: empty/false/0 = off; else comma-separated addresses, CIDR ranges or proxy-addr names. */
export function parseTrustProxy(raw: unknown, problems: string[]): TrustProxy {
  if (raw === undefined || raw === null || raw === false) return false;
  if (typeof raw === 'number') raw = String(raw);
  if (Array.isArray(raw)) raw = raw.join(',');
  const v = String(raw).trim();
  if (v === '' || ['false', 'no', 'off', '0'].includes(v.toLowerCase())) return false;
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((s) => !isAddressOrRange(s));
  if (['true', 'yes', 'on'].includes(v.toLowerCase()) || bad.length) {
    problems.push(`TRUST_PROXY：应为反向代理的地址列表（如 127.0.0.1,10.0.0.0/8 或 loopback），不能是 ${bad.join(', ') || v}；信任任意来源或只给层数会让访客伪造 IP 地址`);
    return false;
  }
  return list;
}

/** The origin absolute URLs start with: SITE_URL, else where the server listens on this machine. */
export function parseSiteUrl(raw: unknown, host: string, port: unknown, problems: string[]): string {
  if (raw === undefined || raw === null || raw === '') {
    const h = ['0.0.0.0', '::', ''].includes(host) ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host;
    return `http://${h}:${Number(port)}`;
  }
  let u: URL;
  try {
    u = new URL(String(raw));
  } catch {
    problems.push(`SITE_URL：${String(raw)} 不是有效的网址（应为 https://域名）`);
    return '';
  }
  if (!['http:', 'https:'].includes(u.protocol) || u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) {
    problems.push(`SITE_URL：应为 http(s)://域名[:端口]，不含路径、查询或账号（得到 ${String(raw)}）`);
    return '';
  }
  return u.origin;
}
