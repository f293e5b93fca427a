/**
 * Search latency on a generated corpus of Chinese government items, on SQLite and PostgreSQL.
 * Run: `node --import tsx bench/search.bench.ts [SIZE] [--db sqlite|postgres|both]`
 * (SIZE defaults to 100000; 1000000 is the target scale). PostgreSQL comes from
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL; a scratch database is created
 * and dropped). Prints p50/p95 for 2-character, 3–4-character and multi-word queries.
 * `--keep NAME` keeps the PostgreSQL database NAME (and the SQLite file bench-NAME.db in the
 * system's temporary folder) after the run and reuses it when it already holds SIZE items
 * (migrations are still applied), so that repeated runs skip the slow load.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openDatabase, type DialectName } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/database.ts';
import { bulkInsertPublishedItems } from '../src/publishing/items.bulk.ts';
import { searchItems, type SearchFilters } from '../src/publishing/search.repository.ts';
import { optimizeSearchIndex } from '../src/publishing/search.reindex.ts';
import { shippedCalendar } from '../src/calendar/shipped-holidays.ts';
import { generate } from '../src/publishing/search.corpus.ts';

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

async function openBenchDb(kind: DialectName): Promise<{ db: Kysely<Database>; close: () => Promise<void>; loaded: boolean }> {
  if (kind === 'sqlite') {
    const dir = keepName ? tmpdir() : mkdtempSync(join(tmpdir(), 'gk-bench-'));
    const file = join(dir, keepName ? `bench-${keepName}.db` : 'bench.db');
    const exists = existsSync(file);
    const db = openDatabase(`sqlite:${file}`);
    await migrateToLatest(db);
    await checkKeptSize(db, exists);
    return { db, loaded: exists, close: async () => { await db.destroy(); if (!keepName) rmSync(dir, { recursive: true, force: true }); } };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('BENCH_DATABASE_URL or TEST_DATABASE_URL is required for PostgreSQL');
  const name = keepName ?? `gk_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = openDatabase(u.toString());
  await migrateToLatest(db);
  await checkKeptSize(db, exists);
  return {
    db,
    loaded: exists,
    close: async () => {
      await db.destroy();
      if (keepName) return;
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function checkKeptSize(db: Kysely<Database>, exists: boolean): Promise<void> {
  if (!exists) return;
  const items = Number((await db.selectFrom('publishing_items').select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  if (items !== size) throw new Error(`the kept database ${keepName} holds ${items} items, not ${size}; drop it or choose another name`);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];

async function load(db: Kysely<Database>, kind: DialectName): Promise<void> {
  const orgCount = Math.max(8, Math.ceil(size / (12 * 60_000)));
  const orgIds: number[] = [];
  for (let i = 0; i < orgCount; i++) {
    const r = await db.insertInto('organizations').values({ code: `bench-${i}`, name: `石龙区测试单位${i}`, parent_id: null, kind: 'department', is_body: 1, disabled: 0, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    orgIds.push(r.id);
  }
  const calendar = shippedCalendar();
  const started = performance.now();
  const CHUNK = 5000;
  for (let i = 0; i < size; i += CHUNK) {
    await bulkInsertPublishedItems(db, generate(Math.min(CHUNK, size - i), orgIds, i + 1), new Date(), { calendar });
    process.stderr.write(`\r[${kind}] 已写入 ${Math.min(size, i + CHUNK)}/${size}`);
  }
  process.stderr.write('\n');
  console.log(`[${kind}] ${size} 条信息写入并建索引：${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  const optimizing = performance.now();
  await optimizeSearchIndex(db);
  console.log(`[${kind}] 索引整理（${kind === 'sqlite' ? 'FTS5 optimize' : 'VACUUM ANALYZE'}）：${((performance.now() - optimizing) / 1000).toFixed(1)} 秒`);
}

/** Per query: its result count and its slowest time (ms) over the measured rounds. */
type QueryFigures = Record<string, { total: number; maxMs: number }>;

async function bench(kind: DialectName): Promise<QueryFigures> {
  const { db, close, loaded } = await openBenchDb(kind);
  const totals: Record<string, number[]> = {};
  const slowest: Record<string, number> = {};
  const timesOf: Record<string, number[]> = {};
  try {
    if (!loaded) await load(db, kind);
    for (const [group, list] of Object.entries(QUERIES)) {
      const times: number[] = [];
      const queries = await Promise.all(list.map(async (x) => (typeof x === 'string' ? { label: x, q: x, filters: {} } : { label: label(x), q: x.q, filters: await filtersOf(db, x) })));
      for (const { q, filters } of queries) await searchItems(db, { q, filters }); // warm-up
      for (let round = 0; round < 3; round++) {
        for (const { label: q, q: text, filters } of queries) {
          const t0 = performance.now();
          const r = await searchItems(db, { q: text, filters, page: 1 + round, pageSize: 10 });
          const ms = performance.now() - t0;
          times.push(ms);
          slowest[q] = Math.max(slowest[q] ?? 0, ms);
          (timesOf[q] ??= []).push(ms);
          if (round === 0) (totals[q] ??= []).push(r.total);
        }
      }
      times.sort((a, b) => a - b);
      console.log(`[${kind}] ${group}查询：p50 ${pct(times, 0.5).toFixed(1)} ms，p95 ${pct(times, 0.95).toFixed(1)} ms（${times.length} 次）`);
    }
    // The target distinguishes queries of at most 10,000 hits (p95 ≤ 100 ms) from all (≤ 300 ms).
    const narrow = Object.keys(timesOf).filter((q) => totals[q][0] <= 10_000).flatMap((q) => timesOf[q]).sort((a, b) => a - b);
    if (narrow.length) console.log(`[${kind}] 命中不超过一万条的查询：p50 ${pct(narrow, 0.5).toFixed(1)} ms，p95 ${pct(narrow, 0.95).toFixed(1)} ms（${narrow.length} 次）`);
    const [worst, ms] = Object.entries(slowest).sort((a, b) => b[1] - a[1])[0];
    console.log(`[${kind}] 最慢的查询：“${worst}” ${ms.toFixed(1)} ms`);
  } finally {
    await close();
  }
  return Object.fromEntries(Object.keys(totals).map((q) => [q, { total: totals[q][0], maxMs: slowest[q] }]));
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
const kinds: DialectName[] = !isMain ? [] : which === 'both' ? ['sqlite', 'postgres'] : [which];
const results: Record<string, QueryFigures> = {};
for (const k of kinds) results[k] = await bench(k);
if (kinds.length === 2) {
  const differ = Object.keys(results.sqlite).filter((q) => results.sqlite[q].total !== results.postgres[q].total);
  console.log(differ.length ? `结果数不一致：${differ.join('、')}` : '两种数据库的结果数完全一致。');
}
for (const q of kinds.length ? Object.keys(results[kinds[0]]) : []) {
  console.log(`  “${q}”：${kinds.map((k) => `${k} ${results[k][q].total} 条，最慢 ${results[k][q].maxMs.toFixed(1)} ms`).join('；')}`);
}
