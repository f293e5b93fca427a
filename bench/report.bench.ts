/**
 * Time to compute one annual report (figures through the source contracts — counted by the
 * database, and once more case by case with per-cell drill-down ids —, placeholders and every
 * check) for a body with
 * 100,000 applications spread over 2021–2023, and the ratio to the bare SQL aggregate that
 * counts the same section 三 figures in one GROUP BY over the same rows. SQLite, and PostgreSQL
 * when BENCH_DATABASE_URL or TEST_DATABASE_URL is set. A plain script printing figures:
 *   TZ=UTC node --import tsx bench/report.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openTestDatabase } from '../src/db/test-databases.ts';
import { addCalendarDays } from '../src/calendar/calendar-dates.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { buildReport } from '../src/report/report.build.ts';
import { defaultNarrative } from '../src/report/report.narrative.ts';
import { APPLICANT_TYPES, OUTCOME_KEYS } from '../src/report/report.model.ts';
import type { Organization } from '../src/auth/organizations.repository.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const RUNS = 15;
const YEAR = 2022;
if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await fn();
    times.push(performance.now() - s);
  }
  return median(times);
}

async function run(kind: 'sqlite' | 'postgres') {
  const t = await openTestDatabase(kind);
  try {
    const now = new Date().toISOString();
    const org = await t.db.insertInto('organizations').values({ code: 'bench', name: '测试区人民政府', parent_id: null, kind: 'government', is_body: 1, disabled: 0, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const body: Organization = { id: Number(org.id), code: 'bench', name: '测试区人民政府', parentId: null, kind: 'government', isBody: true, disabled: false };
    for (let from = 0; from < CASES; from += 500) {
      const rows = [];
      for (let i = from; i < Math.min(CASES, from + 500); i++) {
        const received = addCalendarDays('2021-01-04', i % 1090);
        const open = i % 23 === 0;
        rows.push({
          organization_id: org.id, unit_id: org.id, tracking_number: `B${i}`, query_code_hash: 'x', year: Number(received.slice(0, 4)), seq: i + 1, channel: 'online',
          submitted_date: received, received_date: received, applicant_type: APPLICANT_TYPES[i % 6]!, applicant_name: `申请人${i}`, applicant_id_kind: '居民身份证',
          applicant_id_masked: '4104**********0000', applicant_id_hash: null, applicant_key: `k${i % 5000}`, contact_person: '', phone: '', email: '', address: '',
          postcode: '', request_description: '某项政府信息', request_document_no: '', purpose: '', form_wanted: '电子数据', delivery_wanted: '电子邮件', item_count: 1,
          status: open ? 'in_progress' : 'decided', due_date: null, assignee_id: null, extension_pending: 0,
          decision_date: open ? null : addCalendarDays(received, 5 + (i % 40)), outcome: open ? null : OUTCOME_KEYS[i % OUTCOME_KEYS.length]!,
          fee_paid_yuan: i % 97 === 0 ? 100 : 0, fee_paid_date: i % 97 === 0 ? received : null,
          idempotency_key: null, event_count: 0, created_at: now, updated_at: now,
        });
      }
      await t.db.insertInto('applications').values(rows).execute();
    }
    const deps = { db: t.db, clock: fixedClock('2023-01-20T02:00:00Z') };
    const narrative = defaultNarrative();
    let built: Awaited<ReturnType<typeof buildReport>> | undefined;
    const full = await time(async () => {
      built = await buildReport({ deps }, body, YEAR, narrative);
    });

    // The path that keeps the ids behind every cell (drill-down, approval's frozen copy).
    const withIds = await time(() => buildReport({ deps, drillDown: true }, body, YEAR, narrative));

    const first = `${YEAR}-01-01`;
    const last = `${YEAR}-12-31`;
    const aggregate = () =>
      sql`select applicant_type, outcome,
            sum(case when received_date >= ${first} then 1 else 0 end) as new_received,
            sum(case when received_date < ${first} then 1 else 0 end) as carried_over,
            sum(case when decision_date >= ${first} and decision_date <= ${last} then 1 else 0 end) as decided,
            sum(case when decision_date is null or decision_date > ${last} then 1 else 0 end) as carried_forward
          from applications
          where organization_id = ${org.id} and received_date <= ${last} and (decision_date is null or decision_date >= ${first})
          group by applicant_type, outcome`.execute(t.db);
    const bare = await time(aggregate);
    const rows = (await aggregate()).rows as { decided: number | string }[];
    const decidedSql = rows.reduce((s, r) => s + Number(r.decided), 0);
    const decidedReport = built!.report.applications.rows.total[6];
    console.log(
      `${kind.padEnd(8)} applications=${CASES} report=${full.toFixed(1)}ms bare SQL aggregate=${bare.toFixed(1)}ms ratio=${(full / bare).toFixed(1)}× ` +
        `(with drill-down ids ${withIds.toFixed(1)}ms = ${(withIds / bare).toFixed(1)}×) ` +
        `(decided in ${YEAR}: report ${decidedReport}, SQL ${decidedSql}${decidedReport === decidedSql ? '' : ' — MISMATCH'})`,
    );
  } finally {
    await t.close();
  }
}

await run('sqlite');
if (process.env.TEST_DATABASE_URL) await run('postgres');
else console.warn('⚠️  PostgreSQL skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
