/**
 * Storage of cases and their event log. Repositories take `{ db }` (a Kysely or a transaction),
 * so the usecases, the CLI, the report and the demo seed all use the same code.
 */
import { sql, type Kysely } from 'kysely';
import { cappedCount } from '../db/capped-count.ts';
import type { Database } from '../db/database.ts';
import { dialectOf } from '../db/dialect.ts';
import { queryCodeHash, trackingNumber } from './intake.rules.ts';
import type { ApplicationRow } from './applications.table.ts';
import type { CaseEvent, StoredEvent } from './applications.events.ts';
import { AUDIT_PENDING_COLUMNS, pendingAuditValues } from '../auth/audit.repository.ts';
import type { AuditContent } from '../auth/audit.chain.ts';
import { treeVersion } from '../auth/organizations.repository.ts';
import type { OutboxRow } from '../notifications/notifications.table.ts';
import { outboxValues, type NewMessage } from '../notifications/outbox.repository.ts';
import type { ApprovalSettingsRow } from './approvals.repository.ts';
import { numberingRequest, withFirstRows } from './intake.repository.ts';

export interface CaseListFilter {
  /** Cases whose body or handling unit is one of these (what a user may see). */
  visibleOrgIds?: number[];
  organizationIds?: number[];
  unitIds?: number[];
  status?: string[];
  /** Only cases not yet decided. */
  open?: boolean;
  dueBefore?: string;
  dueOnOrAfter?: string;
  receivedFrom?: string;
  receivedTo?: string;
  applicantType?: string;
  outcome?: string;
  assigneeId?: number;
  /** Only cases where an extension or a decision awaits an approver. */
  approvalPending?: boolean;
  q?: string;
  limit?: number;
  offset?: number;
}

/** Statuses whose answer clock runs (a due date is stored). */
export const OPEN_STATUSES = ['submitted', 'in_progress', 'awaiting_correction', 'consulting', 'awaiting_fee'];

/**
 * The open filter, written exactly as the WHERE of the partial index applications_open_list_order
 * (migration 0243), which holds the open cases in list order. SQLite uses a partial index only
 * for a query whose WHERE holds the same term: literal values, not bound parameters. On SQLite
 * the term is `+status in (…)`: the unary plus keeps the planner from reading the open cases
 * through applications_status_due and sorting them (it preferred that with statistics, 50 ms
 * against 0.1 ms for a page); PostgreSQL has no unary plus for text and needs none.
 */
export function openStatusFilter(dialect: 'sqlite' | 'postgres') {
  const list = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  return sql<boolean>`${sql.raw(dialect === 'sqlite' ? '+status' : 'status')} in (${sql.raw(list)})`;
}

export type CaseProjection = Pick<
  ApplicationRow,
  'status' | 'due_date' | 'unit_id' | 'assignee_id' | 'extension_pending' | 'decision_pending' | 'decision_date' | 'outcome' | 'fee_paid_yuan' | 'fee_paid_date' | 'received_date'
>;

