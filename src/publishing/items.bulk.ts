/**
 * Inserting many published items at once (demo seed, import, benchmarks): one transaction,
 * 索引号 allocated per organization and year, search index written in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import { isValidIsoDate } from '../calendar/calendar-dates.ts';
import { loadCalendar } from '../calendar/calendar.repository.ts';
import type { WorkingCalendar } from '../calendar/calendar.rules.ts';
import { createDefaultColumns } from './columns.repository.ts';
import { HOME_COLUMN_OF_KIND } from './columns.rules.ts';
import { lastSerial, lockIndexSerials, organizationIndexCode } from './index-numbers.ts';
import { checkTimeliness, htmlToText, isItemKind, type ItemKind, type Validity } from './items.rules.ts';
import type { NewItemRow } from './publishing.table.ts';
import { searchDoc, writeToIndex, type SearchableText, type SearchDoc } from './search.index.ts';
import { sanitizeBody } from './sanitize.ts';
import { inTransaction } from '../db/transaction.ts';

export interface PublishedItemInput {
  organizationId: number;
  kind: ItemKind;
  title: string;
  /** 发布日期 YYYY-MM-DD (Asia/Shanghai). */
  publishDate: string;
  /** Column id; default: the home column of `kind` in the organization's tree. */
  columnId?: number;
  columnCode?: string;
  bodyHtml?: string;
  topic?: string;
  publisherName?: string;
  docNumber?: string;
  writtenDate?: string | null;
  validity?: Validity;
  amendedDate?: string | null;
  abolishedDate?: string | null;
  abolishedReason?: string | null;
  interpretsItemId?: number | null;
  summary?: string;
}

const CHUNK = 100;

/** Returns the new ids in input order. Runs in `db`'s transaction if it is one, else opens one. */
export async function bulkInsertPublishedItems(
  db: Kysely<Database>,
  inputs: PublishedItemInput[],
  now: Date,
  options: { calendar?: WorkingCalendar; userId?: number | null } = {},
): Promise<number[]> {
  const run = async (trx: Kysely<Database>) => {
    await lockIndexSerials(trx, inputs.map((it) => it.organizationId));
    const calendar = options.calendar ?? (await loadCalendar(trx));
    const columns = new Map<string, number>();
    const orgInfo = new Map<number, { indexCode: string; name: string }>();
    const serials = new Map<string, number>();
    const rows: NewItemRow[] = [];
    for (const [i, it] of inputs.entries()) {
      checkPublishedItemInput(it, i);
      if (!orgInfo.has(it.organizationId)) {
        await createDefaultColumns(trx, it.organizationId, now);
        const org = await trx.selectFrom('organizations').select('name').where('id', '=', it.organizationId).executeTakeFirstOrThrow();
        orgInfo.set(it.organizationId, { indexCode: await organizationIndexCode(trx, it.organizationId), name: org.name });
      }
      let columnId = it.columnId;
      if (!columnId) {
        const code = it.columnCode ?? HOME_COLUMN_OF_KIND[it.kind];
        const key = `${it.organizationId}:${code}`;
        if (!columns.has(key)) {
          const c = await trx.selectFrom('publishing_columns').select('id').where('organization_id', '=', it.organizationId).where('code', '=', code).executeTakeFirst();
          if (!c) throw new AppError('publishing.column_not_found', `第 ${i + 1} 条：栏目“${code}”不存在`, 400);
          columns.set(key, c.id);
        }
        columnId = columns.get(key)!;
      }
      const year = Number(it.publishDate.slice(0, 4));
      const serialKey = `${it.organizationId}:${year}`;
      const serial = (serials.get(serialKey) ?? (await lastSerial(trx, it.organizationId, year))) + 1;
      serials.set(serialKey, serial);
      const org = orgInfo.get(it.organizationId)!;
      rows.push(publishedItemRow(it, { columnId, indexCode: org.indexCode, orgName: org.name, serial, calendar, now, userId: options.userId ?? null }));
    }
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const inserted = await trx.insertInto('publishing_items').values(rows.slice(i, i + CHUNK)).returning('id').execute();
      ids.push(...inserted.map((r) => r.id));
    }
    await writeToIndex(trx, rows.map((r, i) => newItemSearchDoc(ids[i], r)));
    return ids;
  };
  return db.isTransaction ? run(db) : inTransaction(db, run);
}

