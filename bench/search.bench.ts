/**
 * Search latency on a generated corpus of Chinese government items, on SQLite and PostgreSQL.
 * Run: `node --import tsx bench/search.bench.ts [SIZE] [--db sqlite|postgres|both]`
 * (SIZE defaults to 100000; 1000000 is the target scale). PostgreSQL comes from
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL; a scratch database is created
 * and dropped). Prints, per query class (2 characters, 3–4 characters, several words, with
 * filters, more and at most 10,000 hits), p50/p95 cold and warm on pages 1, 2 and 10 (see `bench`),
 * the load rate and the database size per million items. BENCH_PG_RESTART, a shell command that
 * restarts the PostgreSQL server (e.g. `su postgres -s /bin/sh -c "pg_ctl -D DIR restart -m fast"`),
 * makes the cold pass start from an empty buffer cache; without it the cold pass is only the first.
 * `--keep NAME` keeps the PostgreSQL database NAME (and the SQLite file bench-NAME.db in the
 * system's temporary folder) after the run and reuses it when it already holds SIZE items
 * (migrations are still applied), so that repeated runs skip the slow load.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import { openDatabase, type DialectName } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/database.ts';
import { bulkInsertPublishedItems } from '../src/publishing/items.bulk.ts';
import { searchItems, type SearchFilters } from '../src/publishing/search.repository.ts';
import { optimizeSearchIndex, progressBar } from '../src/publishing/search.reindex.ts';
import { withIndexesDeferred } from '../src/db/bulk-load.ts';
import { shippedCalendar } from '../src/calendar/shipped-holidays.ts';
import { generate } from '../src/publishing/search.corpus.ts';
import { loadCorpusPostgres } from './search.load.ts';

export { generate };

const args = process.argv.slice(2);
const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const keepName = args.includes('--keep') ? args[args.indexOf('--keep') + 1] : undefined;
if (keepName !== undefined && !/^[a-z_][a-z0-9_]*$/.test(keepName)) throw new Error('--keep needs a lower-case database name');
const which = (args[args.indexOf('--db') + 1] && args.includes('--db') ? args[args.indexOf('--db') + 1] : 'both') as 'sqlite' | 'postgres' | 'both';

// Common terms (a subject or department: a fifth to a half of all items) and the long tail
// (a village, a company, a person: from a few dozen to a few thousand items per million); then
// some of them with the portal's filters (year, kind, and organizations named by code).
interface BenchQuery {
  q: string;
  year?: number;
  kind?: string;
  orgCodes?: string[];
}
const QUERIES: Record<string, (string | BenchQuery)[]> = {
  '2 字': ['公开', '教育', '预算', '采购', '防汛', '张庄', '刘伟', '医保'],
  '3–4 字': ['石龙区', '滨河社区', '政府信息', '安全生产', '营商环境', '非法集资', '宏达建筑', '张建国'],
  '多词': ['教育 招生', '安全生产 整改', '财政 预算 执行', '石龙区 防汛 预案', '公务员 招录 公告', '张庄 防汛', '宏达 中标', '李楼 老旧小区'],
  '带筛选': [
    { q: '公开', year: 2022 },
    { q: '政府信息', kind: 'normative_document' },
    { q: '教育 招生', year: 2020, kind: 'announcement' },
    { q: '公开', orgCodes: ['bench-0', 'bench-1'] },
    { q: '张庄', year: 2022 },
    { q: '宏达建筑', kind: 'announcement' },
    { q: '刘伟', orgCodes: ['bench-3'] },
    { q: '非法集资', year: 2017, orgCodes: ['bench-2'] },
  ],
};

const label = (x: BenchQuery) => [x.q, x.year && `${x.year}年`, x.kind, x.orgCodes?.join('+')].filter(Boolean).join('｜');

async function filtersOf(db: Kysely<Database>, x: BenchQuery): Promise<SearchFilters> {
  const organizationIds = x.orgCodes ? (await db.selectFrom('organizations').select('id').where('code', 'in', x.orgCodes).execute()).map((o) => o.id) : undefined;
  return { year: x.year, kind: x.kind, organizationIds };
}

interface BenchDb {
  db: Kysely<Database>;
  url: string;
  loaded: boolean;
  /** Closes the connections, runs `between` (a restart of the server) and opens new ones. */
  reopen: (between?: () => void) => Promise<Kysely<Database>>;
  close: () => Promise<void>;
}

