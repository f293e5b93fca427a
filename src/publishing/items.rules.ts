/**
 * Item kinds, catalogue metadata and the statutory checks on an item (pure).
 */
import type { WorkingCalendar, CalendarWarning } from '../calendar/calendar.rules.ts';

/** Kinds the annual report counts (report.sources.ts) plus general information. */
export const ITEM_KINDS = {
  rule: '规章',
  normative_document: '行政规范性文件',
  policy_document: '其他政策文件',
  interpretation: '政策解读',
  announcement: '公告公示',
  key_area: '重点领域信息',
  mailbox_reply: '信箱答复',
  general: '其他信息',
} as const;
export type ItemKind = keyof typeof ITEM_KINDS;
export const isItemKind = (k: unknown): k is ItemKind => typeof k === 'string' && k in ITEM_KINDS;

/** 规章 and 行政规范性文件 carry a validity lifecycle (report section 二, Art. 20(1)). */
export const REGISTRY_KINDS: readonly ItemKind[] = ['rule', 'normative_document'];

export const VALIDITY = {
  in_force: '现行有效',
  amended: '已修订',
  abolished: '已废止',
  expired: '已失效',
} as const;
export type Validity = keyof typeof VALIDITY | '';

/** 主题分类 (the classification used by the national catalogue of government information). */
export const TOPICS = [
  '综合政务', '国民经济管理、国有资产监管', '财政、金融、审计', '国土资源、能源', '农业、林业、水利',
  '工业、交通', '商贸、海关、旅游', '市场监管、安全生产监管', '城乡建设、环境保护', '科技、教育',
  '文化、广电、新闻出版', '卫生、体育', '人口与计划生育、妇女儿童工作', '劳动、人事、监察',
  '公安、安全、司法', '民政、扶贫、救灾', '其他',
] as const;

export const ITEM_STATUSES = {
  draft: '草稿',
  submitted: '待审核',
  approved: '已审核',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
} as const;
export type ItemStatus = keyof typeof ITEM_STATUSES;

/** 索引号: `<organization index code>/<year>-<5-digit serial>`; assigned once and never changed. */
export function formatIndexNo(orgIndexCode: string, year: number, serial: number): string {
  if (serial < 1 || serial > 99_999) throw new RangeError('索引号序号超出范围（1–99999）');
  return `${orgIndexCode}/${year}-${String(serial).padStart(5, '0')}`;
}

/** Art. 26: "应当自该政府信息形成或者变更之日起20个工作日内及时公开". */
export const ART26_WORKING_DAYS = 20;

export interface TimelinessCheck {
  workingDays: number | null;
  late: boolean;
  warnings: CalendarWarning[];
}

/**
 * Working days from the day the information was made (成文日期, not counted) to the publication
 * date (counted). Late when more than 20 (Art. 26). Without a written date nothing can be said.
 */
export function checkTimeliness(calendar: WorkingCalendar, writtenDate: string | null, publishDate: string): TimelinessCheck {
  if (!writtenDate || writtenDate >= publishDate) return { workingDays: writtenDate ? 0 : null, late: false, warnings: [] };
  const r = calendar.workingDaysBetween(writtenDate, publishDate);
  return { workingDays: r.value, late: r.value > ART26_WORKING_DAYS, warnings: r.warnings };
}

/** Plain text of sanitized HTML, for search and snippets. */
export { htmlToText } from '../render/html/html-text.ts';
