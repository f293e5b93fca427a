/**
 * Mixed load from concurrent clients over loopback HTTP against the server in its own process
 * (bench/load.server.ts, demo dataset), on SQLite and PostgreSQL. Each client loops for the run's
 * duration, picking by weight: a portal page (50%), a search (20%), a public application through
 * the portal form (10%), and a clerk's case action on a case of its own (20%: register, 签收,
 * 答复, 送达, 归档 in turn). Printed per database and client count: throughput, p50/p95/p99 per
 * kind of operation, and the errors (any 5xx or 4xx, or a form answer that is not the receipt).
 * Target (issue 10): 0 errors and p95 ≤ 200 ms for submissions at 50 clients on PostgreSQL.
 *
 * The public form allows 10 submissions per address and hour: every simulated applicant sends
 * its own X-Forwarded-For address through the trusted loopback proxy, as applicants behind nginx.
 *
 *   node --import tsx bench/load.bench.ts [--seconds 30] [--clients 20,50] [--db sqlite,postgres] [--profile DIR] [--built [--workers N]] [--statements]
 * --profile writes the server's CPU profile (a .cpuprofile for Chrome's DevTools) into DIR.
 * --built runs the server as production does: `gongkai serve --demo` (the compiled dist/server,
 * built first if older than its sources) under its supervisor with N workers (default 1), logging
 * at the default level to /dev/null; without it, the TypeScript sources run in one process.
 * --statements (PostgreSQL, TypeScript server) prints the statements each kind of operation sent
 * on average and the most frequent ones (bench/statement-count.ts); run it with few clients
 * (`--clients 2`), as the count, not the time, is what it measures.
 * PostgreSQL needs TEST_DATABASE_URL (an administrative URL; a fresh database is made and dropped).
 *
 * Besides latencies it prints the CPU time the server's processes, the PostgreSQL backends of the
 * run's database (when on this machine) and this client used per request: on a machine shared with other work, latency follows the host's load, CPU per request
 * much less so, which makes before/after comparisons of a change possible.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import os from 'node:os';
import { openTestDatabase } from '../src/db/test-databases.ts';
import type { StatementCounts } from './statement-count.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const SECONDS = Number(arg('seconds', '30'));
const CLIENTS = arg('clients', '20,50').split(',').map(Number);
const DATABASES = arg('db', process.env.TEST_DATABASE_URL ? 'sqlite,postgres' : 'sqlite').split(',') as Array<'sqlite' | 'postgres'>;
const PROFILE_DIR = arg('profile', '');
const BUILT = process.argv.includes('--built');
const WORKERS = arg('workers', '1');
const STATEMENTS = process.argv.includes('--statements');
if (STATEMENTS && BUILT) throw new Error('--statements counts in the TypeScript server: leave out --built');
const SEARCH_TERMS = ['政府', '预算', '财政', '石龙', '通知', '2025', '公开', '道路', '规划', '招聘', '医疗保障', '年度报告'];

type Kind = 'portal' | 'search' | 'submit' | 'case_action';
const KINDS: Kind[] = ['portal', 'search', 'submit', 'case_action'];
const WEIGHTS: Array<[Kind, number]> = [['portal', 50], ['search', 20], ['submit', 10], ['case_action', 20]];

interface Server {
  base: string;
  clerk: { username: string; password: string };
  pid: number;
  stop(): Promise<void>;
  /** --statements: what the server counted so far. */
  statements?(): Promise<StatementCounts>;
}

/** CPU seconds (user + system) used so far by a process and its descendants (Linux /proc; 0 elsewhere). */
function treeCpuSeconds(root: number): number {
  const tick = 100; // USER_HZ on Linux
  const stats = new Map<number, { ppid: number; cpu: number }>();
  let names: string[] = [];
  try { names = readdirSync('/proc').filter((n) => /^\d+$/.test(n)); } catch { return 0; }
  for (const n of names) {
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(n), { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) / tick });
    } catch { /* ended meanwhile */ }
  }
  let total = 0;
  const visit = (pid: number) => {
    total += stats.get(pid)?.cpu ?? 0;
    for (const [child, s] of stats) if (s.ppid === pid) visit(child);
  };
  visit(root);
  return total;
}

