/**
 * Tables of 依申请公开. `applications` holds one row per case: the intake data, which never
 * changes after registration, plus a projection of the event log (status, due date, decision)
 * so that work lists and the annual report are plain SQL. `application_events` is the
 * append-only log the projection is derived from (applications.events.ts).
 * Booleans are 0/1, dates YYYY-MM-DD, timestamps UTC ISO-8601, JSON as TEXT.
 */
import type { ColumnType, Generated, Selectable } from 'kysely';

export interface ApplicationsTable {
  id: Generated<number>;
  /** The body applied to (行政机关); its annual report counts the case. */
  organization_id: number;
  /** The handling unit (承办单位) inside the body, changed by assignment and transfer. */
  unit_id: number;
  tracking_number: string;
  /** sha256 of "tracking number:query code"; the code itself is shown once and never stored. */
  query_code_hash: string;
  year: number;
  seq: number;
  channel: string;
  submitted_date: string;
  /** Art. 31 receipt date; null until confirmed. */
  received_date: string | null;
  applicant_type: string;
  applicant_name: string;
  /** 身份证 / 护照 / 统一社会信用代码 …; the number is stored masked plus a hash. */
  applicant_id_kind: string;
  applicant_id_masked: string;
  applicant_id_hash: string | null;
  /** Identifies the same applicant across cases (per-item fee count): id hash, or name+phone hash. */
  applicant_key: string;
  contact_person: string;
  phone: string;
  email: string;
  address: string;
  postcode: string;
  request_description: string;
  request_document_no: string;
  purpose: string;
  /** 纸质 / 电子 …, Art. 29(三). */
  form_wanted: string;
  /** 邮寄 / 电子邮件 / 自行领取 / 网上查看 … */
  delivery_wanted: string;
  /** Number of items for the per-item fee (一事一申请). */
  item_count: number;
  status: string;
  due_date: string | null;
  assignee_id: number | null;
  extension_pending: number;
  /** 1 while a proposed decision awaits an approver (approval.rules.ts); optional on insert. */
  decision_pending: ColumnType<number, number | undefined, number>;
  decision_date: string | null;
  outcome: string | null;
  fee_paid_yuan: number;
  fee_paid_date: string | null;
  /** Hidden token of the public form: a second POST of the same form finds this case. */
  idempotency_key: string | null;
  event_count: number;
  created_at: string;
  updated_at: string;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  /** 1, 2, 3 … per case; unique with application_id, so two writers cannot both append seq n. */
  seq: number;
  type: string;
  data: string;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
}

/** The last tracking sequence number given per (body, year); see intake.usecases.ts. */
export interface ApplicationCountersTable {
  organization_id: number;
  year: number;
  last_seq: number;
}

export interface ApplicationsTables {
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_counters: ApplicationCountersTable;
  /** PostgreSQL only, empty outside an intake's transaction: its trigger numbers the case at commit (migration 0015). */
  intake_numbering: { case_id: number };
}

export type ApplicationRow = Selectable<ApplicationsTable>;
