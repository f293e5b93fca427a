/**
 * The handling of a mailbox letter beside the letter itself (publishing_mailbox_letters): who
 * answered, and the publication of the reply on the portal with its review. One row per letter
 * once it is answered; kept in its own table because the letters table belongs to a later
 * migration range.
 */
export interface MailboxHandlingTable {
  letter_id: number;
  replied_by_id: number | null;
  replied_by_name: string | null;
  /** Publication of the reply on the portal: null (not asked) | pending | returned | published. */
  publish_status: string | null;
  /** The text to publish (the reply, or the version revised after a return). */
  publish_text: string | null;
  publish_requested_by_id: number | null;
  publish_requested_by_name: string | null;
  publish_requested_at: string | null;
  publish_return_reason: string | null;
  publish_reviewed_by_id: number | null;
  publish_reviewed_by_name: string | null;
  publish_reviewed_at: string | null;
  /** The unit handling the letter; null: the body's default (a government's office, else the body). */
  unit_id: number | null;
  /** Answer by (Shanghai date); null: the default time limit from the letter's arrival. */
  due_date: string | null;
  /** The unit that transferred the letter (转办) to `unit_id`; it keeps seeing the letter. */
  transferred_from_unit_id: number | null;
  transfer_note: string | null;
  transferred_at: string | null;
  transferred_by_name: string | null;
}

export interface MailboxTables {
  mailbox_handling: MailboxHandlingTable;
}
