/**
 * The default column tree of a body (pure definition). It follows the unified 政府信息公开
 * column of 国办公开办函〔2019〕61号 (指南, 制度, 法定主动公开内容, 年报 — the annual-report list
 * belongs to the report feature) with one sub-column per item of Art. 20, plus 公告公示,
 * 重点领域信息, 专题专栏 and the published mailbox replies. Administrators change it afterwards.
 */
import type { ItemKind } from './items.rules.ts';

export const COLUMN_KINDS = {
  root: '栏目组',
  guide: '公开指南',
  system: '公开制度',
  statutory: '法定主动公开内容',
  list: '信息列表',
  topics: '专题专栏',
  topic: '专题',
  mailbox: '信箱答复',
} as const;
export type ColumnKind = keyof typeof COLUMN_KINDS;

export interface ColumnDefinition {
  code: string;
  name: string;
  kind: ColumnKind;
  /** Art. 20 item (1–15) disclosed here. */
  art20?: number;
  itemKind?: ItemKind;
  /** Expected update interval (days) for site monitoring. */
  interval?: number;
  description?: string;
  children?: ColumnDefinition[];
}

export const DEFAULT_COLUMN_TREE: ColumnDefinition[] = [
  {
    code: 'xxgk', name: '政府信息公开', kind: 'root', children: [
      { code: 'zn', name: '政府信息公开指南', kind: 'guide', interval: 365 },
      { code: 'zd', name: '政府信息公开制度', kind: 'system', itemKind: 'general', interval: 365 },
      {
        code: 'fdzdgknr', name: '法定主动公开内容', kind: 'statutory', children: [
          { code: 'jgzn', name: '机构职能', kind: 'list', art20: 2, itemKind: 'general', interval: 365 },
          {
            code: 'zcwj', name: '政策文件', kind: 'list', art20: 1, itemKind: 'policy_document', children: [
              { code: 'gz', name: '规章', kind: 'list', art20: 1, itemKind: 'rule' },
              { code: 'gfxwj', name: '行政规范性文件', kind: 'list', art20: 1, itemKind: 'normative_document', interval: 90 },
              { code: 'qtwj', name: '其他文件', kind: 'list', art20: 1, itemKind: 'policy_document', interval: 30 },
            ],
          },
          { code: 'zcjd', name: '政策解读', kind: 'list', art20: 1, itemKind: 'interpretation', interval: 30 },
          { code: 'gh', name: '规划信息', kind: 'list', art20: 3, itemKind: 'general', interval: 365 },
          { code: 'tjxx', name: '统计信息', kind: 'list', art20: 4, itemKind: 'general', interval: 31 },
          { code: 'czyjs', name: '财政预决算', kind: 'list', art20: 7, itemKind: 'key_area', interval: 365 },
          { code: 'xzxk', name: '行政许可结果', kind: 'list', art20: 5, itemKind: 'key_area', interval: 7 },
          { code: 'xzcf', name: '行政处罚和行政强制结果', kind: 'list', art20: 6, itemKind: 'key_area', interval: 7 },
          { code: 'sf', name: '行政事业性收费', kind: 'list', art20: 8, itemKind: 'general', interval: 365 },
          { code: 'zfcg', name: '政府集中采购', kind: 'list', art20: 9, itemKind: 'key_area', interval: 30 },
          { code: 'zdjsxm', name: '重大建设项目', kind: 'list', art20: 10, itemKind: 'key_area', interval: 90 },
          { code: 'msbz', name: '教育、医疗、社会保障、促进就业', kind: 'list', art20: 11, itemKind: 'key_area', interval: 30 },
          { code: 'yjgl', name: '突发公共事件应急管理', kind: 'list', art20: 12, itemKind: 'key_area', interval: 90 },
          { code: 'jdjc', name: '环境保护、公共卫生、安全生产、食品药品监督检查', kind: 'list', art20: 13, itemKind: 'key_area', interval: 30 },
          { code: 'rsks', name: '公务员招考和人事信息', kind: 'list', art20: 14, itemKind: 'general', interval: 90 },
        ],
      },
      { code: 'gzdt', name: '工作动态', kind: 'list', itemKind: 'general', interval: 7 },
      { code: 'gsgg', name: '公告公示', kind: 'list', itemKind: 'announcement', interval: 14 },
      { code: 'zdly', name: '重点领域信息', kind: 'list', itemKind: 'key_area', interval: 14 },
      {
        code: 'ztzl', name: '专题专栏', kind: 'topics', children: [
          {
            code: 'ffjz', name: '防范和处置非法集资举报专栏', kind: 'topic', itemKind: 'general', interval: 90,
            description: '宣传防范和处置非法集资的法律法规和政策，公布举报渠道，提示风险。',
          },
        ],
      },
    ],
  },
  { code: 'xxdf', name: '区长信箱答复', kind: 'mailbox', itemKind: 'mailbox_reply', interval: 30 },
];

/** Column where an item of `kind` goes when no column is given (the default tree's home of that kind). */
export const HOME_COLUMN_OF_KIND: Record<ItemKind, string> = {
  rule: 'gz',
  normative_document: 'gfxwj',
  policy_document: 'qtwj',
  interpretation: 'zcjd',
  announcement: 'gsgg',
  key_area: 'zdly',
  mailbox_reply: 'xxdf',
  // 政务动态 and other general news: never 政府信息公开制度, which holds the body's rules of the work.
  general: 'gzdt',
};

/** Flattens the tree depth-first with each node's parent code and sibling order. */
export function flattenTree(
  tree: ColumnDefinition[],
  parent: string | null = null,
): { def: ColumnDefinition; parent: string | null; order: number }[] {
  return tree.flatMap((def, order) => [{ def, parent, order }, ...flattenTree(def.children ?? [], def.code)]);
}
