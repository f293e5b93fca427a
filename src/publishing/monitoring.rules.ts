/**
 * Site monitoring (pure): columns overdue for an update, internal links that lead nowhere, and
 * items missing catalogue metadata. The national 政府网站 inspection (国办函〔2019〕80号 考评指标)
 * treats stale columns, broken links and incomplete metadata as failures; this finds them first.
 */
import { toDayNumber } from '../calendar/calendar-dates.ts';
import { REGISTRY_KINDS, type ItemKind } from './items.rules.ts';

export interface ColumnActivity {
  columnId: number;
  organizationId: number;
  name: string;
  intervalDays: number | null;
  lastPublishDate: string | null;
}

export interface OverdueColumn extends ColumnActivity {
  daysSince: number | null;
}

/** Overdue when nothing was published within the interval (a column never updated is overdue). */
export function overdueColumns(columns: ColumnActivity[], today: string): OverdueColumn[] {
  const t = toDayNumber(today);
  return columns
    .filter((c) => c.intervalDays !== null)
    .map((c) => ({ ...c, daysSince: c.lastPublishDate ? t - toDayNumber(c.lastPublishDate) : null }))
    .filter((c) => c.daysSince === null || c.daysSince > c.intervalDays!)
    .sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity));
}

/** Internal links of an item's body: item pages, column pages and files of this site. */
export function internalLinks(bodyHtml: string): string[] {
  const out: string[] = [];
  for (const m of bodyHtml.matchAll(/href="(\/[^"#?]*)/g)) out.push(m[1]);
  return out;
}

export interface LinkTargets {
  publishedItemIds: Set<number>;
  /** `org/column` pairs that exist. */
  columns: Set<string>;
  attachmentIds: Set<number>;
}

export function isBrokenLink(href: string, t: LinkTargets): boolean {
  let m = /^\/xxgk\/xx\/(\d+)\/?$/.exec(href);
  if (m) return !t.publishedItemIds.has(Number(m[1]));
  m = /^\/xxgk\/lm\/([^/]+)\/([^/]+)\/?$/.exec(href);
  if (m) return !t.columns.has(`${m[1]}/${m[2]}`);
  m = /^\/xxgk\/fj\/(\d+)$/.exec(href);
  if (m) return !t.attachmentIds.has(Number(m[1]));
  return false;
}

export interface ItemMetadata {
  kind: string;
  topic: string;
  doc_number: string;
  written_date: string | null;
  validity: string;
  publisher_name: string;
}

/** Catalogue fields a published item should carry (Art. 12 目录 fields and 61号文 metadata). */
export function missingMetadata(i: ItemMetadata): string[] {
  const missing: string[] = [];
  if (!i.topic) missing.push('主题分类');
  if (!i.publisher_name) missing.push('发布机构');
  if (!i.written_date) missing.push('成文日期');
  const isDocument = REGISTRY_KINDS.includes(i.kind as ItemKind) || i.kind === 'policy_document';
  if (isDocument && !i.doc_number) missing.push('文号');
  if (REGISTRY_KINDS.includes(i.kind as ItemKind) && !i.validity) missing.push('有效性');
  return missing;
}