/**
 * CPU seconds used so far by each PostgreSQL backend serving `database` on this machine (Linux
 * /proc; empty when the server runs elsewhere): backends are the postmaster's children, not the
 * server's, and on a shared machine their share of a request counts as much as Node's.
 */
function databaseCpu(database: string): Map<number, number> {
  const out = new Map<number, number>();
  let names: string[] = [];
  try { names = readdirSync('/proc').filter((n) => /^\d+$/.test(n)); } catch { return out; }
  for (const n of names) {
    try {
      const cmd = readFileSync(`/proc/${n}/cmdline`, 'utf8');
      if (!cmd.startsWith('postgres: ') || !cmd.split(' ').includes(database)) continue;
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(n), (Number(f[11]) + Number(f[12])) / 100);
    } catch { /* ended meanwhile */ }
  }
  return out;
}
const cpuSince = (before: Map<number, number>, after: Map<number, number>) => [...after].reduce((sum, [pid, cpu]) => sum + cpu - (before.get(pid) ?? 0), 0);

const stopChild = (child: ChildProcess) => new Promise<void>((r) => { if (child.exitCode !== null) return r(); child.once('exit', () => r()); child.kill('SIGTERM'); });

async function startServer(databaseUrl: string): Promise<Server> {
  if (BUILT) return startBuiltServer(databaseUrl);
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const env = { ...process.env, DATABASE_URL: databaseUrl, TZ: 'UTC', ...(STATEMENTS && { LOAD_COUNT_STATEMENTS: '1' }) };
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bench/load.server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const nextLine = () => new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  const { port, clerk } = JSON.parse(await nextLine()) as { port: number; clerk: Server['clerk'] };
  const statements = async () => {
    const line = nextLine();
    child.kill('SIGUSR2');
    return (JSON.parse(await line) as { statements: StatementCounts }).statements;
  };
  return { base: `http://127.0.0.1:${port}`, clerk, pid: child.pid!, stop: () => stopChild(child), ...(STATEMENTS && { statements }) };
}

