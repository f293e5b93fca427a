import type { Kysely } from 'kysely';

/**
 * Where a mailbox letter is handled and by when: the handling unit (null: the body's default — a
 * people's government's office, else the body itself), the due date, and a transfer (转办) to a
 * department with its own time limit, remembering the unit that transferred it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const columns: Array<[string, 'integer' | 'text']> = [
    ['unit_id', 'integer'], ['due_date', 'text'], ['transferred_from_unit_id', 'integer'],
    ['transfer_note', 'text'], ['transferred_at', 'text'], ['transferred_by_name', 'text'],
  ];
  // One column per statement: SQLite adds one column per ALTER TABLE.
  for (const [name, type] of columns) await db.schema.alterTable('mailbox_handling').addColumn(name, type).execute();
  await db.schema.createIndex('mailbox_handling_unit').on('mailbox_handling').column('unit_id').execute();
}
