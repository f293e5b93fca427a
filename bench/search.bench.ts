/**
 * Search latency on a generated corpus of Chinese government items, on SQLite and PostgreSQL.
 * Run: `node --import tsx bench/search.bench.ts [SIZE] [--db sqlite|postgres|both]`
 * (SIZE defaults to 100000; 1000000 is the target scale). PostgreSQL comes from
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL; a scratch database is created
 * and dropped). Prints p50/p95 for 2-character, 3–4-character and multi-word queries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { openDatabase, type DialectName } from '../src/db/dialect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/database.ts';
import { bulkInsertPublishedItems, type PublishedItemInput } from '../src/publishing/items.bulk.ts';
import { searchItems } from '../src/publishing/search.repository.ts';
import { shippedCalendar } from '../src/calendar/shipped-holidays.ts';
import type { ItemKind } from '../src/publishing/items.rules.ts';

const args = process.argv.slice(2);
const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const which = (args[args.indexOf('--db') + 1] && args.includes('--db') ? args[args.indexOf('--db') + 1] : 'both') as 'sqlite' | 'postgres' | 'both';

// Deterministic generator (mulberry32) so both databases get the same corpus.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['石龙区', '人民路街道', '龙山街道', '高庄村', '张庄', '李楼', '滨河社区', '东城区', '西湖镇', '北岗乡', '兴业路', '龙河'];
const DEPTS = ['发展和改革委员会', '教育局', '财政局', '人力资源和社会保障局', '应急管理局', '卫生健康委员会', '生态环境分局', '住房和城乡建设局', '市场监督管理局', '民政局'];
const SUBJECTS = ['政府信息公开', '义务教育招生', '城乡居民医疗保险', '安全生产专项整治', '老旧小区改造', '财政预算执行', '重大建设项目', '食品安全抽检', '稳岗就业补贴', '防汛应急预案', '营商环境优化', '行政许可事项', '农村土地承包经营权流转', '最低生活保障', '大气污染防治', '公务员招录', '政府集中采购', '行政事业性收费', '统计公报', '非法集资风险'];
const DOCS = ['通知', '实施方案', '公告', '办法', '意见', '工作要点', '情况公示', '报告', '决定', '规划'];
const SENTENCES = [
  '为深入贯彻落实党中央、国务院决策部署，进一步做好{s}工作，结合{p}实际，制定本方案。',
  '各乡（镇）人民政府、街道办事处，区直各单位要高度重视{s}，明确责任分工，确保各项措施落到实处。',
  '{d}将会同有关部门加强监督检查，对{p}范围内发现的问题限期整改。',
  '本{doc}自印发之日起施行，有效期五年，由{d}负责解释。',
  '{p}共完成{n}项任务，累计投入资金{n}万元，惠及群众{n}人。',
  '公众可通过政府网站、政务新媒体等渠道了解{s}的有关政策和办理流程。',
  '对群众反映的{s}问题，{d}坚持边查边改、立行立改，持续提升服务水平。',
  '联系电话：0375-{n}，办公地址：{p}{d}。',
  '根据《中华人民共和国政府信息公开条例》第二十条规定，现将{s}有关情况公开如下。',
  '下一步，我们将围绕{s}，完善工作机制，强化要素保障，推动高质量发展。',
];
const KINDS: ItemKind[] = ['policy_document', 'normative_document', 'interpretation', 'announcement', 'key_area', 'key_area', 'general'];

export function generate(count: number, orgIds: number[], seed = 42): PublishedItemInput[] {
  const r = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
  const out: PublishedItemInput[] = [];
  for (let i = 0; i < count; i++) {
    const s = pick(SUBJECTS);
    const p = pick(PLACES);
    const d = pick(DEPTS);
    const doc = pick(DOCS);
    const year = 2015 + (i % 12);
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const sentences = Array.from({ length: 4 + Math.floor(r() * 10) }, () =>
      pick(SENTENCES).replace(/\{s\}/g, pick(SUBJECTS)).replace(/\{p\}/g, pick(PLACES)).replace(/\{d\}/g, pick(DEPTS)).replace(/\{doc\}/g, doc).replace(/\{n\}/g, () => String(Math.floor(r() * 9000) + 100)),
    );
    out.push({
      organizationId: orgIds[i % orgIds.length],
      kind: pick(KINDS),
      title: `${p}${d}关于${s}的${doc}`,
      publishDate: `${year}-${month}-${day}`,
      writtenDate: `${year}-${month}-${day}`,
      docNumber: `石${d.slice(0, 2)}〔${year}〕${1 + (i % 300)}号`,
      bodyHtml: sentences.map((x) => `<p>${x}</p>`).join(''),
    });
  }
  return out;
}

const QUERIES = {
  '2 字': ['公开', '教育', '医保', '张庄', '李楼', '预算', '采购', '防汛'],
  '3–4 字': ['石龙区', '滨河社区', '政府信息', '安全生产', '老旧小区', '最低生活', '非法集资', '营商环境'],
  '多词': ['教育 招生', '安全生产 整改', '财政 预算 执行', '石龙区 防汛 预案', '医疗保险 人民路街道', '公务员 招录 公告'],
};

async function openBenchDb(kind: DialectName): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gk-bench-'));
    const db = openDatabase(`sqlite:${join(dir, 'bench.db')}`);
    await migrateToLatest(db);
    return { db, close: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('BENCH_DATABASE_URL or TEST_DATABASE_URL is required for PostgreSQL');
  const name = `gk_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = openDatabase(u.toString());
  await migrateToLatest(db);
  return {
    db,
    close: async () => {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];

async function bench(kind: DialectName): Promise<Record<string, number[]>> {
  const { db, close } = await openBenchDb(kind);
  const totals: Record<string, number[]> = {};
  try {
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
    for (const [group, queries] of Object.entries(QUERIES)) {
      const times: number[] = [];
      for (const q of queries) await searchItems(db, { q }); // warm-up
      for (let round = 0; round < 3; round++) {
        for (const q of queries) {
          const t0 = performance.now();
          const r = await searchItems(db, { q, page: 1 + round, pageSize: 10 });
          times.push(performance.now() - t0);
          if (round === 0) (totals[q] ??= []).push(r.total);
        }
      }
      times.sort((a, b) => a - b);
      console.log(`[${kind}] ${group}查询：p50 ${pct(times, 0.5).toFixed(1)} ms，p95 ${pct(times, 0.95).toFixed(1)} ms（${times.length} 次）`);
    }
  } finally {
    await close();
  }
  return totals;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
const kinds: DialectName[] = !isMain ? [] : which === 'both' ? ['sqlite', 'postgres'] : [which];
const results: Record<string, Record<string, number[]>> = {};
for (const k of kinds) results[k] = await bench(k);
if (kinds.length === 2) {
  const differ = Object.keys(results.sqlite).filter((q) => results.sqlite[q][0] !== results.postgres[q][0]);
  console.log(differ.length ? `结果数不一致：${differ.join('、')}` : '两种数据库的结果数完全一致。');
}
for (const q of kinds.length ? Object.keys(results[kinds[0]]) : []) console.log(`  “${q}”：${kinds.map((k) => `${k} ${results[k][q][0]} 条`).join('，')}`);
