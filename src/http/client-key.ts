/**
 * The key a client address counts under for throttles and rate limits (pure). An IPv6 host
 * usually owns a whole /64, so counting single IPv6 addresses would give one attacker 2^64
 * budgets: IPv6 counts by its /64, IPv4 (also IPv4-mapped IPv6) by the address.
 */
import { isIPv4, isIPv6 } from 'node:net';

function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right];
}

export function clientKey(ip: string): string {
  const bare = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (isIPv4(bare)) return bare;
  if (isIPv6(bare)) {
    const groups = expandIPv6(bare.toLowerCase());
    return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
  }
  return bare;
}
