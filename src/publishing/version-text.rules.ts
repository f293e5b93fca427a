/**
 * A version of an item as the version history shows it: one line per field, named and valued as
 * on the edit form (信息类别：政策文件, 栏目：公告公示), never by the stored field and code
 * (`kind: normative_document`); the body one line per block so a changed paragraph stands out.
 */
import { ITEM_KINDS, VALIDITY, type ItemKind } from './items.rules.ts';

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  kind: '信息类别',
  column_id: '栏目',
  topic: '主题分类',
  publisher_name: '发布机构',
  doc_number: '文号',
  written_date: '成文日期',
  validity: '有效性',
  summary: '摘要',
  interprets_item_id: '被解读文件',
  body_html: '正文',
};

export interface VersionNames {
  columns: Map<number, string>;
  /** Titles of items a 解读 may point to. */
  items: Map<number, string>;
}

function valueText(field: string, v: unknown, names: VersionNames): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'kind') return ITEM_KINDS[v as ItemKind] ?? String(v);
  if (field === 'validity') return VALIDITY[v as keyof typeof VALIDITY] ?? String(v);
  if (field === 'column_id') return names.columns.get(Number(v)) ?? '（已删除的栏目）';
  if (field === 'interprets_item_id') return names.items.get(Number(v)) ?? `信息 ${String(v)}`;
  return String(v);
}

export function versionText(snapshot: Record<string, unknown>, fields: readonly string[], names: VersionNames): string {
  return fields
    .map((f) => (f === 'body_html' ? `${FIELD_LABELS[f]}：\n${String(snapshot[f] ?? '').replace(/></g, '>\n<')}` : `${FIELD_LABELS[f] ?? f}：${valueText(f, snapshot[f], names)}`))
    .join('\n');
}
