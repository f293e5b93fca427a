/**
 * Drafting items: create and edit a draft of one's own unit. Every save is a version and an
 * audit row, in one transaction; rich text is sanitized before it is stored. An edit changes
 * the draft only while it is still the draft (status and version) the editor read.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { Actor } from '../auth/access.rules.ts';
import { AppError } from '../shared/app-error.ts';
import { isValidIsoDate } from '../calendar/calendar-dates.ts';
import { shanghaiDate } from '../shared/clock.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { isItemKind, formatIndexNo, htmlToText, VALIDITY, type ItemKind, type Validity } from './items.rules.ts';
import { assertMay, assertSeenVersion, itemChanged } from './workflow.rules.ts';
import { uniqueOr } from '../db/db-errors.ts';
import { createItemsRepository, snapshotOf } from './items.repository.ts';
import { lastSerial, lockIndexSerials, organizationIndexCode } from './index-numbers.ts';
import { sanitizeBody } from './sanitize.ts';
import type { ItemRow } from './publishing.table.ts';
import { inTransaction } from '../db/transaction.ts';
import { linkScope, POLICY_KINDS } from './linked-items.usecases.ts';

export interface ItemDraftInput {
  columnId: number;
  kind: ItemKind;
  title: string;
  bodyHtml?: string;
  topic?: string;
  publisherName?: string;
  docNumber?: string;
  writtenDate?: string | null;
  validity?: Validity;
  summary?: string;
  interpretsItemId?: number | null;
}

function checkDraft(d: Partial<ItemDraftInput>): void {
  if (d.kind !== undefined && !isItemKind(d.kind)) throw new AppError('publishing.invalid_kind', '信息类别无效', 400);
  if (d.title !== undefined && !d.title.trim()) throw new AppError('publishing.title_required', '标题不能为空', 400);
  if (d.writtenDate && !isValidIsoDate(d.writtenDate)) throw new AppError('publishing.invalid_date', '成文日期格式应为 YYYY-MM-DD', 400);
  if (d.validity && !(d.validity in VALIDITY)) throw new AppError('publishing.invalid_validity', '有效性取值无效', 400);
}

/** The interpreted item: a policy document of the same body that the editor may read, not withdrawn. */
async function checkInterpretedItem(db: Kysely<Database>, kind: string | undefined, id: number | null | undefined, scope: number[]): Promise<void> {
  if (!id) return;
  if (kind !== 'interpretation') throw new AppError('publishing.not_interpretation', '只有政策解读可以关联被解读的文件', 400);
  const target = await db.selectFrom('publishing_items').select(['kind', 'organization_id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!target || !scope.includes(target.organization_id) || target.status === 'withdrawn' || !(POLICY_KINDS as readonly string[]).includes(target.kind)) {
    throw new AppError('publishing.invalid_interpreted_item', '关联的被解读文件不存在或不是政策文件', 400);
  }
}

export async function createDraft({ actor, data, ip, deps }: { actor: Actor; data: ItemDraftInput; ip?: string; deps: AppDeps }): Promise<ItemRow> {
  checkDraft(data);
  const column = await deps.db.selectFrom('publishing_columns').selectAll().where('id', '=', data.columnId).executeTakeFirst();
  if (!column) throw new AppError('publishing.column_not_found', '栏目不存在', 404);
  const orgs = await createOrganizationsRepository(deps).list();
  assertMay(actor, 'edit', 'draft', column.organization_id, orgs);
  await checkInterpretedItem(deps.db, data.kind, data.interpretsItemId, linkScope(actor, orgs, column.organization_id));
  const now = deps.clock.now();
  const org = orgs.find((o) => o.id === column.organization_id)!;
  const bodyHtml = sanitizeBody(data.bodyHtml ?? '');
  return inTransaction(deps.db, async (trx) => {
    const year = Number(shanghaiDate(now).slice(0, 4));
    await lockIndexSerials(trx, [column.organization_id]);
    const serial = (await lastSerial(trx, column.organization_id, year)) + 1;
    const item = await trx
      .insertInto('publishing_items')
      .values({
        organization_id: column.organization_id,
        column_id: column.id,
        kind: data.kind,
        title: data.title.trim(),
        index_no: formatIndexNo(await organizationIndexCode(trx, column.organization_id), year, serial),
        index_year: year,
        index_serial: serial,
        topic: data.topic ?? '',
        publisher_name: data.publisherName?.trim() || org.name,
        doc_number: data.docNumber?.trim() ?? '',
        written_date: data.writtenDate ?? null,
        status: 'draft',
        validity: data.validity ?? '',
        body_html: bodyHtml,
        body_text: htmlToText(bodyHtml),
        summary: data.summary ?? '',
        interprets_item_id: data.interpretsItemId ?? null,
        late_publication: 0,
        created_by: actor.id,
        updated_by: actor.id,
        version: 1,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await createItemsRepository({ db: trx }).addVersion(item.id, 1, 'create', snapshotOf(item), actor, now.toISOString());
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'publishing.item_created', targetType: 'publishing_item', targetId: item.id, ip, detail: { title: item.title, indexNo: item.index_no } },
      now,
      trx,
    );
    return item;
  });
}

/** `version`: the version the editor saw; when given, a newer draft is refused with 409. */
export async function updateDraft({ actor, id, data, version, ip, deps }: { actor: Actor; id: number; data: Partial<ItemDraftInput>; version?: number; ip?: string; deps: AppDeps }): Promise<ItemRow> {
  checkDraft(data);
  const items = createItemsRepository(deps);
  const item = await items.byId(id);
  if (!item) throw new AppError('publishing.item_not_found', '信息不存在', 404);
  const orgs = await createOrganizationsRepository(deps).list();
  assertMay(actor, 'edit', item.status, item.organization_id, orgs);
  assertSeenVersion(item, version);
  if (data.columnId !== undefined && data.columnId !== item.column_id) {
    const c = await deps.db.selectFrom('publishing_columns').select('organization_id').where('id', '=', data.columnId).executeTakeFirst();
    if (!c || c.organization_id !== item.organization_id) throw new AppError('publishing.column_not_found', '只能选择本单位的栏目', 400);
  }
  // A link kept from before is not re-checked (its policy may since have been withdrawn); a new one is.
  if (data.interpretsItemId !== undefined && data.interpretsItemId !== item.interprets_item_id) {
    await checkInterpretedItem(deps.db, data.kind ?? item.kind, data.interpretsItemId, linkScope(actor, orgs, item.organization_id));
  } else if (data.kind !== undefined && data.kind !== 'interpretation' && item.interprets_item_id) {
    throw new AppError('publishing.not_interpretation', '只有政策解读可以关联被解读的文件：请先清除被解读文件', 400);
  }
  const now = deps.clock.now();
  const bodyHtml = data.bodyHtml === undefined ? undefined : sanitizeBody(data.bodyHtml);
  return uniqueOr(() => inTransaction(deps.db, async (trx) => {
    const repo = createItemsRepository({ db: trx });
    const updated = await repo.updateIf(id, item, {
      ...(data.columnId !== undefined && { column_id: data.columnId }),
      ...(data.kind !== undefined && { kind: data.kind }),
      ...(data.title !== undefined && { title: data.title.trim() }),
      ...(bodyHtml !== undefined && { body_html: bodyHtml, body_text: htmlToText(bodyHtml) }),
      ...(data.topic !== undefined && { topic: data.topic }),
      ...(data.publisherName !== undefined && { publisher_name: data.publisherName }),
      ...(data.docNumber !== undefined && { doc_number: data.docNumber }),
      ...(data.writtenDate !== undefined && { written_date: data.writtenDate }),
      ...(data.validity !== undefined && { validity: data.validity }),
      ...(data.summary !== undefined && { summary: data.summary }),
      ...(data.interpretsItemId !== undefined && { interprets_item_id: data.interpretsItemId }),
      updated_by: actor.id,
      updated_at: now.toISOString(),
    });
    if (!updated) throw itemChanged();
    await repo.addVersion(id, updated.version, 'edit', snapshotOf(updated), actor, now.toISOString());
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'publishing.item_edited', targetType: 'publishing_item', targetId: id, ip, detail: { version: updated.version } },
      now,
      trx,
    );
    return updated;
  }), itemChanged);
}
