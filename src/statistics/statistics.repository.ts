/** The aggregates behind the statistics page, one SQL query each (same SQL on SQLite and PostgreSQL). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { createApplicationsRepository } from '../applications/applications.repository.ts';
import { reduceEvents } from '../applications/applications.state.rules.ts';
import { dueDateAtDecision, type DeadlineContext } from '../applications/case-projection.ts';
import type { DecidedCase, MonthChannelCount, PublishedCount } from './statistics.rules.ts';

const BATCH = 500;

const inYear = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

/** Applications received in `year`, per month and channel: cases of these bodies or handled by these units. */
export async function receivedPerMonth(db: Kysely<Database>, orgIds: number[], year: number): Promise<MonthChannelCount[]> {
  const [from, to] = inYear(year);
  const month = sql<string>`substr(received_date, 1, 7)`;
  const rows = await db.selectFrom('applications')
    .select([month.as('month'), 'channel', (eb) => eb.fn.countAll<number>().as('count')])
    .where('received_date', '>=', from).where('received_date', '<=', to)
    .where((eb) => eb.or([eb('organization_id', 'in', orgIds), eb('unit_id', 'in', orgIds)]))
    .groupBy([month, 'channel'])
    .execute();
  return rows.map((r) => ({ month: r.month, channel: r.channel, count: Number(r.count) }));
}

/**
 * Cases decided in `year` with the dates the on-time rate and the working days need. The stored
 * due date of a decided case is gone (its clock stopped), so the one it had to meet is computed
 * again from its event log, with the calendar the case page uses.
 */
export async function decidedInYear(db: Kysely<Database>, orgIds: number[], year: number, ctx: DeadlineContext): Promise<DecidedCase[]> {
  const [from, to] = inYear(year);
  const rows = await db.selectFrom('applications')
    .select(['id', 'received_date', 'decision_date', 'outcome'])
    .where('decision_date', '>=', from).where('decision_date', '<=', to)
    .where((eb) => eb.or([eb('organization_id', 'in', orgIds), eb('unit_id', 'in', orgIds)]))
    .execute();
  const repo = createApplicationsRepository({ db });
  const out: DecidedCase[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const events = await repo.eventsOfCases(batch.map((r) => r.id));
    for (const r of batch) {
      const dueDate = dueDateAtDecision(ctx, reduceEvents(events.get(r.id) ?? []));
      out.push({ receivedDate: r.received_date, decisionDate: r.decision_date!, dueDate, outcome: r.outcome });
    }
  }
  return out;
}

/** Items first published in `year`, per organization and column. */
export async function publishedPerColumn(db: Kysely<Database>, orgIds: number[], year: number): Promise<PublishedCount[]> {
  const [from, to] = inYear(year);
  const rows = await db.selectFrom('publishing_items as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .innerJoin('publishing_columns as c', 'c.id', 'i.column_id')
    .select(['i.organization_id', 'o.name as organization_name', 'i.column_id', 'c.name as column_name', (eb) => eb.fn.countAll<number>().as('count')])
    .where('i.status', '=', 'published')
    .where('i.publish_date', '>=', from).where('i.publish_date', '<=', to)
    .where('i.organization_id', 'in', orgIds)
    .groupBy(['i.organization_id', 'o.name', 'i.column_id', 'c.name'])
    .execute();
  return rows.map((r) => ({ organizationId: r.organization_id, organizationName: r.organization_name, columnId: r.column_id, columnName: r.column_name, count: Number(r.count) }));
}
