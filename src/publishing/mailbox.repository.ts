/** Mailbox letters read together with their handling (who answered, the reply's publication). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

function withHandling(db: Kysely<Database>) {
  return db.selectFrom('publishing_mailbox_letters as l')
    .leftJoin('mailbox_handling as h', 'h.letter_id', 'l.id')
    .selectAll('l')
    .select([
      'h.replied_by_id', 'h.replied_by_name', 'h.publish_text', 'h.publish_requested_by_id', 'h.publish_requested_by_name',
      'h.publish_requested_at', 'h.publish_return_reason', 'h.publish_reviewed_by_id', 'h.publish_reviewed_by_name', 'h.publish_reviewed_at',
      'h.unit_id', 'h.due_date', 'h.transferred_from_unit_id', 'h.transfer_note', 'h.transferred_at', 'h.transferred_by_name',
    ])
    // A reply published without a handling row (seeded, or by a direct import) counts as published.
    .select(sql<string | null>`CASE WHEN h.publish_status IS NULL AND l.reply_item_id IS NOT NULL THEN 'published' ELSE h.publish_status END`.as('publish_status'));
}

export type MailboxLetterRow = Awaited<ReturnType<ReturnType<typeof withHandling>['executeTakeFirstOrThrow']>>;

export function createMailboxRepository({ db }: { db: Kysely<Database> }) {
  return {
    letter(id: number): Promise<MailboxLetterRow | undefined> {
      return withHandling(db).where('l.id', '=', id).executeTakeFirst();
    },

    /** Letters of the bodies `orgIds`, or handled by (or transferred from) the units `unitIds`. */
    list(orgIds: number[], unitIds: number[], limit = 200): Promise<MailboxLetterRow[]> {
      if (!orgIds.length && !unitIds.length) return Promise.resolve([]);
      return withHandling(db)
        .where((eb) => eb.or([
          ...(orgIds.length ? [eb('l.organization_id', 'in', orgIds)] : []),
          ...(unitIds.length ? [eb('h.unit_id', 'in', unitIds), eb('h.transferred_from_unit_id', 'in', unitIds)] : []),
        ]))
        .orderBy('l.id', 'desc').limit(limit).execute();
    },

    /** The letter's handling row, created empty if it has none yet (letters answered before it existed). */
    async ensureHandling(letterId: number, trx: Kysely<Database> = db): Promise<void> {
      await trx.insertInto('mailbox_handling').values({ letter_id: letterId }).onConflict((oc) => oc.column('letter_id').doNothing()).execute();
    },
  };
}
