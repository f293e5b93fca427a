/**
 * One version row per (item, version): two racing approvals once both wrote "version 3" of an
 * item. Duplicates left by such races are removed first, keeping the earliest row of each pair
 * (the audit log, which is append-only and hash-chained, still records both requests).
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    delete from publishing_item_versions
    where exists (
      select 1 from publishing_item_versions earlier
      where earlier.item_id = publishing_item_versions.item_id
        and earlier.version = publishing_item_versions.version
        and earlier.id < publishing_item_versions.id
    )`.execute(db);
  await db.schema.dropIndex('publishing_item_versions_item').execute();
  await db.schema.createIndex('publishing_item_versions_item_version').unique().on('publishing_item_versions').columns(['item_id', 'version']).execute();
}
