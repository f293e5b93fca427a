import type { Kysely } from 'kysely';
import { withIdColumn } from '../schema-helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await withIdColumn(db, db.schema.createTable('applications'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
    .addColumn('query_code_hash', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('submitted_date', 'text', (c) => c.notNull())
    .addColumn('received_date', 'text')
    .addColumn('applicant_type', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('applicant_id_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_id_masked', 'text', (c) => c.notNull())
    .addColumn('applicant_id_hash', 'text')
    .addColumn('applicant_key', 'text', (c) => c.notNull())
    .addColumn('contact_person', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('request_description', 'text', (c) => c.notNull())
    .addColumn('request_document_no', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('form_wanted', 'text', (c) => c.notNull())
    .addColumn('delivery_wanted', 'text', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
    .addColumn('extension_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decision_date', 'text')
    .addColumn('outcome', 'text')
    .addColumn('fee_paid_yuan', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('fee_paid_date', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('applications_org_year_seq', ['organization_id', 'year', 'seq'])
    .execute();
  // Work lists: open cases by due date; the annual report: by body and dates.
  await db.schema.createIndex('applications_status_due').on('applications').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('applications_unit_due').on('applications').columns(['unit_id', 'due_date']).execute();
  await db.schema.createIndex('applications_org_received').on('applications').columns(['organization_id', 'received_date']).execute();
  await db.schema.createIndex('applications_applicant').on('applications').columns(['applicant_key', 'received_date']).execute();

  await withIdColumn(db, db.schema.createTable('application_events'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'text')
    .addUniqueConstraint('application_events_case_seq', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('letter_templates')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await withIdColumn(db, db.schema.createTable('oversight_cases'))
    .addColumn('organization_id', 'integer', (c) => c.notNull().references('organizations.id'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filed_date', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('decided_date', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('oversight_org_filed').on('oversight_cases').columns(['organization_id', 'filed_date']).execute();
}