const freePort = () => new Promise<number>((resolve) => {
  const s = createNetServer().listen(0, '127.0.0.1', () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
});

/** `gongkai serve --demo` as installed: the demo accounts' passwords are read from the file it writes. */
async function startBuiltServer(databaseUrl: string): Promise<Server> {
  const dir = mkdtempSync(join(os.tmpdir(), 'gongkai-load-built-'));
  const port = await freePort();
  const env = {
    ...process.env, DATABASE_URL: databaseUrl, GONGKAI_DATA_DIR: join(dir, 'data'), PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: '127.0.0.1', TZ: 'UTC',
  };
  // Node 20 refuses --cpu-prof in NODE_OPTIONS; the cluster's workers inherit the primary's flags.
  const profile = PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [];
  const child = spawn(process.execPath, [...profile, 'bin/gongkai.js', 'serve', '--demo', '--workers', WORKERS], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
    const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (up) break;
    if (i > 600) throw new Error('server did not start within 120 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const accounts = readFileSync(join(dir, 'data', 'demo-accounts.txt'), 'utf8');
  const password = /^\s*gkb\s+(\S+)/m.exec(accounts)![1]!;
  return {
    base, clerk: { username: 'gkb', password }, pid: child.pid!,
    stop: async () => { await stopChild(child); rmSync(dir, { recursive: true, force: true }); },
  };
}

let applicant = 0;
/** A fresh applicant address: 10.x.y.z, one per submission. */
const nextAddress = () => { applicant++; return `10.${(applicant >> 16) & 255}.${(applicant >> 8) & 255}.${applicant & 255}`; };

async function setUpClient(s: Server, pages: string[]) {
  const form = await fetch(`${s.base}/ysqgk/`);
  const html = await form.text();
  const formCookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const orgId = /<option value="(\d+)"/.exec(html)![1]!;
  const login = await fetch(`${s.base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(s.clerk) });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const session = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const clerk = { cookie: session, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken, 'content-type': 'application/json' };
  let caseId = 0;
  let step = 0;
  let serial = 0;

  const ok = (r: Response, expected = 200) => r.status === expected;
  const ops: Record<Kind, () => Promise<boolean>> = {
    async portal() {
      const r = await fetch(s.base + pages[Math.floor(Math.random() * pages.length)]!);
      await r.arrayBuffer();
      return ok(r);
    },
    async search() {
      const q = SEARCH_TERMS[Math.floor(Math.random() * SEARCH_TERMS.length)]!;
      const r = await fetch(`${s.base}/search?q=${encodeURIComponent(q)}&page=${1 + Math.floor(Math.random() * 2)}`);
      await r.arrayBuffer();
      return ok(r);
    },
    async submit() {
      const body = new URLSearchParams({
        _csrf: csrf, _token: `load${process.pid}x${applicant}x${++serial}`.padEnd(20, '0'), organizationId: orgId, applicantType: '自然人', applicantName: '张三',
        idKind: '居民身份证', idNumber: '41010219900101123X', phone: '13800000000', email: 'a@example.cn', address: '石龙区人民路1号',
        description: '请公开2025年石龙区道路维修项目的预算和决算', formWanted: '电子数据', deliveryWanted: '电子邮件', itemCount: '1',
      });
      const r = await fetch(`${s.base}/ysqgk/`, { method: 'POST', headers: { cookie: formCookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextAddress() }, body });
      return ok(r) && (await r.text()).includes('申请已提交');
    },
    async case_action() {
      // One case per client, taken through its life one action per operation, then a new one.
      const steps: Array<[string, unknown]> = [['receipt_confirmed', {}], ['decided', { outcome: 'unable1' }], ['delivered', { method: '邮寄' }], ['archived', {}]];
      if (caseId === 0 || step === steps.length) {
        const r = await fetch(`${s.base}/api/v1/applications`, {
          method: 'POST', headers: clerk,
          body: JSON.stringify({ organizationId: Number(orgId), channel: 'registered_mail', applicantType: '自然人', applicantName: '孙八', idKind: '居民身份证', idNumber: '410402198001018888', phone: '13900000000', address: '石龙区建设路8号', description: '某路段拆迁补偿标准文件', formWanted: '纸质', deliveryWanted: '邮寄' }),
        });
        if (r.status !== 201) return false;
        caseId = ((await r.json()) as { id: number }).id;
        step = 0;
        return true;
      }
      const [action, input] = steps[step++]!;
      const r = await fetch(`${s.base}/api/v1/applications/${caseId}/actions/${action}`, { method: 'POST', headers: clerk, body: JSON.stringify(input) });
      const good = ok(r);
      if (!good) console.error(`${action}: ${r.status} ${(await r.text()).slice(0, 200)}`);
      else await r.arrayBuffer();
      return good;
    },
  };
  return ops;
}

function pick(): Kind {
  let r = Math.random() * 100;
  for (const [kind, w] of WEIGHTS) if ((r -= w) < 0) return kind;
  return 'portal';
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN);

/** Statements per operation of each kind, and each kind's most frequent statements per operation. */
function printStatements(before: StatementCounts, after: StatementCounts, times: Map<Kind, number[]>) {
  const diff = (a: Record<string, number>, b: Record<string, number>) => Object.entries(b).map(([k, n]) => [k, n - (a[k] ?? 0)] as const).filter(([, n]) => n > 0);
  const kinds = diff(before.byKind, after.byKind);
  const statements = diff(before.byStatement, after.byStatement).sort((a, b) => b[1] - a[1]);
  console.log('  statements per operation (PostgreSQL):');
  for (const k of KINDS) {
    const ops = times.get(k)!.length;
    const n = kinds.find(([kind]) => kind === k)?.[1] ?? 0;
    if (!ops) continue;
    console.log(`  ${k.padEnd(12)} ${(n / ops).toFixed(2).padStart(7)}`);
    for (const [key, m] of statements.filter(([key]) => key.startsWith(`${k}\t`)).slice(0, 12)) console.log(`      ${(m / ops).toFixed(2).padStart(6)}  ${key.slice(k.length + 1)}`);
  }
  const other = kinds.find(([kind]) => kind === 'other')?.[1] ?? 0;
  if (other) console.log(`  other (logins, the page cache's listener, timers): ${other} statements`);
}

async function run(kind: 'sqlite' | 'postgres') {
  const t = await openTestDatabase(kind);
  await t.db.destroy(); // migrated; the server process opens it itself
  const s = await startServer(t.url);
  try {
    const home = await (await fetch(`${s.base}/`)).text();
    const links = [...home.matchAll(/href="(\/xxgk\/(?:lm|xx)\/[^"]+\/)"/g)].map((m) => m[1]!);
    const pages = ['/', '/xxgk/', '/xxgk/fdzdgknr/', '/hdjl/', '/xxgk/nb/', ...new Set(links)].slice(0, 24);
    for (const clients of CLIENTS) {
      const times = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
      const errors = new Map<Kind, number>(KINDS.map((k) => [k, 0]));
      // One after another: simultaneous logins of one account from one address wait for its
      // budget of password checks in flight, and the setup is not what is measured.
      const ops = [];
      for (let i = 0; i < clients; i++) ops.push(await setUpClient(s, pages));
      const started = performance.now();
      const end = started + SECONDS * 1000;
      const database = kind === 'postgres' ? new URL(t.url).pathname.slice(1) : '';
      const serverCpu0 = treeCpuSeconds(s.pid);
      const databaseCpu0 = database ? databaseCpu(database) : new Map<number, number>();
      const clientCpu0 = process.cpuUsage();
      const statements0 = await s.statements?.();
      await Promise.all(ops.map(async (op) => {
        while (performance.now() < end) {
          const k = pick();
          const t0 = performance.now();
          let good = false;
          try { good = await op[k](); } catch { good = false; }
          times.get(k)!.push(performance.now() - t0);
          if (!good) errors.set(k, errors.get(k)! + 1);
        }
      }));
      const elapsed = (performance.now() - started) / 1000;
      // The sealing runs the last requests started end a moment after their answers.
      const statements1 = s.statements ? await new Promise((r) => setTimeout(r, 1000)).then(() => s.statements!()) : undefined;
      const serverCpu = treeCpuSeconds(s.pid) - serverCpu0;
      const dbCpu = database ? cpuSince(databaseCpu0, databaseCpu(database)) : 0;
      const clientCpuUsage = process.cpuUsage(clientCpu0);
      const clientCpu = (clientCpuUsage.user + clientCpuUsage.system) / 1e6;
      const total = [...times.values()].reduce((n, l) => n + l.length, 0);
      const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
      console.log(`${kind} ${clients} clients ${elapsed.toFixed(1)} s: ${total} requests, ${(total / elapsed).toFixed(0)} req/s, ${errorCount} errors (host load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`);
      console.log(`  CPU per request: server ${((1000 * serverCpu) / total).toFixed(2)} ms (${(100 * serverCpu / elapsed).toFixed(0)}% of a core),${database ? ` PostgreSQL ${((1000 * dbCpu) / total).toFixed(2)} ms (${(100 * dbCpu / elapsed).toFixed(0)}%),` : ''} bench client ${((1000 * clientCpu) / total).toFixed(2)} ms (${(100 * clientCpu / elapsed).toFixed(0)}%)${BUILT ? `, built server, ${WORKERS} worker(s)` : ', TypeScript server'}`);
      console.log('  operation      count   req/s    p50 ms   p95 ms   p99 ms  errors');
      for (const k of KINDS) {
        const l = times.get(k)!.sort((a, b) => a - b);
        console.log(`  ${k.padEnd(12)} ${String(l.length).padStart(7)} ${(l.length / elapsed).toFixed(0).padStart(7)} ${pct(l, 50).toFixed(1).padStart(9)} ${pct(l, 95).toFixed(1).padStart(8)} ${pct(l, 99).toFixed(1).padStart(8)} ${String(errors.get(k)).padStart(7)}`);
      }
      if (statements0 && statements1) printStatements(statements0, statements1, times);
    }
  } finally {
    await s.stop();
    await t.close().catch(() => undefined);
  }
}

console.log(`load: ${SECONDS} s per run, clients ${CLIENTS.join(' and ')}, databases ${DATABASES.join(' and ')}, ${BUILT ? `built server (gongkai serve, ${WORKERS} worker(s))` : 'TypeScript server'}`);
for (const db of DATABASES) await run(db);
