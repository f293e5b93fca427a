/** Storage of bodies' letter template versions: append-only; the highest version is current. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { LetterTemplateVersionsTable } from './letters.table.ts';

export type TemplateVersionRow = Selectable<LetterTemplateVersionsTable>;

export function createLetterTemplatesRepository({ db }: { db: Kysely<Database> }) {
  const ofBody = (organizationId: number) => db.selectFrom('letter_template_versions').selectAll().where('organization_id', '=', organizationId);
  return {
    current(organizationId: number, key: string): Promise<TemplateVersionRow | undefined> {
      return ofBody(organizationId).where('key', '=', key).orderBy('version', 'desc').limit(1).executeTakeFirst();
    },

    /** The current version of each kind the body has saved. */
    async currentAll(organizationId: number): Promise<Map<string, TemplateVersionRow>> {
      const rows = await ofBody(organizationId).orderBy('key').orderBy('version', 'desc').execute();
      const out = new Map<string, TemplateVersionRow>();
      for (const r of rows) if (!out.has(r.key)) out.set(r.key, r);
      return out;
    },

    list(organizationId: number, key: string): Promise<TemplateVersionRow[]> {
      return ofBody(organizationId).where('key', '=', key).orderBy('version', 'desc').execute();
    },

    version(organizationId: number, key: string, version: number): Promise<TemplateVersionRow | undefined> {
      return ofBody(organizationId).where('key', '=', key).where('version', '=', version).executeTakeFirst();
    },

    /** Inserts the next version; a racing save of the same number fails on the unique key. */
    async insert(row: Insertable<LetterTemplateVersionsTable>, trx: Kysely<Database> = db): Promise<number> {
      const r = await trx.insertInto('letter_template_versions').values(row).returning('id').executeTakeFirstOrThrow();
      return Number(r.id);
    },
  };
}
