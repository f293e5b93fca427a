/**
 * scrypt password hashes in a self-describing text form: `scrypt$N$r$p$salt$hash` (base64url).
 * The parameters travel with the hash, so the cost can be raised (PASSWORD_SCRYPT) without
 * breaking old rows: a login with a hash weaker than the current cost rehashes it (`isWeaker`).
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP password storage cheat sheet: N=2^15, r=8, p=3 (32 MiB), equivalent to N=2^17, r=8, p=1. */
export const OWASP_SCRYPT: ScryptCost = { N: 32768, r: 8, p: 3 };
const KEYLEN = 32;

let current: ScryptCost = OWASP_SCRYPT;

/** Sets the cost of new hashes for this process (from the configuration; tests lower it). */
export function usePasswordCost(cost: ScryptCost): void {
  current = cost;
}

function scrypt(password: string, salt: Buffer, keylen: number, { N, r, p }: ScryptCost): Promise<Buffer> {
  // Node refuses more than 32 MiB by default; scrypt needs 128·N·r bytes plus a little.
  const opts: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, current);
  return ['scrypt', current.N, current.r, current.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): (ScryptCost & { salt: string; hash: string }) | null {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (kind !== 'scrypt' || !salt || !hash || ![cost.N, cost.r, cost.p].every((v) => Number.isInteger(v) && v > 0)) return null;
  return { ...cost, salt, hash };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const expected = Buffer.from(parsed.hash, 'base64url');
  const key = await scrypt(password, Buffer.from(parsed.salt, 'base64url'), expected.length, parsed);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Whether a stored hash costs less than the current setting (then a successful login rehashes it). */
export function isWeaker(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  return parsed.N * parsed.r * parsed.p < current.N * current.r * current.p || parsed.N * parsed.r < current.N * current.r;
}

/** A hash at the current cost, used to spend the same time when the user does not exist. */
export function dummyHash(): string {
  return `scrypt$${current.N}$${current.r}$${current.p}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
}

/** A password for a new installation's demo accounts: meets the policy, shown once. */
export function generatePassword(): string {
  const base = randomBytes(12).toString('base64url').replace(/[-_]/g, 'x');
  return `Gk-${base}7a`;
}
