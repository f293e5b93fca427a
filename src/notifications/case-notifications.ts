/**
 * What a case's new events tell people, written in the same transaction as the events: the
 * applicant's messages into the outbox (applicant-messages.rules.ts) and staff's in-app
 * notifications (an extension awaiting approval → the reviewers who may approve it).
 * Called by intake and by every case action after `appendCaseEvents`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CaseEvent } from '../applications/applications.events.ts';
import type { ApplicationRow } from '../applications/applications.table.ts';
import { canActOnCase } from '../applications/case-access.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { addressNotice, applicantNotice } from './applicant-messages.rules.ts';
import { createOutboxRepository } from './outbox.repository.ts';
import { createStaffNotificationsRepository } from './staff-notifications.repository.ts';

export interface CaseNotificationInput {
  row: ApplicationRow;
  events: CaseEvent[];
  dueDate: string | null;
  at: string;
  siteUrl: string;
}

export async function notifyCaseEvents(trx: Kysely<Database>, input: CaseNotificationInput): Promise<void> {
  const { row, events, at } = input;
  const orgs = await createOrganizationsRepository({ db: trx }).list();
  const bodyName = orgs.find((o) => o.id === row.organization_id)?.name ?? '';
  const facts = { trackingNumber: row.tracking_number, applicantName: row.contact_person || row.applicant_name, email: row.email, phone: row.phone, bodyName, dueDate: input.dueDate, siteUrl: input.siteUrl };
  const outbox = createOutboxRepository({ db: trx });
  const staff = createStaffNotificationsRepository({ db: trx });
  for (const event of events) {
    const notice = applicantNotice(event, facts);
    if (notice) {
      await outbox.enqueue(addressNotice(notice, row).map((m) => ({ ...m, applicationId: row.id, kind: notice.kind })), at);
    }
    if (event.type === 'extension_requested') {
      const reviewers = (await staff.usersWithRoles(['reviewer'])).filter((u) => canActOnCase(u, 'reviewer', row, orgs));
      await staff.add(
        reviewers.map((u) => u.id),
        { kind: 'extension_approval', title: `延期申请待审批：${row.tracking_number}（${event.data.days} 个工作日）`, link: `/applications?case=${row.id}`, dedupeKey: `extension:${row.id}:${at}` },
        at,
      );
    }
  }
}
