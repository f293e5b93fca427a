/**
 * The annual report data model (政府信息公开工作年度报告, 国办公开办函〔2021〕30号).
 *
 * One model serves both directions: the report this platform computes from its own records
 * (src/report) and the report read back from a body's published text (src/reportcheck).
 * Its JSON form is the open-data feed; the JSON Schema lives in report.schema.ts.
 *
 * A figure nobody entered or nobody could read is `null`, never 0: the validator reports it
 * as missing instead of letting a silent zero pass the cross-checks.
 */

/** Applicant columns of section 三, in the statutory order. */
export const APPLICANT_COLUMNS = [
  '自然人',
  '商业企业',
  '科研机构',
  '社会公益组织',
  '法律服务机构',
  '其他',
  '总计',
] as const;
export type ApplicantColumn = (typeof APPLICANT_COLUMNS)[number];

/** The six applicant types a case can have (the 总计 column is derived). */
export const APPLICANT_TYPES = APPLICANT_COLUMNS.slice(0, 6) as readonly Exclude<ApplicantColumn, '总计'>[];
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/**
 * The 25 data rows of section 三, in the statutory order, with their exact printed labels.
 * `group` is the printed group label (（三）不予公开 …) for the leaf rows that sit under one.
 */
export const APPLICATION_ROWS = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量' },
  { key: 'disclosed', label: '（一）予以公开' },
  { key: 'partiallyDisclosed', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { key: 'withheld1', group: '（三）不予公开', label: '1.属于国家秘密' },
  { key: 'withheld2', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { key: 'withheld3', group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { key: 'withheld4', group: '（三）不予公开', label: '4.保护第三方合法权益' },
  { key: 'withheld5', group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { key: 'withheld6', group: '（三）不予公开', label: '6.属于四类过程性信息' },
  { key: 'withheld7', group: '（三）不予公开', label: '7.属于行政执法案卷' },
  { key: 'withheld8', group: '（三）不予公开', label: '8.属于行政查询事项' },
  { key: 'unable1', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { key: 'unable2', group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { key: 'unable3', group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { key: 'notProcessed1', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { key: 'notProcessed2', group: '（五）不予处理', label: '2.重复申请' },
  { key: 'notProcessed3', group: '（五）不予处理', label: '3.要求提供公开出版物' },
  { key: 'notProcessed4', group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { key: 'notProcessed5', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  {
    key: 'otherHandling1',
    group: '（六）其他处理',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  },
  {
    key: 'otherHandling2',
    group: '（六）其他处理',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  },
  { key: 'otherHandling3', group: '（六）其他处理', label: '3.其他' },
  { key: 'total', label: '（七）总计' },
  { key: 'carriedForward', label: '四、结转下年度继续办理' },
] as const satisfies readonly { key: string; label: string; group?: string }[];

export type ApplicationRowKey = (typeof APPLICATION_ROWS)[number]['key'];
export const APPLICATION_ROW_KEYS = APPLICATION_ROWS.map((r) => r.key) as readonly ApplicationRowKey[];

/** The 21 outcome rows a decided case can land in (everything of 三 except （七）总计). */
export type OutcomeKey = Exclude<ApplicationRowKey, 'newReceived' | 'carriedOver' | 'total' | 'carriedForward'>;
export const OUTCOME_KEYS = APPLICATION_ROW_KEYS.filter(
  (k) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(k),
) as readonly OutcomeKey[];

/** A cell: a whole number, or null when missing / unreadable. */
export type Cell = number | null;
/** Seven cells in APPLICANT_COLUMNS order. */
export type ApplicantRow = Cell[];

export interface ApplicationsTable {
  columns: typeof APPLICANT_COLUMNS | string[];
  /**
   * Every key of APPLICATION_ROW_KEYS. A 2019-layout report that prints one （六）其他处理 row
   * sets `otherHandling` and leaves otherHandling1…3 null.
   */
  rows: Record<ApplicationRowKey, ApplicantRow> & { otherHandling?: ApplicantRow };
}

/** Section 四 columns of each group, in order. */
export const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export interface ReviewLitigationTable {
  /** 行政复议 */
  review: Cell[];
  /** 行政诉讼 · 未经复议直接起诉 */
  litigationDirect: Cell[];
  /** 行政诉讼 · 复议后起诉 */
  litigationAfterReview: Cell[];
}

/** Section 二. Amounts of 行政事业性收费 are in 万元 as decimal text (exact, never float). */
export interface ProactiveTables {
  /** 第二十条第（一）项: [本年制发件数, 本年废止件数, 现行有效件数] */
  rules: Cell[];
  normativeDocuments: Cell[];
  /** 第二十条第（五）项: 本年处理决定数量 */
  licensing: Cell;
  /** 第二十条第（六）项 */
  punishment: Cell;
  enforcement: Cell;
  /** 第二十条第（八）项: 本年收费金额（万元）, decimal text such as "7730.28"; null when missing */
  feesAmountWanYuan: string | null;
}

export interface NarrativeSection {
  /** 一 … 六 */
  number: string;
  title: string;
  /** Plain text, or sanitized HTML where `format` says so. */
  text: string;
  format?: 'text' | 'html';
}

export interface FeeStatement {
  /** Information processing fees charged in the year, whole yuan; null when not stated. */
  amountYuan: number | null;
  text?: string;
}

export interface AnnualReport {
  /** Model version for consumers of the open-data feed. */
  schemaVersion: 1;
  body: { code?: string; name: string };
  year: number;
  /** Layout the report follows: the 2021 format or the 2019 trial format. */
  format?: '2021' | '2019';
  proactive: ProactiveTables;
  applications: ApplicationsTable;
  reviewLitigation: ReviewLitigationTable;
  narrative: NarrativeSection[];
  fees: FeeStatement;
  publishedOn?: string | null;
}

export function emptyApplicantRow(): ApplicantRow {
  return [null, null, null, null, null, null, null];
}

export function zeroApplicantRow(): ApplicantRow {
  return [0, 0, 0, 0, 0, 0, 0];
}

/** The three groups of section 四 with their printed labels. */
export const REVIEW_GROUPS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼·未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼·复议后起诉' },
] as const;

/** Section 二's rows, by their field, and the columns of its first block (第二十条第（一）项). */
const PROACTIVE_ROW_LABELS: Record<string, string> = {
  rules: '规章',
  normativeDocuments: '行政规范性文件',
  licensing: '行政许可',
  punishment: '行政处罚',
  enforcement: '行政强制',
  feesAmountWanYuan: '行政事业性收费（万元）',
};
export const PROACTIVE_COLUMNS = ['本年制发件数', '本年废止件数', '现行有效件数'] as const;

const ROW_LABELS: Record<string, string> = {
  ...PROACTIVE_ROW_LABELS,
  ...Object.fromEntries(APPLICATION_ROWS.map((r) => [r.key, 'group' in r ? `${r.group}${r.label}` : r.label])),
  otherHandling: '（六）其他处理',
  ...Object.fromEntries(REVIEW_GROUPS.map((g) => [g.key, g.label])),
};

/** A row key of sections 二, 三 and 四 (`licensing`, `total`, `withheld3`, `review` …) as printed in the report. */
export function rowLabel(key: string): string {
  return ROW_LABELS[key] ?? key;
}

/** A column of a finding's location as printed: section 二 names its columns by index ("2" → 现行有效件数). */
export function columnLabel(section: string | undefined, column: string): string {
  if (section === '二' && /^[0-2]$/.test(column)) return PROACTIVE_COLUMNS[Number(column)];
  return column;
}
