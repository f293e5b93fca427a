/**
 * Storage of issued letters, their numbering counters and each body's letter settings.
 * `takeNumber` is one UPDATE … RETURNING on the counter row: on PostgreSQL the row lock makes a
 * second concurrent issue wait and then read the incremented value, so numbers never repeat.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { IssuedLetterRow } from './letters.table.ts';
import { inTransaction } from '../db/transaction.ts';

export type NewIssuedLetter = Omit<IssuedLetterRow, 'id'>;
/** An issued letter without its bytes; `template_version` is the number of the template version it was rendered from. */
export type IssuedLetterMeta = Omit<IssuedLetterRow, 'docx' | 'pdf' | 'content'> & { template_version: number | null };

const META_COLUMNS = [
  'id', 'application_id', 'organization_id', 'kind', 'year', 'number', 'doc_number', 'title', 'issue_date',
  'replaces_id', 'docx_sha256', 'pdf_sha256', 'issued_by_id', 'issued_by_name', 'issued_at', 'template_version_id',
] as const;

export function createLettersRepository({ db }: { db: Kysely<Database> }) {
  const metaQuery = () => db.selectFrom('issued_letters').select(META_COLUMNS).select((eb) => eb
    .selectFrom('letter_template_versions').select('letter_template_versions.version')
    .whereRef('letter_template_versions.id', '=', 'issued_letters.template_version_id')
    .as('template_version'));
  return {
    async takeNumber(organizationId: number, kind: string, year: number): Promise<number> {
      return inTransaction(db, async (trx) => {
        await trx
          .insertInto('letter_counters')
          .values({ organization_id: organizationId, kind, year, last_no: 0 })
          .onConflict((oc) => oc.columns(['organization_id', 'kind', 'year']).doNothing())
          .execute();
        const r = await trx
          .updateTable('letter_counters')
          .set((eb) => ({ last_no: eb('last_no', '+', 1) }))
          .where('organization_id', '=', organizationId)
          .where('kind', '=', kind)
          .where('year', '=', year)
          .returning('last_no')
          .executeTakeFirstOrThrow();
        return Number(r.last_no);
      });
    },

    async insert(row: NewIssuedLetter, trx: Kysely<Database> = db): Promise<number> {
      const r = await trx.insertInto('issued_letters').values(row).returning('id').executeTakeFirstOrThrow();
      return Number(r.id);
    },

    async listForCase(caseId: number): Promise<IssuedLetterMeta[]> {
      return metaQuery().where('application_id', '=', caseId).orderBy('id').execute();
    },

    meta(id: number): Promise<IssuedLetterMeta | undefined> {
      return metaQuery().where('id', '=', id).executeTakeFirst();
    },

    async replacement(id: number): Promise<{ id: number; doc_number: string } | undefined> {
      return db.selectFrom('issued_letters').select(['id', 'doc_number']).where('replaces_id', '=', id).executeTakeFirst();
    },

    async file(id: number, format: 'docx' | 'pdf'): Promise<{ bytes: Buffer; sha256: string } | undefined> {
      const q = db.selectFrom('issued_letters').where('id', '=', id);
      const r = format === 'docx'
        ? await q.select(['docx as bytes', 'docx_sha256 as sha256']).executeTakeFirst()
        : await q.select(['pdf as bytes', 'pdf_sha256 as sha256']).executeTakeFirst();
      return r ? { bytes: Buffer.from(r.bytes), sha256: r.sha256 } : undefined;
    },

    settings(organizationId: number) {
      return db.selectFrom('letter_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
    },

    async saveSettings(row: Database['letter_settings'], trx: Kysely<Database> = db) {
      await trx
        .insertInto('letter_settings')
        .values(row)
        .onConflict((oc) => oc.column('organization_id').doUpdateSet({
          patterns: row.patterns,
          contact_block: row.contact_block,
          seal_image: row.seal_image,
          seal_mime: row.seal_mime,
          updated_at: row.updated_at,
          updated_by: row.updated_by,
        }))
        .execute();
    },
  };
}