/** Throws the 400 a bulk insert gives for the `i`-th input's kind or dates (pure). */
export function checkPublishedItemInput(it: PublishedItemInput, i: number): void {
  if (!isItemKind(it.kind)) throw new AppError('publishing.invalid_kind', `第 ${i + 1} 条：信息类别无效`, 400);
  if (!isValidIsoDate(it.publishDate) || (it.writtenDate && !isValidIsoDate(it.writtenDate))) throw new AppError('publishing.invalid_date', `第 ${i + 1} 条：发布日期或成文日期无效`, 400);
}

/** What a bulk insert has looked up for one item: its column, organization and 索引号 serial. */
export interface ItemRowContext {
  columnId: number;
  indexCode: string;
  orgName: string;
  serial: number;
  calendar: WorkingCalendar;
  now: Date;
  userId: number | null;
}

/**
 * The published item's row as a bulk insert writes it (pure), so that a loader that writes rows
 * by other means (bench/search.load.ts, with COPY) writes the same ones.
 */
export function publishedItemRow(it: PublishedItemInput, c: ItemRowContext): NewItemRow {
  const year = Number(it.publishDate.slice(0, 4));
  const bodyHtml = sanitizeBody(it.bodyHtml ?? '');
  const timeliness = checkTimeliness(c.calendar, it.writtenDate ?? null, it.publishDate);
  return {
    organization_id: it.organizationId,
    column_id: c.columnId,
    kind: it.kind,
    title: it.title,
    index_no: `${c.indexCode}/${year}-${String(c.serial).padStart(5, '0')}`,
    index_year: year,
    index_serial: c.serial,
    topic: it.topic ?? '',
    publisher_name: it.publisherName ?? c.orgName,
    doc_number: it.docNumber ?? '',
    written_date: it.writtenDate ?? null,
    publish_date: it.publishDate,
    // 发布日期 at 09:00 Beijing time when the input gives only a date.
    published_at: `${it.publishDate}T01:00:00.000Z`,
    scheduled_at: null,
    status: 'published',
    validity: it.validity ?? '',
    amended_date: it.amendedDate ?? null,
    abolished_date: it.abolishedDate ?? null,
    abolished_reason: it.abolishedReason ?? null,
    body_html: bodyHtml,
    body_text: htmlToText(bodyHtml),
    summary: it.summary ?? '',
    interprets_item_id: it.interpretsItemId ?? null,
    late_publication: timeliness.late ? 1 : 0,
    working_days_to_publish: timeliness.workingDays,
    withdrawn_at: null,
    withdrawn_reason: null,
    review_comment: null,
    created_by: c.userId,
    updated_by: c.userId,
    approved_by: c.userId,
    version: 1,
    created_at: c.now.toISOString(),
    updated_at: c.now.toISOString(),
  };
}

/** The search document of a new item's row (it has no attachments yet). */
export function newItemSearchDoc(id: number, r: NewItemRow): SearchDoc {
  return searchDoc(newItemSearchable(id, r));
}

/** What search indexes of a new item's row. */
export function newItemSearchable(id: number, r: NewItemRow): SearchableText {
  return {
    itemId: id,
    title: r.title,
    docNumber: r.doc_number ?? '',
    bodyText: r.body_text ?? '',
    attachmentTexts: [],
    facts: { organizationId: r.organization_id, publishDate: r.publish_date ?? null, kind: r.kind, validity: r.validity ?? '' },
  };
}
