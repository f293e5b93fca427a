/**
 * The daily jobs: reminders of cases due within 3 working days or overdue (in-app, to their
 * handlers) and the opt-in e-mail digest of each staff member's waiting work. Every process checks
 * each minute; after DIGEST_HOUR (Asia/Shanghai) the first to insert the job's row for the date in
 * `job_runs` (primary key job + date) does the job, in the same transaction as that row, so the
 * job runs once a day across processes (on PostgreSQL a second inserter waits for the first's
 * commit and then finds the row) and a job that fails leaves no row and is tried again.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp, shanghaiDate } from '../shared/clock.ts';
import { calendarFor } from '../applications/case-projection.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createStaffNotificationsRepository } from './staff-notifications.repository.ts';
import { createOutboxRepository } from './outbox.repository.ts';
import { waitingWork, digestText, type WaitingWork } from './digest.usecases.ts';

export type DailyJob = 'due_reminders' | 'daily_digest';

/** Runs the day's jobs that no process has run yet; returns those this process ran. */
export async function runDailyJobs(deps: AppDeps): Promise<DailyJob[]> {
  const now = deps.clock.now();
  const hour = new Date(now.getTime() + 8 * 3600_000).getUTCHours();
  if (hour < deps.config.notifications.digestHour) return [];
  const ran: DailyJob[] = [];
  for (const job of ['due_reminders', 'daily_digest'] as const) {
    if (await runOnce(deps, job)) ran.push(job);
  }
  return ran;
}

async function runOnce(deps: AppDeps, job: DailyJob): Promise<boolean> {
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const at = isoTimestamp(now);
  const done = await deps.db.selectFrom('job_runs').select('job').where('job', '=', job).where('run_date', '=', today).executeTakeFirst();
  if (done) return false;
  return deps.db.transaction().execute(async (trx) => {
    const res = await trx
      .insertInto('job_runs')
      .values({ job, run_date: today, started_at: at, detail: '{}' })
      .onConflict((oc) => oc.columns(['job', 'run_date']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
    const count = job === 'due_reminders' ? await dueReminders(trx, today, at) : await dailyDigest(trx, deps, today, at);
    await trx.updateTable('job_runs').set({ detail: JSON.stringify({ count }) }).where('job', '=', job).where('run_date', '=', today).execute();
    return true;
  });
}

/** In-app reminders to each handler of a case due within 3 working days or overdue. */
async function dueReminders(trx: Kysely<Database>, today: string, at: string): Promise<number> {
  const orgs = await createOrganizationsRepository({ db: trx }).list();
  const calendar = (await calendarFor(trx)).reader();
  const repo = createStaffNotificationsRepository({ db: trx });
  const handlers = await repo.usersWithRoles(['case_handler']);
  const work = await waitingWork(trx, handlers, orgs, calendar, today, { only: ['dueSoon', 'overdue'] });
  let count = 0;
  for (const [userId, w] of work) {
    for (const c of w.overdue) count += await repo.add([userId], { kind: 'case_overdue', title: `案件已超期：${c.trackingNumber}（应于 ${c.dueDate} 前答复）`, link: `/applications?case=${c.id}`, dedupeKey: `due:${c.id}:${today}` }, at);
    for (const c of w.dueSoon) count += await repo.add([userId], { kind: 'case_due', title: `案件即将到期：${c.trackingNumber}（${c.dueDate} 前答复，还剩 ${c.workingDaysLeft} 个工作日）`, link: `/applications?case=${c.id}`, dedupeKey: `due:${c.id}:${today}` }, at);
  }
  return count;
}

/** One e-mail per staff member who opted in and has something waiting. */
async function dailyDigest(trx: Kysely<Database>, deps: AppDeps, today: string, at: string): Promise<number> {
  const orgs = await createOrganizationsRepository({ db: trx }).list();
  const calendar = (await calendarFor(trx)).reader();
  const settings = await trx
    .selectFrom('notification_settings')
    .innerJoin('users', 'users.id', 'notification_settings.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.organization_id', 'users.roles', 'notification_settings.email'])
    .where('notification_settings.daily_digest', '=', 1)
    .where('users.disabled', '=', 0)
    .execute();
  const staff = (await createStaffNotificationsRepository({ db: trx }).usersWithRoles(['reviewer', 'leader', 'case_handler', 'admin', 'publisher'])).filter((u) => settings.some((s) => s.id === u.id));
  const work = await waitingWork(trx, staff, orgs, calendar, today);
  const messages = [];
  for (const s of settings) {
    const w: WaitingWork | undefined = work.get(s.id);
    if (!w) continue;
    const text = digestText(s.display_name, w, today, deps.config.siteUrl);
    if (!text) continue;
    messages.push({ applicationId: null, userId: s.id, kind: 'digest', channel: 'email' as const, recipient: s.email, subject: `每日待办摘要（${today}）`, body: text });
  }
  await createOutboxRepository({ db: trx }).enqueue(messages, at);
  return messages.length;
}
