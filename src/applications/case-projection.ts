/**
 * Appending events to a case and refreshing its stored projection (status, due date, decision)
 * in the same transaction, so lists stay plain SQL and always agree with the event log.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import { isUniqueViolationOn } from '../db/db-errors.ts';
import { loadCalendar } from '../calendar/calendar.repository.ts';
import { shippedCalendar } from '../calendar/shipped-holidays.ts';
import type { WorkingCalendar } from '../calendar/calendar.rules.ts';
import { computeDeadline, type DeadlineResult } from './deadline.rules.ts';
import type { CaseEvent, StoredEvent } from './applications.events.ts';
import { applyEvent, checkEvent, deadlineTimelineOf, reduceEvents, type CaseState } from './applications.state.rules.ts';
import { createApplicationsRepository, type CaseProjection } from './applications.repository.ts';
import type { ApplicationRow } from './applications.table.ts';
import { dialectOf } from '../db/dialect.ts';
import { followsCommit } from '../db/transaction.ts';
import { auditRowsWaiting, sealAfterCommit, sealSoon } from '../auth/audit.repository.ts';
import type { NewMessage } from '../notifications/outbox.repository.ts';
import type { OutboxRow } from '../notifications/notifications.table.ts';
import type { AuditContent } from '../auth/audit.chain.ts';

/** The calendar stored in the database (administrators extend it), else the shipped one. */
export async function calendarFor(db: Kysely<Database>): Promise<WorkingCalendar> {
  const stored = await loadCalendar(db);
  return hasAnyYear(stored) ? stored : shippedCalendar();
}

function hasAnyYear(cal: WorkingCalendar): boolean {
  // A calendar with data knows whether 2024-10-01 is a holiday; an empty one thinks it a workday.
  return cal.reader().dayKind('2024-10-01') === 'holiday';
}

/**
 * What every due date of a case is computed with: the working calendar and the installation's
 * setting whether waiting for a fee payment pauses the answer clock (DESIGN: default paused).
 */
export interface DeadlineContext {
  calendar: WorkingCalendar;
  feeWaitPausesClock: boolean;
}

export async function deadlineContext(deps: { db: Kysely<Database>; config: { feeWaitPausesClock: boolean } }): Promise<DeadlineContext> {
  return { calendar: await calendarFor(deps.db), feeWaitPausesClock: deps.config.feeWaitPausesClock };
}

export function deadlineOf(ctx: DeadlineContext, state: CaseState): DeadlineResult | null {
  const timeline = deadlineTimelineOf(state);
  return timeline ? computeDeadline(ctx.calendar, timeline, { feeWaitPausesClock: ctx.feeWaitPausesClock }) : null;
}

/** The due date a decided case had to meet: its deadline with the clock as it stood at the decision. */
export function dueDateAtDecision(ctx: DeadlineContext, state: CaseState): string | null {
  return state.decision ? (deadlineOf(ctx, { ...state, decision: null })?.dueDate ?? null) : null;
}

export function projectionOf(state: CaseState, deadline: DeadlineResult | null, unitFallback: number): CaseProjection {
  return {
    status: state.status,
    due_date: deadline?.dueDate ?? null,
    unit_id: state.unitId ?? unitFallback,
    assignee_id: state.assigneeId,
    extension_pending: state.extension?.status === 'pending' ? 1 : 0,
    decision_pending: state.decisionRequest ? 1 : 0,
    decision_date: state.decision?.date ?? null,
    outcome: state.decision?.outcome ?? null,
    fee_paid_yuan: state.fee?.paid ? state.fee.amountYuan : 0,
    fee_paid_date: state.fee?.paid ?? null,
    received_date: state.receivedDate,
  };
}

export const concurrentChange = () => new AppError('applications.concurrent_change', '案件刚被他人修改，请刷新后重试', 409);

/**
 * Two writers that read the same events both append the next sequence number; on PostgreSQL
 * the second waits for the first and then meets the unique (case, seq) key. That loser gets the
 * same 409 as a failed event-count check, never a 500.
 */
export function asCaseConflict(e: unknown): unknown {
  return isUniqueViolationOn(e, 'application_events') ? concurrentChange() : e;
}

/** Whether `appendCaseEvents` writes the audit rows it is given in `trx` (else the caller appends them). */
export function foldsAudit(trx: Kysely<Database>): boolean {
  return dialectOf(trx) === 'postgres' && followsCommit(trx) && !auditRowsWaiting(trx);
}

