/**
 * 索引号 allocation: the organization's index code (organizations.index_code, added by
 * migration 0200) and the next free serial of a year. The unique (organization, year, serial)
 * constraint makes a double allocation fail instead of repeating a number; lockIndexSerials keeps
 * concurrent writers from trying.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import { lockForTransaction } from '../db/db-errors.ts';

/** Advisory-lock namespace of an organization's 索引号 serials (db-errors.ts). */
const INDEX_SERIAL_LOCK = 740_502;

/**
 * Holds the organizations' serials until the transaction ends, so that two drafts created at
 * once take serials n and n+1 instead of both taking n (a unique violation, once a 500). Locks
 * are taken in id order so that two multi-organization imports cannot deadlock.
 */
export async function lockIndexSerials(trx: Kysely<Database>, organizationIds: number[]): Promise<void> {
  for (const id of [...new Set(organizationIds)].sort((a, b) => a - b)) await lockForTransaction(trx, INDEX_SERIAL_LOCK, id);
}

interface OrgIndexCodeDb {
  organizations: { id: number; code: string; index_code: string | null };
}

/** The 索引号 prefix; an organization without one uses its code in upper case. */
export async function organizationIndexCode(db: Kysely<Database>, organizationId: number): Promise<string> {
  const r = await (db as unknown as Kysely<OrgIndexCodeDb>)
    .selectFrom('organizations')
    .select(['code', 'index_code'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!r) throw new AppError('publishing.organization_not_found', '机构不存在', 404);
  return r.index_code || r.code.toUpperCase();
}

export async function setOrganizationIndexCode(db: Kysely<Database>, organizationId: number, indexCode: string): Promise<void> {
  await (db as unknown as Kysely<OrgIndexCodeDb>)
    .updateTable('organizations')
    .set({ index_code: indexCode })
    .where('id', '=', organizationId)
    .execute();
}

export async function lastSerial(db: Kysely<Database>, organizationId: number, year: number): Promise<number> {
  const r = await db
    .selectFrom('publishing_items')
    .select((eb) => eb.fn.max('index_serial').as('m'))
    .where('organization_id', '=', organizationId)
    .where('index_year', '=', year)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}
