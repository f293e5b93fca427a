/**
 * Tables of notifications (migration 0135). `outbox_messages` holds every message the system
 * sends or would send (e-mail, SMS), written in the transaction of the case event that causes it
 * and delivered by the sender loop; it is also the log shown on the case page.
 */
import type { Generated, Selectable } from 'kysely';

export interface OutboxMessagesTable {
  id: Generated<number>;
  application_id: number | null;
  /** Staff recipient (daily digest), else null. */
  user_id: number | null;
  /** receipt | correction | extension | decision | digest | … (applicant-messages.rules.ts). */
  kind: string;
  /** email | sms | none (no address to send to: logged only). */
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  /** pending | sending | sent | failed (retried while next_attempt_at is set) | unconfigured | no_contact. */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  claim_token: string | null;
  /** A claim older than this was left by a process that died: the message may be claimed again. */
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface StaffNotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  /** Hash path in the admin app, e.g. `/applications/12`. */
  link: string;
  dedupe_key: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationSettingsTable {
  user_id: number;
  email: string;
  daily_digest: number;
  updated_at: string;
}

export interface JobRunsTable {
  job: string;
  run_date: string;
  started_at: string;
  detail: string;
}

export interface NotificationsTables {
  outbox_messages: OutboxMessagesTable;
  staff_notifications: StaffNotificationsTable;
  notification_settings: NotificationSettingsTable;
  job_runs: JobRunsTable;
}

export type OutboxRow = Selectable<OutboxMessagesTable>;
export type StaffNotificationRow = Selectable<StaffNotificationsTable>;