export interface AppendResult {
  state: CaseState;
  events: StoredEvent[];
  deadline: DeadlineResult | null;
}

/**
 * Checks each new event against the state so far, appends them and refreshes the projection.
 * Optimistic: if another writer appended meanwhile, the event_count check fails → 409.
 * `audit`: pending audit rows written by the same statement, on PostgreSQL in a transaction of
 * `inTransaction` only (`foldsAudit`); elsewhere the caller appends them itself.
 */
export async function appendCaseEvents(
  trx: Kysely<Database>,
  row: ApplicationRow,
  prior: StoredEvent[],
  events: CaseEvent[],
  actor: { id: number | null; name: string | null },
  at: string,
  ctx: DeadlineContext,
  audit?: readonly AuditContent[],
): Promise<AppendResult & { row: ApplicationRow }> {
  const { state, deadline, projection } = advance(row, prior, events, ctx);
  const repo = createApplicationsRepository({ db: trx });
  let updated: ApplicationRow | undefined;
  if (audit && foldsAudit(trx)) {
    // One statement: the events, the audit rows and the projection (chained after the commit).
    updated = (await repo.appendAndProject(row.id, events, actor, projection, prior.length, at, audit))?.row;
    sealAfterCommit(trx);
  } else {
    await repo.appendEvents(row.id, prior.length, events, actor, at);
    // The row as stored by the same statement: no re-read after an action.
    updated = await repo.updateProjection(row.id, projection, prior.length + events.length, prior.length, at);
  }
  if (!updated) throw concurrentChange();
  return { state, events: [...prior, ...stored(prior, events, actor, at)], deadline, row: updated };
}

/**
 * PostgreSQL, outside any transaction: `appendCaseEvents` with its audit rows and the messages
 * `tell` gives for the new due date, in one autocommit statement (a case action that writes
 * nothing else). Returns the messages as stored.
 */
export async function appendCaseEventsAlone(
  db: Kysely<Database>,
  row: ApplicationRow,
  prior: StoredEvent[],
  events: CaseEvent[],
  actor: { id: number | null; name: string | null },
  at: string,
  ctx: DeadlineContext,
  audit: readonly AuditContent[],
  tell: (deadline: DeadlineResult | null) => NewMessage[],
): Promise<AppendResult & { row: ApplicationRow; messages: OutboxRow[] }> {
  const { state, deadline, projection } = advance(row, prior, events, ctx);
  const written = await createApplicationsRepository({ db }).appendAndProject(row.id, events, actor, projection, prior.length, at, audit, tell(deadline));
  if (!written) throw concurrentChange();
  sealSoon(db);
  return { state, events: [...prior, ...stored(prior, events, actor, at)], deadline, ...written };
}

/** The state after `events` (each checked against the state before it), its deadline and the row's projection. */
function advance(row: ApplicationRow, prior: StoredEvent[], events: CaseEvent[], ctx: DeadlineContext) {
  let state = reduceEvents(prior);
  for (const e of events) {
    checkEvent(state, e);
    state = applyEvent(state, e);
  }
  const deadline = deadlineOf(ctx, state);
  return { state, deadline, projection: projectionOf(state, deadline, row.unit_id) };
}

function stored(prior: StoredEvent[], events: CaseEvent[], actor: { id: number | null; name: string | null }, at: string): StoredEvent[] {
  return events.map((e, i) => ({ ...e, seq: prior.length + i + 1, at, actorId: actor.id, actorName: actor.name }) as StoredEvent);
}

/**
 * The first events of a new case (intake), checked as `appendCaseEvents` checks them, and the
 * projection its row is inserted with: the row goes in already projected and its events after
 * it, so intake needs neither a re-read of the row nor an UPDATE of it (two round trips fewer
 * in the transaction every submission runs).
 */
export function projectNewCase(
  events: CaseEvent[],
  actor: { id: number | null; name: string | null },
  at: string,
  ctx: DeadlineContext,
  unitFallback: number,
): AppendResult & { projection: CaseProjection } {
  let state = reduceEvents([]);
  for (const e of events) {
    checkEvent(state, e);
    state = applyEvent(state, e);
  }
  const deadline = deadlineOf(ctx, state);
  const stored = events.map((e, i) => ({ ...e, seq: i + 1, at, actorId: actor.id, actorName: actor.name }) as StoredEvent);
  return { state, events: stored, deadline, projection: projectionOf(state, deadline, unitFallback) };
}
