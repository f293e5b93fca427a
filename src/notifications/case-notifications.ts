/**
 * What a case's new events tell people, written in the same transaction as the events: the
 * applicant's messages into the outbox (applicant-messages.rules.ts) and staff's in-app
 * notifications of approvals (approval-notifications.ts: a request to the approvers other than
 * who asked, the answer back to who asked). Called by intake and by every case action after
 * `appendCaseEvents`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CaseEvent, StoredEvent } from '../applications/applications.events.ts';
import type { ApplicationRow } from '../applications/applications.table.ts';
import { createOrganizationsRepository, type Organization } from '../auth/organizations.repository.ts';
import { addressNotice, applicantNotice } from './applicant-messages.rules.ts';
import { createOutboxRepository, type NewMessage } from './outbox.repository.ts';
import type { OutboxRow } from './notifications.table.ts';
import { notifiesStaff, notifyApprovalEvent } from './approval-notifications.ts';

export interface CaseNotificationInput {
  row: ApplicationRow;
  events: CaseEvent[];
  dueDate: string | null;
  at: string;
  siteUrl: string;
  /** The case's events before these (who asked for what awaits approval). */
  prior?: readonly StoredEvent[];
  /** Who recorded the events (null: the applicant or the system). */
  actorId?: number | null;
  /** The organization tree the caller has read already: not read again inside the transaction. */
  orgs?: readonly Organization[];
}

/**
 * Whether `notifyCaseEvents` writes anything for `events` (which event tells whom does not depend
 * on the case's facts): intake's events that tell nobody are written without it.
 */
export function eventsNotify(events: readonly CaseEvent[]): boolean {
  const facts = { trackingNumber: '', applicantName: '', email: '', phone: '', bodyName: '', dueDate: null, siteUrl: '' };
  return events.some((e) => applicantNotice(e, facts) !== null || notifiesStaff(e));
}

/** Returns the applicant's messages it wrote, as stored. */
export async function notifyCaseEvents(trx: Kysely<Database>, input: CaseNotificationInput): Promise<OutboxRow[]> {
  const orgs = input.orgs ?? (await createOrganizationsRepository({ db: trx }).list());
  const outbox = createOutboxRepository({ db: trx });
  const written: OutboxRow[] = [];
  for (const event of input.events) {
    written.push(...(await outbox.enqueue(applicantMessages({ ...input, events: [event], orgs }), input.at)));
    await notifyApprovalEvent(trx, { row: input.row, event, prior: input.prior ?? [], actorId: input.actorId ?? null, orgs, at: input.at });
  }
  return written;
}

/** The applicant's messages `input.events` give, in order (what `notifyCaseEvents` puts in the outbox); pure. */
export function applicantMessages(input: CaseNotificationInput & { orgs: readonly Organization[] }): NewMessage[] {
  const { row } = input;
  const bodyName = input.orgs.find((o) => o.id === row.organization_id)?.name ?? '';
  const facts = { trackingNumber: row.tracking_number, applicantName: row.contact_person || row.applicant_name, email: row.email, phone: row.phone, bodyName, dueDate: input.dueDate, siteUrl: input.siteUrl };
  return input.events.flatMap((event) => {
    const notice = applicantNotice(event, facts);
    return notice ? addressNotice(notice, row).map((m) => ({ ...m, applicationId: row.id, kind: notice.kind })) : [];
  });
}
