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

    list(orgIds: number[], limit = 200): Promise<MailboxLetterRow[]> {
      if (!orgIds.length) return Promise.resolve([]);
      return withHandling(db).where('l.organization_id', 'in', orgIds).orderBy('l.id', 'desc').limit(limit).execute();
    },

    /** The letter's handling row, created empty if it has none yet (letters answered before it existed). */
    async ensureHandling(letterId: number, trx: Kysely<Database> = db): Promise<void> {
      await trx.insertInto('mailbox_handling').values({ letter_id: letterId }).onConflict((oc) => oc.column('letter_id').doNothing()).execute();
    },
  };
}