export function createApplicationsRepository({ db }: { db: Kysely<Database> }) {
  const filtered = (f: CaseListFilter) => {
    let q = db.selectFrom('applications');
    if (f.visibleOrgIds) {
      const ids = f.visibleOrgIds.length ? f.visibleOrgIds : [-1];
      q = q.where((eb) => eb.or([eb('organization_id', 'in', ids), eb('unit_id', 'in', ids)]));
    }
    if (f.organizationIds) q = q.where('organization_id', 'in', f.organizationIds.length ? f.organizationIds : [-1]);
    if (f.unitIds) q = q.where('unit_id', 'in', f.unitIds.length ? f.unitIds : [-1]);
    if (f.status?.length) q = q.where('status', 'in', f.status);
    if (f.open) q = q.where(openStatusFilter(dialectOf(db)));
    if (f.dueBefore) q = q.where('due_date', '<', f.dueBefore);
    if (f.dueOnOrAfter) q = q.where('due_date', '>=', f.dueOnOrAfter);
    if (f.receivedFrom) q = q.where('received_date', '>=', f.receivedFrom);
    if (f.receivedTo) q = q.where('received_date', '<=', f.receivedTo);
    if (f.applicantType) q = q.where('applicant_type', '=', f.applicantType);
    if (f.outcome) q = q.where('outcome', '=', f.outcome);
    if (f.assigneeId) q = q.where('assignee_id', '=', f.assigneeId);
    if (f.approvalPending) q = q.where((eb) => eb.or([eb('extension_pending', '=', 1), eb('decision_pending', '=', 1)]));
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or([
          eb('tracking_number', 'like', like),
          eb('applicant_name', 'like', like),
          eb('request_description', 'like', like),
        ]),
      );
    }
    return q;
  };

  return {
    async insert(row: Omit<ApplicationRow, 'id' | 'decision_pending'> & { decision_pending?: number }): Promise<number> {
      const r = await db.insertInto('applications').values(row).returning('id').executeTakeFirstOrThrow();
      return Number(r.id);
    },

    /** Gives a case its tracking number (intake numbers a case last, see submitApplication). */
    async setNumber(id: number, seq: number, trackingNumber: string, queryCodeHash: string): Promise<void> {
      await db.updateTable('applications').set({ seq, tracking_number: trackingNumber, query_code_hash: queryCodeHash }).where('id', '=', id).execute();
    },

    /** Replaces the query code (the applicant recovered a lost one); the old code stops opening the case. */
    async setQueryCodeHash(id: number, queryCodeHash: string): Promise<void> {
      await db.updateTable('applications').set({ query_code_hash: queryCodeHash }).where('id', '=', id).execute();
    },

    /**
     * The next tracking sequence number of a body and year. One statement that increments the
     * counter row (creating it at 1): the row stays locked until the caller's transaction ends,
     * so concurrent submissions queue for it instead of computing the same `max() + 1`, and a
     * rolled-back submission gives its number back.
     */
    async nextSeq(organizationId: number, year: number): Promise<number> {
      const r = await db
        .insertInto('application_counters')
        .values({ organization_id: organizationId, year, last_seq: 1 })
        .onConflict((oc) => oc.columns(['organization_id', 'year']).doUpdateSet((eb) => ({ last_seq: eb('application_counters.last_seq', '+', 1) })))
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      return Number(r.last_seq);
    },

    /**
     * SQLite: numbers a case as the last work of its intake transaction (one writer at a time):
     * takes the (body, year) counter, gives the case its tracking number and query-code hash,
     * and writes the number into the notices and pending audit rows written for the case with
     * `marker` (its provisional tracking number) in its place. PostgreSQL numbers it at commit
     * instead (migration 0015; `insertCase`).
     */
    async numberCase(n: { caseId: number; organizationId: number; year: number; queryCode: string; marker: string }): Promise<{ seq: number; tracking: string }> {
      const seq = await this.nextSeq(n.organizationId, n.year);
      const tracking = trackingNumber(n.year, n.organizationId, seq);
      await this.setNumber(n.caseId, seq, tracking, queryCodeHash(tracking, n.queryCode));
      await db
        .updateTable('outbox_messages')
        .set({ subject: sql`replace(subject, ${n.marker}, ${tracking})`, body: sql`replace(body, ${n.marker}, ${tracking})` })
        .where('application_id', '=', n.caseId)
        .execute();
      await db.updateTable('audit_pending').set({ detail: sql`replace(detail, ${n.marker}, ${tracking})` }).where(sql<boolean>`instr(detail, ${n.marker}) > 0`).execute();
      return { seq, tracking };
    },

    /**
     * Inserts a new case under its provisional number `marker` (`#tracking-<24 hex>#`), with its
     * first events. On PostgreSQL one statement also inserts the events and the audit row
     * (`audit`, its target the new case), files the case in `intake_numbering`, whose trigger
     * numbers it at commit, and leaves the numbering request (prefix, normalised query code) in a
     * transaction-local setting named after the marker (migration 0015). Given `treeVersion`
     * (the version of the organization tree the case was checked against, migration 0017), the
     * case is filed for numbering only if the tree is still at that version: otherwise it
     * returns undefined and the caller rolls back and checks again with the tree as it now is.
     */
    async insertCase(
      row: Omit<ApplicationRow, 'id'>,
      numbering: { marker: string; queryCode: string },
      first: { events: CaseEvent[]; actor: { id: number | null; name: string | null }; at: string },
      pg: { audit: AuditContent; treeVersion?: number },
    ): Promise<number | undefined> {
      if (dialectOf(db) !== 'postgres') {
        const id = await this.insert(row);
        await this.appendEvents(id, 0, first.events, first.actor, first.at);
        return id;
      }
      const { name, request } = numberingRequest(row, numbering);
      const r = await withFirstRows(db.with('c', (q) => q.insertInto('applications').values(row).returning('id')), first, pg.audit)
        .insertInto('intake_numbering')
        .columns(['case_id'])
        .expression((eb) => {
          const filed = eb.selectFrom('c').select('c.id');
          return pg.treeVersion === undefined ? filed : filed.where(sql<boolean>`${treeVersion()} = ${pg.treeVersion}`);
        })
        .returning(['case_id', sql<string>`set_config(${name}, ${request}, true)`.as('numbering')])
        .executeTakeFirst();
      return r && Number(r.case_id);
    },

    /** The number a case was given (PostgreSQL: at its commit). */
    async numberOf(id: number): Promise<{ seq: number; tracking: string }> {
      const r = await db.selectFrom('applications').select(['seq', 'tracking_number']).where('id', '=', id).executeTakeFirstOrThrow();
      return { seq: Number(r.seq), tracking: r.tracking_number };
    },

    /** Appends events after `afterSeq`; the unique (case, seq) key refuses a concurrent writer. */
    async appendEvents(caseId: number, afterSeq: number, events: CaseEvent[], actor: { id: number | null; name: string | null }, at: string) {
      if (!events.length) return;
      await db
        .insertInto('application_events')
        .values(
          events.map((e, i) => ({
            application_id: caseId,
            seq: afterSeq + i + 1,
            type: e.type,
            data: JSON.stringify(e.data),
            at,
            actor_id: actor.id,
            actor_name: actor.name,
          })),
        )
        .execute();
    },

    /**
     * What a case action checks, read in its transaction: the case, its events and its body's
     * approval settings row. On PostgreSQL in one statement, which also reads the organization
     * tree's version (the caller checks the tree it holds with it: migration 0017).
     */
    async forAction(caseId: number): Promise<{ row: ApplicationRow; events: StoredEvent[]; settings: ApprovalSettingsRow | null; treeVersion: number | null; messages?: OutboxRow[] } | undefined> {
      if (dialectOf(db) !== 'postgres') {
        const row = await this.byId(caseId);
        if (!row) return undefined;
        const settings = await db.selectFrom('case_approval_settings').selectAll().where('organization_id', '=', row.organization_id).executeTakeFirst();
        return { row, events: await this.events(caseId), settings: settings ?? null, treeVersion: null };
      }
      const r = await db
        .selectFrom('applications as a')
        .selectAll('a')
        .select([
          treeVersion().as('tree_version'),
          sql<string>`(select coalesce(json_agg(json_build_array(e.seq, e.type, e.data, e.at, e.actor_id, e.actor_name) order by e.seq), '[]')::text from application_events e where e.application_id = a.id)`.as('events_json'),
          sql<string | null>`(select row_to_json(s)::text from case_approval_settings s where s.organization_id = a.organization_id)`.as('settings_json'),
          sql<string>`(select coalesce(json_agg(row_to_json(m) order by m.id), '[]')::text from outbox_messages m where m.application_id = a.id)`.as('messages_json'),
        ])
        .where('a.id', '=', caseId)
        .executeTakeFirst();
      if (!r) return undefined;
      const { tree_version, events_json, settings_json, messages_json, ...row } = r;
      const events = (JSON.parse(events_json) as Array<[number, string, string, string, number | null, string | null]>).map(
        ([seq, type, data, at, actorId, actorName]) => ({ type, data: JSON.parse(data), seq, at, actorId, actorName }) as StoredEvent,
      );
      // The applicant's messages so far: the answer to the action lists them with its own.
      const messages = JSON.parse(messages_json) as OutboxRow[];
      return { row, events, settings: settings_json === null ? null : (JSON.parse(settings_json) as ApprovalSettingsRow), treeVersion: tree_version === null ? null : Number(tree_version), messages };
    },

    async events(caseId: number): Promise<StoredEvent[]> {
      const rows = await db.selectFrom('application_events').selectAll().where('application_id', '=', caseId).orderBy('seq').execute();
      return rows.map((r) => ({ type: r.type, data: JSON.parse(r.data), seq: r.seq, at: r.at, actorId: r.actor_id, actorName: r.actor_name }) as StoredEvent);
    },

    /** The events of several cases in one query (verification and re-projection walk all cases). */
    async eventsOfCases(caseIds: number[]): Promise<Map<number, StoredEvent[]>> {
      const out = new Map<number, StoredEvent[]>();
      if (!caseIds.length) return out;
      const rows = await db.selectFrom('application_events').selectAll().where('application_id', 'in', caseIds).orderBy('application_id').orderBy('seq').execute();
      for (const r of rows) {
        const list = out.get(r.application_id) ?? [];
        list.push({ type: r.type, data: JSON.parse(r.data), seq: r.seq, at: r.at, actorId: r.actor_id, actorName: r.actor_name } as StoredEvent);
        out.set(r.application_id, list);
      }
      return out;
    },

    /** Stores the projection if no other writer appended meanwhile; returns the row as it now is (undefined: one did). */
    async updateProjection(caseId: number, p: CaseProjection, eventCount: number, expectedCount: number, at: string): Promise<ApplicationRow | undefined> {
      return db
        .updateTable('applications')
        .set({ ...p, event_count: eventCount, updated_at: at })
        .where('id', '=', caseId)
        .where('event_count', '=', expectedCount)
        .returningAll()
        .executeTakeFirst();
    },

    /**
     * PostgreSQL: `updateProjection`, `appendEvents`, the pending audit rows `audit` and the
     * outbox messages `messages` in one statement, every insert made only if the update was:
     * sound as an autocommit statement too (a case action's writes, case-actions.usecases.ts).
     * Undefined (nothing written) when the event count was not `expectedCount`.
     */
    async appendAndProject(
      caseId: number,
      events: CaseEvent[],
      actor: { id: number | null; name: string | null },
      p: CaseProjection,
      expectedCount: number,
      at: string,
      audit: readonly AuditContent[],
      messages: readonly NewMessage[] = [],
    ): Promise<{ row: ApplicationRow; messages: OutboxRow[] } | undefined> {
      const values = sql.join(events.map((e, i) => sql`(${expectedCount + i + 1}::integer, ${e.type}::text, ${JSON.stringify(e.data)}::text)`));
      let q = db
        .with('u', (w) => w.updateTable('applications').set({ ...p, event_count: expectedCount + events.length, updated_at: at }).where('id', '=', caseId).where('event_count', '=', expectedCount).returningAll())
        .with('e', (w) =>
          w
            .insertInto('application_events')
            .columns(['application_id', 'seq', 'type', 'data', 'at', 'actor_id', 'actor_name'])
            .expression(sql`select u.id, v.seq, v.type, v.data, ${at}::text, ${actor.id}::integer, ${actor.name}::text from u cross join (values ${values}) as v(seq, type, data)`),
        );
      if (audit.length) {
        const columns = sql.raw(AUDIT_PENDING_COLUMNS.join(', '));
        q = q.with('a', (w) => w.insertInto('audit_pending').columns([...AUDIT_PENDING_COLUMNS]).expression(sql`select v.* from u cross join (values ${pendingAuditValues(audit)}) as v(${columns})`)) as unknown as typeof q;
      }
      if (messages.length) {
        const rows = sql.join(
          messages.map((m) => {
            const v = outboxValues(m, at);
            return sql`(${v.application_id}::integer, ${v.user_id}::integer, ${v.kind}::text, ${v.channel}::text, ${v.recipient}::text, ${v.subject}::text, ${v.body}::text, ${v.status}::text, ${v.next_attempt_at}::text, ${v.created_at}::text)`;
          }),
        );
        const columns = ['application_id', 'user_id', 'kind', 'channel', 'recipient', 'subject', 'body', 'status', 'next_attempt_at', 'created_at'] as const;
        q = q.with('m', (w) => w.insertInto('outbox_messages').columns([...columns]).expression(sql`select v.* from u cross join (values ${rows}) as v(${sql.raw(columns.join(', '))})`).returningAll()) as unknown as typeof q;
      }
      const written = messages.length ? sql<string>`(select coalesce(json_agg(row_to_json(m) order by m.id), '[]')::text from m)` : sql<string>`'[]'`;
      const r = await q.selectFrom('u').selectAll('u').select(written.as('messages_json')).executeTakeFirst();
      if (!r) return undefined;
      const { messages_json, ...row } = r;
      return { row, messages: JSON.parse(messages_json) as OutboxRow[] };
    },

    byId(id: number) {
      return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
    },
    byTrackingNumber(tracking: string) {
      return db.selectFrom('applications').selectAll().where('tracking_number', '=', tracking).executeTakeFirst();
    },
    byIdempotencyKey(key: string) {
      return db.selectFrom('applications').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    },

    async list(f: CaseListFilter): Promise<{ rows: ApplicationRow[]; total: number; totalCapped: boolean }> {
      const { total, totalCapped } = await cappedCount(db, filtered(f));
      // Undated (closed) cases last: the order of the applications_list_order index (0241).
      let q = filtered(f).selectAll().orderBy(sql`due_date is null`).orderBy('due_date').orderBy('id', 'desc');
      q = q.limit(f.limit ?? 50).offset(f.offset ?? 0);
      return { rows: await q.execute(), total, totalCapped };
    },

    /** Overdue: still open and the due date is before today. Plain SQL on the projection. */
    overdue(today: string, unitIds?: number[], limit = 200) {
      let q = db.selectFrom('applications').selectAll().where('status', 'in', OPEN_STATUSES).where('due_date', '<', today);
      if (unitIds) q = q.where('unit_id', 'in', unitIds.length ? unitIds : [-1]);
      return q.orderBy('due_date').limit(limit).execute();
    },

    /** Items this applicant applied for in the calendar month of `date`, before this case. */
    async priorItemsInMonth(applicantKey: string, date: string, excludeCaseId: number): Promise<number> {
      const month = date.slice(0, 7);
      const r = await db
        .selectFrom('applications')
        .select((eb) => eb.fn.sum<number>('item_count').as('n'))
        .where('applicant_key', '=', applicantKey)
        .where('received_date', '>=', `${month}-01`)
        .where('received_date', '<=', date)
        .where('id', '<', excludeCaseId)
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}

export type ApplicationsRepository = ReturnType<typeof createApplicationsRepository>;
