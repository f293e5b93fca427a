/**
 * Overdue-list query time over 100,000 generated cases, on SQLite and (when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set) PostgreSQL. A plain script printing figures:
 *   TZ=UTC node --import tsx bench/applications.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { openTestDatabase } from '../src/db/test-databases.ts';
import { createApplicationsRepository } from '../src/applications/applications.repository.ts';
import { addCalendarDays } from '../src/calendar/calendar-dates.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const STATUSES = ['in_progress', 'consulting', 'awaiting_correction', 'decided', 'archived', 'archived', 'archived', 'delivered'];
const TODAY = '2026-03-02';

async function run(kind: 'sqlite' | 'postgres') {
  const t = await openTestDatabase(kind);
  try {
    const now = new Date().toISOString();
    const org = await t.db.insertInto('organizations').values({ code: 'bench', name: '测试机关', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const started = performance.now();
    for (let from = 0; from < CASES; from += 500) {
      const rows = [];
      for (let i = from; i < Math.min(CASES, from + 500); i++) {
        const status = STATUSES[i % STATUSES.length]!;
        const received = addCalendarDays('2022-01-03', i % 1500);
        const open = !['decided', 'archived', 'delivered'].includes(status);
        rows.push({
          organization_id: org.id, unit_id: org.id, tracking_number: `B${i}`, query_code_hash: 'x', year: 2022, seq: i + 1, channel: 'online',
          submitted_date: received, received_date: received, applicant_type: '自然人', applicant_name: `申请人${i}`, applicant_id_kind: '居民身份证',
          applicant_id_masked: '4104**********0000', applicant_id_hash: null, applicant_key: `k${i % 5000}`, contact_person: '', phone: '', email: '', address: '',
          postcode: '', request_description: '某项政府信息', request_document_no: '', purpose: '', form_wanted: '电子数据', delivery_wanted: '电子邮件', item_count: 1,
          status, due_date: open && status !== 'awaiting_correction' ? addCalendarDays(received, 28) : null, assignee_id: null, extension_pending: 0,
          decision_date: open ? null : addCalendarDays(received, 20), outcome: open ? null : 'disclosed', fee_paid_yuan: 0, fee_paid_date: null,
          idempotency_key: null, event_count: 0, created_at: now, updated_at: now,
        });
      }
      await t.db.insertInto('applications').values(rows).execute();
    }
    const loaded = performance.now() - started;
    const repo = createApplicationsRepository({ db: t.db });
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      found = (await repo.overdue(TODAY)).length;
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    console.log(`${kind.padEnd(8)} cases=${CASES} load=${(loaded / 1000).toFixed(1)}s overdue rows(first 200)=${found} median=${times[10]!.toFixed(2)}ms p95=${times[18]!.toFixed(2)}ms`);
  } finally {
    await t.close();
  }
}

await run('sqlite');
if (process.env.TEST_DATABASE_URL) await run('postgres');
else console.log('postgres skipped: set TEST_DATABASE_URL to measure PostgreSQL too');
