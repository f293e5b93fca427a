import type { Kysely } from 'kysely';
import { withIdColumn } from '../schema-helpers.ts';

/**
 * Letter templates belong to a body and keep every saved version (who, when, what). The current
 * template of a body and kind is its highest version; a body without one prints the shipped
 * default. The old platform-wide overrides (`letter_templates`, editable by any case handler)
 * become version 1 of every body, so no body's letters change wording on upgrade. An issued
 * letter records the version it was rendered from (null: the shipped default, or issued before
 * this migration).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('letter_template_versions'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // The version this one restores (0: the shipped default); null for an edit.
    .addColumn('restored_from', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_id', 'integer')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    // Two editors saving at once cannot both become version n: one gets the 409.
    .addUniqueConstraint('letter_template_versions_number', ['organization_id', 'key', 'version'])
    .execute();

  const overrides = await db.selectFrom('letter_templates').selectAll().execute();
  if (overrides.length) {
    const bodies = await db.selectFrom('organizations').select('id').where('is_body', '=', 1).execute();
    for (const body of bodies) {
      await db.insertInto('letter_template_versions').values(overrides.map((o) => ({
        organization_id: body.id, key: o.key, version: 1, title: o.title, body: o.body, restored_from: null,
        created_at: o.updated_at, created_by_id: null, created_by_name: o.updated_by ?? '（升级前的平台模板）',
      }))).execute();
    }
  }
  await db.schema.dropTable('letter_templates').execute();

  await db.schema.alterTable('issued_letters')
    .addColumn('template_version_id', 'integer', (c) => c.references('letter_template_versions.id'))
    .execute();
}
