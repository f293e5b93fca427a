/** JSON shapes of the publishing API (camelCase; what the admin app reads). */
import type { AttachmentRow, ColumnRow, ItemRow } from './publishing.table.ts';

export function presentColumn(c: ColumnRow) {
  return {
    id: c.id,
    organizationId: c.organization_id,
    parentId: c.parent_id,
    code: c.code,
    name: c.name,
    kind: c.kind,
    art20Item: c.art20_item,
    defaultItemKind: c.default_item_kind,
    sortOrder: c.sort_order,
    updateIntervalDays: c.update_interval_days,
    description: c.description,
    hidden: c.hidden === 1,
  };
}

export function presentItem(i: ItemRow) {
  return {
    id: i.id,
    organizationId: i.organization_id,
    columnId: i.column_id,
    kind: i.kind,
    title: i.title,
    indexNo: i.index_no,
    topic: i.topic,
    publisherName: i.publisher_name,
    docNumber: i.doc_number,
    writtenDate: i.written_date,
    publishDate: i.publish_date,
    publishedAt: i.published_at,
    scheduledAt: i.scheduled_at,
    status: i.status,
    validity: i.validity,
    amendedDate: i.amended_date,
    abolishedDate: i.abolished_date,
    abolishedReason: i.abolished_reason,
    bodyHtml: i.body_html,
    summary: i.summary,
    interpretsItemId: i.interprets_item_id,
    latePublication: i.late_publication === 1,
    workingDaysToPublish: i.working_days_to_publish,
    withdrawnAt: i.withdrawn_at,
    withdrawnReason: i.withdrawn_reason,
    reviewComment: i.review_comment,
    version: i.version,
    createdAt: i.created_at,
    updatedAt: i.updated_at,
  };
}

export function presentAttachment(a: AttachmentRow) {
  return { id: a.id, itemId: a.item_id, fileName: a.file_name, mime: a.mime, size: a.size, downloadCount: a.download_count, createdAt: a.created_at };
}

const nullableString = { type: ['string', 'null'] } as const;
export const columnSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, organizationId: { type: 'integer' }, parentId: { type: ['integer', 'null'] }, code: { type: 'string' },
    name: { type: 'string' }, kind: { type: 'string' }, art20Item: { type: ['integer', 'null'] }, defaultItemKind: nullableString,
    sortOrder: { type: 'integer' }, updateIntervalDays: { type: ['integer', 'null'] }, description: { type: 'string' }, hidden: { type: 'boolean' },
  },
} as const;

export const itemSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, organizationId: { type: 'integer' }, columnId: { type: 'integer' }, kind: { type: 'string' },
    title: { type: 'string' }, indexNo: { type: 'string' }, topic: { type: 'string' }, publisherName: { type: 'string' },
    docNumber: { type: 'string' }, writtenDate: nullableString, publishDate: nullableString, publishedAt: nullableString,
    scheduledAt: nullableString, status: { type: 'string' }, validity: { type: 'string' }, amendedDate: nullableString,
    abolishedDate: nullableString, abolishedReason: nullableString, bodyHtml: { type: 'string' }, summary: { type: 'string' },
    interpretsItemId: { type: ['integer', 'null'] }, latePublication: { type: 'boolean' }, workingDaysToPublish: { type: ['integer', 'null'] },
    withdrawnAt: nullableString, withdrawnReason: nullableString, reviewComment: nullableString, version: { type: 'integer' },
    createdAt: { type: 'string' }, updatedAt: { type: 'string' },
  },
} as const;

export const attachmentSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' }, itemId: { type: 'integer' }, fileName: { type: 'string' }, mime: { type: 'string' },
    size: { type: 'integer' }, downloadCount: { type: 'integer' }, createdAt: { type: 'string' },
  },
} as const;