async function openBenchDb(kind: DialectName): Promise<BenchDb> {
  let url: string;
  let exists: boolean;
  let drop: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = keepName ? tmpdir() : mkdtempSync(join(tmpdir(), 'gk-bench-'));
    const file = join(dir, keepName ? `bench-${keepName}.db` : 'bench.db');
    exists = existsSync(file);
    url = `sqlite:${file}`;
    drop = async () => { if (!keepName) rmSync(dir, { recursive: true, force: true }); };
  } else {
    const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('BENCH_DATABASE_URL or TEST_DATABASE_URL is required for PostgreSQL');
    const name = keepName ?? `gk_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
    if (!exists) await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = async () => {
      if (keepName) return;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  let db = openDatabase(url);
  await migrateToLatest(db);
  await checkKeptSize(db, exists);
  return {
    db,
    url,
    loaded: exists,
    reopen: async (between) => {
      await db.destroy();
      between?.();
      db = openDatabase(url);
      return db;
    },
    close: async () => {
      await db.destroy();
      await drop();
    },
  };
}

async function checkKeptSize(db: Kysely<Database>, exists: boolean): Promise<void> {
  if (!exists) return;
  const items = Number((await db.selectFrom('publishing_items').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  if (items !== size) throw new Error(`the kept database ${keepName} holds ${items} items, not ${size}; drop it or choose another name`);
}

/** The machine's load average over 1, 5 and 15 minutes (other work on it slows every figure). */
const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(' / ');

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];

/** Bytes the loaded corpus takes: the PostgreSQL database, or the SQLite file with its journal. */
async function databaseBytes(db: Kysely<Database>, kind: DialectName): Promise<number> {
  if (kind === 'postgres') return Number((await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(db)).rows[0].n);
  const file = (await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db)).rows[0].file;
  return [file, `${file}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
}

