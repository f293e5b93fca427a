/**
 * Province-scale lists: the demo site plus a province of organizations (~100 cities or districts,
 * each with its departments; --orgs, default 10,000) holding --items publishing items (default
 * 1,000,000) and --cases applications (default a tenth of the items), then the list requests a
 * clerk (gkb) and a province-wide administrator (admin, at the root) make, through the real app
 * (inject, with sessions, accepting gzip as a browser does): p50/p95 per request. Seeding uses
 * multi-row inserts in one transaction per batch. A plain script printing figures:
 *   TZ=UTC node --import tsx bench/lists.bench.ts [--db sqlite|postgres] [--orgs N] [--items N] [--cases N] [--runs N]
 * PostgreSQL from BENCH_DATABASE_URL or TEST_DATABASE_URL.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cpus, loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { openTestDatabase } from '../src/db/test-databases.ts';
import { openStatusFilter } from '../src/applications/applications.repository.ts';
import { createTestApp } from '../src/http/test-app.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'sqlite' }, orgs: { type: 'string', default: '10000' }, items: { type: 'string', default: '1000000' }, cases: { type: 'string' }, runs: { type: 'string', default: '30' } } });
const ORGS = Number(values.orgs);
const ITEMS = Number(values.items);
const CASES = Number(values.cases ?? Math.floor(ITEMS / 10));
const RUNS = Number(values.runs);
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
const kind = values.db === 'postgres' ? 'postgres' : 'sqlite';

const t = await openTestDatabase(kind);
const a = await createTestApp(t, '2026-03-02T02:00:00Z');
const db = t.db;
const now = '2026-03-01T00:00:00.000Z';
const started = performance.now();
const root = (await db.selectFrom('organizations').select('id').where('code', '=', 'shilong').executeTakeFirstOrThrow()).id;

// Organizations: cities under the root, departments under each city.
const cities = Math.max(1, Math.round(ORGS / 100));
const orgIds: number[] = [];
for (let c = 0; c < cities; c++) {
  const city = await db.insertInto('organizations').values({ code: `p-c${c}`, name: `第${c}市`, parent_id: root, kind: 'government', is_body: 1, disabled: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
  orgIds.push(city.id);
  const depts = Array.from({ length: Math.ceil(ORGS / cities) - 1 }, (_, d) => ({ code: `p-c${c}-d${d}`, name: `第${c}市第${d}局`, parent_id: city.id, kind: 'department', is_body: 1, disabled: 0, created_at: now }));
  for (const r of await db.insertInto('organizations').values(depts).returning('id').execute()) orgIds.push(r.id);
}
const column = await db.selectFrom('publishing_columns').select('id').orderBy('id').executeTakeFirstOrThrow();

const BATCH = kind === 'sqlite' ? 1000 : 2000;
const STATUSES = ['published', 'published', 'published', 'draft', 'pending_review', 'withdrawn'];
for (let from = 0; from < ITEMS; from += BATCH) {
  const rows = [];
  for (let i = from; i < Math.min(ITEMS, from + BATCH); i++) {
    const day = `20${20 + (i % 6)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.push({
      organization_id: orgIds[i % orgIds.length]!, column_id: column.id, kind: 'general', title: `第${i}号通知`, index_no: `B-${i}`, index_year: 2020 + (i % 6), index_serial: i,
      status: STATUSES[i % STATUSES.length]!, publish_date: day, published_at: `${day}T02:00:00.000Z`, created_at: `${day}T01:00:00.000Z`, updated_at: `${day}T03:${String(i % 60).padStart(2, '0')}:00.000Z`,
    });
  }
  await db.insertInto('publishing_items').values(rows as never).execute();
}
const caseOrgs = orgIds.filter((_, i) => i % 100 === 0 || i % 7 === 0);
for (let from = 0; from < CASES; from += BATCH / 2) {
  const rows = [];
  for (let i = from; i < Math.min(CASES, from + BATCH / 2); i++) {
    const received = `20${23 + (i % 3)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const org = caseOrgs[i % caseOrgs.length]!;
    const open = i % 9 === 0;
    rows.push({
      organization_id: org, unit_id: org, tracking_number: `P${i}`, query_code_hash: 'x', year: 2023 + (i % 3), seq: 100000 + i, channel: 'online',
      submitted_date: received, received_date: received, applicant_type: '自然人', applicant_name: `申请人${i}`, applicant_id_kind: '居民身份证',
      applicant_id_masked: '4104**********0000', applicant_id_hash: null, applicant_key: `k${i}`, contact_person: '', phone: '', email: '', address: '',
      postcode: '', request_description: '某项政府信息', request_document_no: '', purpose: '', form_wanted: '电子数据', delivery_wanted: '电子邮件', item_count: 1,
      status: open ? 'in_progress' : 'decided', due_date: open ? '2026-03-20' : null, assignee_id: null, extension_pending: 0,
      decision_date: open ? null : received, outcome: open ? null : 'disclosed', fee_paid_yuan: 0, fee_paid_date: null,
      idempotency_key: null, event_count: 0, created_at: now, updated_at: now,
    });
  }
  await db.insertInto('applications').values(rows as never).execute();
}
// As autovacuum would on PostgreSQL: GIN indexes' pending entries moved into the index proper.
await (kind === 'postgres' ? sql`vacuum analyze` : sql`analyze`).execute(db);
const seeded = (performance.now() - started) / 1000;

const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const city0 = orgIds[0]!;
const requests: Array<[string, string]> = [
  ['auditor', '/api/v1/publishing/items?page=1'],
  ['auditor', '/api/v1/publishing/items?page=2'],
  ['auditor', '/api/v1/publishing/items?page=10'],
  ['auditor', '/api/v1/publishing/items?page=1&status=published'],
  ['auditor', `/api/v1/publishing/items?page=1&organizationId=${city0}`],
  ['auditor', '/api/v1/publishing/items?page=1&q=%E7%AC%AC12345'], // 第12345: rare, through the trigram index
  ['auditor', '/api/v1/publishing/items?page=1&q=%E5%8F%B7%E9%80%9A%E7%9F%A5'], // 号通知: in every title
  ['auditor', '/api/v1/publishing/items?page=1&q=%E9%80%9A%E7%9F%A5'], // 通知: 2 characters, no trigram, in every title
  ['auditor', '/api/v1/publishing/items?page=1&q=%E9%BE%98'], // 龘: 1 character in no title, through the index of the titles' characters
  ['fgw-editor', '/api/v1/publishing/items?page=1'],
  ['fgw-editor', '/api/v1/publishing/items?page=2&status=published'],
  ['auditor', '/api/v1/applications?limit=20'],
  ['auditor', '/api/v1/applications?limit=20&offset=180&open=true'],
  ['gkb', '/api/v1/applications?limit=20'],
  ['gkb', '/api/v1/applications/workbench'],
  ['admin', '/api/v1/users'],
  ['admin', '/api/v1/organizations'],
];
// How each database runs the two main list shapes: the plan must walk an index in list order
// and stop after the page (no sort of every matching row, no full count).
async function explain(label: string, q: { compile(): { sql: string; parameters: readonly unknown[] } }) {
  const { sql: text, parameters } = q.compile();
  const prefix = kind === 'sqlite' ? 'explain query plan ' : 'explain (analyze, costs off, timing off) ';
  const r = await sql.raw(prefix + text.replace(/\$(\d+)|\?/g, (m, n) => { const v = parameters[n ? Number(n) - 1 : explainIndex++]; return typeof v === 'number' ? String(v) : `'${String(v)}'`; })).execute(db);
  explainIndex = 0;
  console.log(`plan of ${label}:\n  ${(r.rows as Record<string, unknown>[]).map((row) => String(row.detail ?? row['QUERY PLAN'])).join('\n  ')}`);
}
let explainIndex = 0;
const itemsPage = (status?: string) => {
  let q = db.selectFrom('publishing_items').selectAll();
  if (status) q = q.where('status', '=', status);
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(20).offset(180);
};
await explain('items page 10', itemsPage());
await explain('items page 1, status=published', itemsPage('published').offset(0));
await explain('items capped count', db.selectFrom(db.selectFrom('publishing_items').select(sql`1`.as('one')).limit(10_001).as('c')).select((eb) => eb.fn.countAll().as('n')));
await explain('cases page 1', db.selectFrom('applications').selectAll().orderBy(sql`due_date is null`).orderBy('due_date').orderBy('id', 'desc').limit(20));
const openCases = () => db.selectFrom('applications').where(openStatusFilter(kind));
await explain('open cases page 10', openCases().selectAll().orderBy(sql`due_date is null`).orderBy('due_date').orderBy('id', 'desc').limit(20).offset(180));
await explain('open cases page 1 of one body', openCases().selectAll().where((eb) => eb.or([eb('organization_id', 'in', [city0]), eb('unit_id', 'in', [city0])])).orderBy(sql`due_date is null`).orderBy('due_date').orderBy('id', 'desc').limit(20));
await explain('open cases capped count', db.selectFrom(openCases().select(sql`1`.as('one')).limit(10_001).as('c')).select((eb) => eb.fn.countAll().as('n')));
const sessions = new Map<string, Record<string, string>>();
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} (${cpus().length} cores)`);
console.log(`${kind} orgs=${orgIds.length} items=${ITEMS} cases=${CASES} seeded in ${seeded.toFixed(0)} s; ${RUNS} runs each`);
for (const [user, url] of requests) {
  if (!sessions.has(user)) sessions.set(user, (await a.login(user)).headers);
  const headers = sessions.get(user)!;
  const times: number[] = [];
  let status = 0;
  let total: unknown;
  for (let i = 0; i <= RUNS; i++) {
    const s = performance.now();
    const r = await a.app.inject({ method: 'GET', url, headers: { ...headers, 'accept-encoding': 'gzip, deflate, br' } });
    if (i > 0) times.push(performance.now() - s); // the first is a warm-up
    status = r.statusCode;
    const body = JSON.parse((r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.rawPayload) : r.rawPayload).toString()) as { total?: unknown; totalCapped?: boolean; items?: unknown[] };
    total = body.total === undefined ? (body.items?.length ?? r.statusCode) : `${String(body.total)}${body.totalCapped ? '+' : ''}`;
  }
  console.log(`${user.padEnd(10)} ${url.padEnd(60)} ${status} total=${String(total ?? '-').padEnd(8)} p50=${pct(times, 50).toFixed(1)}ms p95=${pct(times, 95).toFixed(1)}ms`);
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
await a.app.close();
await t.close();
