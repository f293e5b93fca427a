/**
 * Keeping the stored case summary (status, due date, … in `applications`) equal to what the event
 * log and today's working calendar give. The case page computes from the log; lists and 工作台 read
 * the stored summary: after a calendar change they would show the old due date unless the cases
 * are re-projected. `verifyCases` lists every disagreement (`gongkai cases verify`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { isoTimestamp } from '../shared/clock.ts';
import { importHolidayYears, writingCalendar, type ImportedYear } from '../calendar/calendar.repository.ts';
import type { StoredEvent } from './applications.events.ts';
import { reduceEvents } from './applications.state.rules.ts';
import { createApplicationsRepository, type CaseProjection } from './applications.repository.ts';
import type { ApplicationRow } from './applications.table.ts';
import { deadlineContext, deadlineOf, projectionOf, type DeadlineContext } from './case-projection.ts';
import { inTransaction } from '../db/transaction.ts';

type Field = keyof CaseProjection | 'event_count';

/** Chinese names of the stored fields, for the report of differences. */
export const FIELD_LABELS: Record<Field, string> = {
  status: '状态', due_date: '答复期限', unit_id: '承办单位', assignee_id: '承办人', extension_pending: '待审批延期', decision_pending: '待审批答复', decision_date: '答复日期',
  outcome: '办理结果', fee_paid_yuan: '已缴费用（元）', fee_paid_date: '缴费日期', received_date: '收到申请日期', event_count: '事件数',
};

export interface FieldDifference {
  field: Field;
  stored: string | number | null;
  fromLog: string | number | null;
}

export interface CaseDifference {
  id: number;
  trackingNumber: string;
  differences: FieldDifference[];
}

/** The summary the log gives, and where the stored row differs from it (pure). */
export function compareWithLog(row: ApplicationRow, events: StoredEvent[], ctx: DeadlineContext): { projection: CaseProjection; differences: FieldDifference[] } {
  const state = reduceEvents(events);
  const projection = projectionOf(state, deadlineOf(ctx, state), row.unit_id);
  const differences: FieldDifference[] = [];
  for (const field of Object.keys(projection) as Array<keyof CaseProjection>) {
    if (row[field] !== projection[field]) differences.push({ field, stored: row[field], fromLog: projection[field] });
  }
  if (row.event_count !== events.length) differences.push({ field: 'event_count', stored: row.event_count, fromLog: events.length });
  return { projection, differences };
}

const BATCH = 200;

/** Walks cases in id order, a batch at a time, each with its events. */
async function* casesWithEvents(db: Kysely<Database>, dueFrom?: string): AsyncGenerator<{ row: ApplicationRow; events: StoredEvent[] }> {
  const repo = createApplicationsRepository({ db });
  let afterId = 0;
  for (;;) {
    let q = db.selectFrom('applications').selectAll().where('id', '>', afterId);
    if (dueFrom) q = q.where('due_date', '>=', dueFrom);
    const rows = await q.orderBy('id').limit(BATCH).execute();
    if (!rows.length) return;
    const byCase = await repo.eventsOfCases(rows.map((r) => r.id));
    for (const row of rows) yield { row, events: byCase.get(row.id) ?? [] };
    afterId = rows[rows.length - 1]!.id;
  }
}

/** Every case whose stored summary differs from its event log (with the current calendar). */
export async function verifyCases(deps: { db: Kysely<Database>; config: { feeWaitPausesClock: boolean } }): Promise<{ checked: number; cases: CaseDifference[] }> {
  const ctx = await deadlineContext(deps);
  const cases: CaseDifference[] = [];
  let checked = 0;
  for await (const { row, events } of casesWithEvents(deps.db)) {
    checked++;
    const { differences } = compareWithLog(row, events, ctx);
    if (differences.length) cases.push({ id: row.id, trackingNumber: row.tracking_number, differences });
  }
  return { checked, cases };
}

/**
 * Rewrites the stored summary of every case (from `dueFrom` on, when given) that differs from its
 * log. Each write is conditioned on the event count it was computed from, so a case that gets a
 * new event meanwhile keeps the summary its own action wrote. Returns the cases rewritten.
 */
export async function reprojectCases(deps: { db: Kysely<Database>; config: { feeWaitPausesClock: boolean }; now: Date }, dueFrom?: string): Promise<number[]> {
  const ctx = await deadlineContext(deps);
  const repo = createApplicationsRepository({ db: deps.db });
  const changed: number[] = [];
  for await (const { row, events } of casesWithEvents(deps.db, dueFrom)) {
    const { projection, differences } = compareWithLog(row, events, ctx);
    if (!differences.length) continue;
    if (await repo.updateProjection(row.id, projection, events.length, row.event_count, isoTimestamp(deps.now))) changed.push(row.id);
  }
  return changed;
}

/**
 * Imports holiday years (calendar.repository: validated whole, else nothing written) and, in the
 * same transaction, re-projects the cases whose due date may move: a due date before the first
 * changed year was counted on days that did not change.
 */
export async function importHolidaysAndReproject(
  deps: { db: Kysely<Database>; config: { feeWaitPausesClock: boolean }; clock: { now(): Date } },
  input: unknown,
  source: string,
  /** More writes of the same change (the screen's holiday names, its audit row), in the same transaction. */
  within?: (trx: Kysely<Database>, result: { imported: ImportedYear[]; reprojected: number[] }) => Promise<void>,
): Promise<{ imported: ImportedYear[]; reprojected: number[] }> {
  // The whole transaction, commit included, counts as the write: no request caches the calendar
  // it reads meanwhile.
  return writingCalendar(() => inTransaction(deps.db, async (trx) => {
    const imported = await importHolidayYears(trx, input, source);
    const first = Math.min(...imported.map((y) => y.year));
    const reprojected = imported.length ? await reprojectCases({ db: trx, config: deps.config, now: deps.clock.now() }, `${first}-01-01`) : [];
    await within?.(trx, { imported, reprojected });
    return { imported, reprojected };
  }));
}