async function load(db: Kysely<Database>, kind: DialectName, url: string): Promise<void> {
  const orgCount = Math.max(8, Math.ceil(size / (12 * 60_000)));
  const orgIds: number[] = [];
  for (let i = 0; i < orgCount; i++) {
    const r = await db.insertInto('organizations').values({ code: `bench-${i}`, name: `石龙区测试单位${i}`, parent_id: null, kind: 'department', is_body: 1, disabled: 0, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    orgIds.push(r.id);
  }
  const calendar = shippedCalendar();
  const started = performance.now();
  // The benchmark's own CPU (its worker threads included) per item: on a machine shared with
  // other work the rate shows the share it got, the CPU per item what an idle machine would do.
  const cpu = process.cpuUsage();
  const cpuPerItem = () => { const u = process.cpuUsage(cpu); return ((u.user + u.system) / 1000 / size).toFixed(2); };
  // The secondary indexes built once after the load (src/db/bulk-load.ts), on PostgreSQL two at
  // once. PostgreSQL: the rows made in worker threads and written with COPY (search.load.ts);
  // SQLite: bulk inserts of the same chunks, one after the other. The same corpus either way.
  const CHUNK = 5_000;
  const progress = (done: number) => {
    const perSecond = done / ((performance.now() - started) / 1000);
    process.stderr.write(`${progressBar(done, size)}  ${Math.round(perSecond)} 条/秒，约剩 ${Math.round((size - done) / perSecond)} 秒，负载 ${loadAverage()}  `);
  };
  await withIndexesDeferred(db, ['publishing_items', 'publishing_search_docs'], async () => {
    if (kind === 'postgres') await loadCorpusPostgres(db, url, size, orgIds, CHUNK, progress);
    else {
      for (let i = 0; i < size; i += CHUNK) {
        await bulkInsertPublishedItems(db, generate(Math.min(CHUNK, size - i), orgIds, i + 1), new Date(), { calendar });
        progress(Math.min(size, i + CHUNK));
      }
    }
    process.stderr.write('\n');
    console.log(`[${kind}] ${size} 条信息写入：${((performance.now() - started) / 1000).toFixed(1)} 秒（${Math.round(size / ((performance.now() - started) / 1000))} 条/秒，负载 ${loadAverage()}，本进程 CPU ${cpuPerItem()} 毫秒/条）`);
  }, (name, seconds) => console.log(`[${kind}] 建索引 ${name}：${seconds.toFixed(1)} 秒`), 2);
  const total = (performance.now() - started) / 1000;
  console.log(`[${kind}] 写入并建索引共 ${total.toFixed(1)} 秒（${Math.round(size / total)} 条/秒，负载 ${loadAverage()}）`);
  const optimizing = performance.now();
  await optimizeSearchIndex(db);
  console.log(`[${kind}] 索引整理（${kind === 'sqlite' ? 'FTS5 optimize' : 'VACUUM ANALYZE'}）：${((performance.now() - optimizing) / 1000).toFixed(1)} 秒`);
}

/** Per query: its result count (estimated or exact, as the portal shows it) and its slowest time (ms) over the measured runs. */
type QueryFigures = Record<string, { total: number; estimated: boolean; maxMs: number }>;

interface Prepared {
  group: string;
  label: string;
  q: string;
  filters: SearchFilters;
}

const PAGES = [1, 2, 10];
const ROUNDS = 3;

async function prepare(db: Kysely<Database>): Promise<Prepared[]> {
  const out: Prepared[] = [];
  for (const [group, list] of Object.entries(QUERIES)) {
    for (const x of list) out.push(typeof x === 'string' ? { group, label: x, q: x, filters: {} } : { group, label: label(x), q: x.q, filters: await filtersOf(db, x) });
  }
  return out;
}

async function timed(db: Kysely<Database>, x: Prepared, page: number): Promise<{ ms: number; total: number; estimated: boolean }> {
  const t0 = performance.now();
  const r = await searchItems(db, { q: x.q, filters: x.filters, page, pageSize: 10 });
  return { ms: performance.now() - t0, total: r.total, estimated: r.estimated };
}

const fmt = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return `${pct(sorted, 0.5).toFixed(0)} / ${pct(sorted, 0.95).toFixed(0)}`;
};

/**
 * "Cold": the first pass over all queries (page 1) right after the database was reopened: for
 * PostgreSQL after a restart of the server (BENCH_PG_RESTART, its shared buffers empty), for SQLite
 * on a new connection (its page cache empty). The operating system's file cache is left as it is
 * (dropping it needs root and would disturb every other process of the machine), so "cold" is
 * a restarted database on a machine whose files are cached: the case after a deploy or a restart.
 * "Warm": after one pass, ROUNDS rounds of every query on pages 1, 2 and 10. The cold pass is
 * also the first time this process counts each query's hits; the warm rounds find those counts
 * kept (search.counts.ts), as a visitor paging on, or asking what others asked, does.
 */
async function bench(kind: DialectName): Promise<QueryFigures> {
  const opened = await openBenchDb(kind);
  let db = opened.db;
  const figures: QueryFigures = {};
  try {
    if (!opened.loaded) await load(db, kind, opened.url);
    const bytes = await databaseBytes(db, kind);
    console.log(`[${kind}] 数据库大小 ${(bytes / 2 ** 20).toFixed(0)} MB，每百万条 ${((bytes / size) * 1e6 / 2 ** 30).toFixed(2)} GB`);
    const restart = process.env.BENCH_PG_RESTART;
    let coldNote = '（未重启）';
    if (kind === 'sqlite' || restart) {
      db = await opened.reopen(() => { if (kind === 'postgres') execSync(restart!, { stdio: 'ignore' }); });
      coldNote = kind === 'postgres' ? '（PostgreSQL 重启后首轮）' : '（重新打开数据库后首轮）';
    }
    const queries = await prepare(db);
    const cold: Record<string, number> = {};
    for (const x of queries) cold[x.label] = (await timed(db, x, 1)).ms;
    const warm: Record<string, Record<number, number[]>> = {};
    for (const x of queries) {
      const { total, estimated } = await timed(db, x, 1);
      figures[x.label] = { total, estimated, maxMs: cold[x.label] };
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const page of PAGES) {
        for (const x of queries) {
          const { ms } = await timed(db, x, page);
          ((warm[x.label] ??= {})[page] ??= []).push(ms);
          figures[x.label].maxMs = Math.max(figures[x.label].maxMs, ms);
        }
      }
    }
    console.log(`\n[${kind}] ${size} 条，毫秒 p50 / p95；冷${coldNote}为第 1 页各一次，热为 ${ROUNDS} 轮；负载 ${loadAverage()}`);
    console.log(`| 查询类别 | 冷 第1页 | 热 第1页 | 热 第2页 | 热 第10页 | 热 全部 | 最慢（含冷） |`);
    console.log(`|---|---|---|---|---|---|---|`);
    const groups = [...new Set(queries.map((x) => x.group))];
    const classes: [string, Prepared[]][] = [
      ...groups.map((g): [string, Prepared[]] => [g, queries.filter((x) => x.group === g)]),
      ['命中超过一万条', queries.filter((x) => figures[x.label].total > 10_000)],
      ['命中不超过一万条', queries.filter((x) => figures[x.label].total <= 10_000)],
    ];
    for (const [name, list] of classes) {
      if (!list.length) continue;
      const pages = PAGES.map((page) => fmt(list.flatMap((x) => warm[x.label][page])));
      const all = fmt(list.flatMap((x) => PAGES.flatMap((page) => warm[x.label][page])));
      const worst = list.map((x) => figures[x.label].maxMs).reduce((a, b) => Math.max(a, b), 0);
      console.log(`| ${name}（${list.length}） | ${fmt(list.map((x) => cold[x.label]))} | ${pages.join(' | ')} | ${all} | ${worst.toFixed(0)} |`);
    }
    const slowest = Object.entries(figures).sort((a, b) => b[1].maxMs - a[1].maxMs).slice(0, 3);
    console.log(`[${kind}] 最慢的查询：${slowest.map(([q, f]) => `“${q}” ${f.maxMs.toFixed(0)} ms`).join('；')}`);
  } finally {
    await opened.close();
  }
  return figures;
}

