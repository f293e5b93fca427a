/** Gathers what the monitoring rules need, for the dashboard and the weekly summary. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { toDayNumber, fromDayNumber } from '../calendar/calendar-dates.ts';
import { internalLinks, isBrokenLink, missingMetadata, overdueColumns, type ColumnActivity } from './monitoring.rules.ts';

/** Each visible column of these organizations with its update interval and latest publication. */
export async function columnActivity(db: Kysely<Database>, orgIds: number[]): Promise<ColumnActivity[]> {
  const cols = await db.selectFrom('publishing_columns').select(['id', 'organization_id', 'name', 'update_interval_days']).where('organization_id', 'in', orgIds).where('hidden', '=', 0).execute();
  const last = await db.selectFrom('publishing_items').select(['column_id', (eb) => eb.fn.max('publish_date').as('last')]).where('status', '=', 'published').where('organization_id', 'in', orgIds).groupBy('column_id').execute();
  const lastOf = new Map(last.map((r) => [r.column_id, r.last as string | null]));
  return cols.map((c) => ({ columnId: c.id, organizationId: c.organization_id, name: c.name, intervalDays: c.update_interval_days, lastPublishDate: lastOf.get(c.id) ?? null }));
}

export async function monitoringReport(db: Kysely<Database>, organizationIds: number[], today: string) {
  const orgIds = organizationIds.length ? organizationIds : [-1];
  const activity = await columnActivity(db, orgIds);

  const items = await db.selectFrom('publishing_items').select(['id', 'title', 'kind', 'topic', 'doc_number', 'written_date', 'validity', 'publisher_name', 'body_html', 'late_publication', 'publish_date'])
    .where('status', '=', 'published').where('organization_id', 'in', orgIds).execute();
  const published = await db.selectFrom('publishing_items').select('id').where('status', '=', 'published').execute();
  const allCols = await db.selectFrom('publishing_columns').innerJoin('organizations', 'organizations.id', 'publishing_columns.organization_id').select(['organizations.code as org', 'publishing_columns.code as col']).execute();
  const atts = await db.selectFrom('publishing_attachments').innerJoin('publishing_items', 'publishing_items.id', 'publishing_attachments.item_id').select('publishing_attachments.id').where('publishing_items.status', '=', 'published').execute();
  const targets = { publishedItemIds: new Set(published.map((r) => r.id)), columns: new Set(allCols.map((c) => `${c.org}/${c.col}`)), attachmentIds: new Set(atts.map((a) => a.id)) };

  const brokenLinks = items.flatMap((i) => internalLinks(i.body_html).filter((h) => isBrokenLink(h, targets)).map((href) => ({ itemId: i.id, title: i.title, href })));
  const incomplete = items.map((i) => ({ itemId: i.id, title: i.title, missing: missingMetadata(i) })).filter((r) => r.missing.length);
  const weekStart = fromDayNumber(toDayNumber(today) - 6);
  const thisWeek = items.filter((i) => i.publish_date && i.publish_date >= weekStart && i.publish_date <= today);
  return {
    today,
    overdueColumns: overdueColumns(activity, today),
    brokenLinks,
    incompleteItems: incomplete,
    latePublications: items.filter((i) => i.late_publication === 1).map((i) => ({ itemId: i.id, title: i.title, publishDate: i.publish_date })),
    weekly: { from: weekStart, to: today, published: thisWeek.length, late: thisWeek.filter((i) => i.late_publication === 1).length },
  };
}

/** The weekly summary as text (for e-mail or the dashboard). */
export function weeklySummaryText(r: Awaited<ReturnType<typeof monitoringReport>>): string {
  return [
    `网站监测周报（${r.weekly.from} 至 ${r.weekly.to}）`,
    `本周发布信息 ${r.weekly.published} 条，其中超过20个工作日发布 ${r.weekly.late} 条（《条例》第二十六条）。`,
    `逾期未更新栏目 ${r.overdueColumns.length} 个${r.overdueColumns.length ? '：' + r.overdueColumns.slice(0, 10).map((c) => `${c.name}（${c.daysSince === null ? '从未更新' : `${c.daysSince}天未更新`}）`).join('、') : ''}。`,
    `站内错误链接 ${r.brokenLinks.length} 个；元数据不全的信息 ${r.incompleteItems.length} 条。`,
  ].join('\n');
}