/**
 * Exact counts must agree; an estimate (PostgreSQL's, over 10,000 hits, shown as "约") is held
 * to its largest gap from the other database's exact count, so a reader sees how close it is.
 * A query estimated on both sides is only counted: neither count is the truth to measure from.
 */
function parityLine(a: QueryFigures, b: QueryFigures): string {
  const labels = Object.keys(a);
  const exact = labels.filter((q) => !a[q].estimated && !b[q].estimated);
  const differ = exact.filter((q) => a[q].total !== b[q].total);
  const gaps = labels.filter((q) => a[q].estimated !== b[q].estimated).map((q) => {
    const [guess, truth] = a[q].estimated ? [a[q].total, b[q].total] : [b[q].total, a[q].total];
    return Math.abs(guess - truth) / Math.max(truth, 1);
  });
  const bothEstimated = labels.length - exact.length - gaps.length;
  const parts = [differ.length ? `精确结果数不一致：${differ.join('、')}` : `精确结果数完全一致（${exact.length} 个查询）`];
  if (gaps.length) parts.push(`${gaps.length} 个查询一方为估计数，与另一方精确数最大相差 ${(Math.max(...gaps) * 100).toFixed(1)}%`);
  if (bothEstimated) parts.push(`${bothEstimated} 个查询两方均为估计数`);
  return `${parts.join('；')}。`;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
const kinds: DialectName[] = !isMain ? [] : which === 'both' ? ['sqlite', 'postgres'] : [which];
const results: Record<string, QueryFigures> = {};
for (const k of kinds) results[k] = await bench(k);
if (kinds.length === 2) console.log(parityLine(results.sqlite, results.postgres));
for (const q of kinds.length ? Object.keys(results[kinds[0]]) : []) {
  console.log(`  “${q}”：${kinds.map((k) => `${k} ${results[k][q].estimated ? '约 ' : ''}${results[k][q].total} 条，最慢 ${results[k][q].maxMs.toFixed(1)} ms`).join('；')}`);
}
