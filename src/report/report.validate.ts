/**
 * Cross-checks on the annual report model (pure). Used on reports this platform computes
 * (before publishing: errors block, warnings are shown) and on reports read back from a body's
 * published text (src/reportcheck).
 *
 * Rules (spec/regulations.md):
 *  - A.4 rule 1: 一(c) + 二(c) = （七）总计(c) + 四(c) for every applicant column (the 勾稽关系
 *    printed in the table's top-left cell, 国办公开办函〔2021〕30号).
 *  - A.4 rule 2: （七）总计(c) = sum of the outcome rows of 三.
 *  - A.4 rule 3: 总计 = the six applicant columns, on every row.
 *  - A.5: in each group of section 四, 维持 + 纠正 + 其他 + 尚未审结 = 总计.
 *  - Across years: 二 this year = 四 last year; 现行有效 continuity (warnings only, because
 *    institutional changes legitimately break them).
 *  - Regulations Art. 49: departments publish by 31 January, governments by 31 March.
 */
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  REVIEW_COLUMNS,
  type AnnualReport,
  type ApplicationRowKey,
  type Cell,
} from './report.model.ts';
import { bigramSimilarity } from '../reportcheck/reportcheck.similarity.ts';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface FindingLocation {
  /** Section number of the report: 一 … 六. */
  section?: string;
  /** Row key of the model (e.g. `total`, `review`) or printed label. */
  row?: string;
  /** Column name (e.g. 自然人, 总计). */
  column?: string;
  /** 1-based line of the source text the figure came from. */
  line?: number;
  year?: number;
  file?: string;
}

export interface ReportFinding {
  /** Stable dotted code, e.g. `report.rule1_mismatch`. */
  code: string;
  severity: FindingSeverity;
  /** Simplified Chinese, for people. */
  message: string;
  location?: FindingLocation;
  details?: Record<string, unknown>;
}

const OUTCOME_ROWS_2021: ApplicationRowKey[] = APPLICATION_ROWS.map((r) => r.key).filter(
  (k) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(k),
);
const OTHER_HANDLING_SPLIT: ApplicationRowKey[] = ['otherHandling1', 'otherHandling2', 'otherHandling3'];

function labelOf(key: string): string {
  return APPLICATION_ROWS.find((r) => r.key === key)?.label ?? key;
}

function sumOrNull(cells: Cell[]): number | null {
  let sum = 0;
  for (const c of cells) {
    if (c === null) return null;
    sum += c;
  }
  return sum;
}

/** The outcome cells of column c, using the single （六） row of 2019-layout reports when printed. */
function outcomeCells(report: AnnualReport, c: number): Cell[] {
  const rows = report.applications.rows;
  const splitPrinted = OTHER_HANDLING_SPLIT.some((k) => rows[k]?.[c] !== null && rows[k]?.[c] !== undefined);
  const keys = OUTCOME_ROWS_2021.filter((k) => !OTHER_HANDLING_SPLIT.includes(k) || splitPrinted);
  const cells = keys.map((k) => rows[k]?.[c] ?? null);
  if (!splitPrinted) cells.push(rows.otherHandling?.[c] ?? null);
  return cells;
}

export interface ValidateOptions {
  /** Report each missing cell (the reader reports its own, with the reason, and turns this off). */
  reportMissingCells?: boolean;
}

/** Checks one report on its own: A.4 rules 1–3 and A.5. */
export function validateReport(report: AnnualReport, options: ValidateOptions = {}): ReportFinding[] {
  const findings: ReportFinding[] = [];
  const rows = report.applications.rows;
  const unchecked = new Set<string>();
  const year = report.year;

  if (options.reportMissingCells !== false) {
    for (const { key } of APPLICATION_ROWS) {
      if (key.startsWith('otherHandling') && rows.otherHandling) continue;
      rows[key].forEach((cell, c) => {
        if (cell === null) {
          findings.push({
            code: 'report.cell_missing',
            severity: 'error',
            message: `第三部分“${labelOf(key)}”的“${APPLICANT_COLUMNS[c]}”栏缺少数字`,
            location: { section: '三', row: key, column: APPLICANT_COLUMNS[c], year },
          });
        }
      });
    }
  }

  // Rule 3: 总计 = six applicant columns, every row.
  for (const key of [...APPLICATION_ROWS.map((r) => r.key), ...(rows.otherHandling ? ['otherHandling' as const] : [])]) {
    const row = key === 'otherHandling' ? rows.otherHandling! : rows[key];
    const parts = sumOrNull(row.slice(0, 6));
    if (parts === null || row[6] === null) continue;
    if (parts !== row[6]) {
      findings.push({
        code: 'report.row_total_mismatch',
        severity: 'error',
        message: `第三部分“${key === 'otherHandling' ? '（六）其他处理' : labelOf(key)}”行：六类申请人合计 ${parts}，但“总计”栏为 ${row[6]}`,
        location: { section: '三', row: key, column: '总计', year },
        details: { sum: parts, printed: row[6] },
      });
    }
  }

  for (let c = 0; c < 7; c++) {
    const column = APPLICANT_COLUMNS[c];
    // Rule 2: （七）总计 = outcomes.
    const outcomes = sumOrNull(outcomeCells(report, c));
    const total = rows.total[c];
    if (outcomes === null || total === null) unchecked.add('rule2');
    else if (outcomes !== total) {
      findings.push({
        code: 'report.rule2_mismatch',
        severity: 'error',
        message: `第三部分“${column}”栏：各项办理结果之和为 ${outcomes}，但“（七）总计”为 ${total}`,
        location: { section: '三', row: 'total', column, year },
        details: { sum: outcomes, printed: total },
      });
    }
    // Rule 1: 一 + 二 = （七）总计 + 四.
    const left = sumOrNull([rows.newReceived[c], rows.carriedOver[c]]);
    const right = sumOrNull([total, rows.carriedForward[c]]);
    if (left === null || right === null) unchecked.add('rule1');
    else if (left !== right) {
      findings.push({
        code: 'report.rule1_mismatch',
        severity: 'error',
        message: `第三部分“${column}”栏：本年新收加上年结转为 ${left}，但办理结果总计加结转下年度为 ${right}（勾稽关系不成立）`,
        location: { section: '三', column, year },
        details: { receivedPlusCarriedOver: left, totalPlusCarriedForward: right },
      });
    }
  }
  if (unchecked.has('rule1')) {
    findings.push({
      code: 'report.rule1_unchecked',
      severity: 'info',
      message: '第三部分缺少数字，“第一项加第二项之和等于第三项加第四项之和”的勾稽关系未能全部核对',
      location: { section: '三', year },
    });
  }
  if (unchecked.has('rule2')) {
    findings.push({
      code: 'report.rule2_unchecked',
      severity: 'info',
      message: '第三部分缺少数字，“（七）总计等于各项办理结果之和”未能全部核对',
      location: { section: '三', year },
    });
  }

  // A.5: each group of section 四.
  const groups = [
    ['review', '行政复议'],
    ['litigationDirect', '行政诉讼（未经复议直接起诉）'],
    ['litigationAfterReview', '行政诉讼（复议后起诉）'],
  ] as const;
  for (const [key, name] of groups) {
    const cells = report.reviewLitigation[key];
    const parts = sumOrNull(cells.slice(0, 4));
    if (parts === null || cells[4] === null) {
      if (options.reportMissingCells !== false) {
        findings.push({
          code: 'report.review_missing',
          severity: 'error',
          message: `第四部分“${name}”缺少数字`,
          location: { section: '四', row: key, year },
        });
      }
      continue;
    }
    if (parts !== cells[4]) {
      findings.push({
        code: 'report.review_total_mismatch',
        severity: 'error',
        message: `第四部分“${name}”：${REVIEW_COLUMNS.slice(0, 4).join('、')}之和为 ${parts}，但“总计”为 ${cells[4]}`,
        location: { section: '四', row: key, column: '总计', year },
        details: { sum: parts, printed: cells[4] },
      });
    }
  }
  return findings;
}

/** Minimum length (characters) of a narrative section before 雷同 is judged. */
const MIN_SIMILAR_LENGTH = 60;
/**
 * Bigram similarity (Dice, digits ignored) at or above which two years' narratives count as 雷同.
 * Measured on the fixtures: 洪泽区 2023 vs 2024, which reuse set phrases and whole sentences but
 * were rewritten, score 0.66 (section 一), 0.58 (section 五), 0.67 (一+五+六); two different bodies
 * (石龙区 2022 vs 洪泽区 2024) score 0.20–0.34 from shared boilerplate alone. A text left unchanged
 * except for the year and the figures scores above 0.95. 0.85 sits well above the rewritten pair
 * and flags copies with only light edits.
 */
export const NEAR_IDENTICAL_THRESHOLD = 0.85;

function narrativeText(report: AnnualReport, numbers: string[]): string {
  return report.narrative
    .filter((s) => numbers.includes(s.number))
    .map((s) => s.text)
    .join('');
}

/** Checks a report against the same body's report of the previous year. */
export function compareWithPreviousYear(previous: AnnualReport, current: AnnualReport): ReportFinding[] {
  const findings: ReportFinding[] = [];
  const year = current.year;
  // A.4 rule 4: 二 (this year) = 四 (last year).
  for (let c = 0; c < 7; c++) {
    const before = previous.applications.rows.carriedForward[c];
    const now = current.applications.rows.carriedOver[c];
    if (before === null || now === null || before === now) continue;
    findings.push({
      code: 'report.carried_over_mismatch',
      severity: 'warning',
      message: `“${APPLICANT_COLUMNS[c]}”栏：本年上年结转 ${now} 件，与${previous.year}年报告结转下年度 ${before} 件不一致`,
      location: { section: '三', row: 'carriedOver', column: APPLICANT_COLUMNS[c], year },
      details: { previousCarriedForward: before, carriedOver: now },
    });
  }
  // 现行有效 continuity: last year's 现行有效 + 制发 − 废止 = this year's 现行有效.
  for (const [key, name] of [
    ['rules', '规章'],
    ['normativeDocuments', '行政规范性文件'],
  ] as const) {
    const before = previous.proactive[key][2];
    const [issued, abolished, inForce] = current.proactive[key];
    if (before === null || issued === null || abolished === null || inForce === null) continue;
    const expected = before + issued - abolished;
    if (expected !== inForce) {
      findings.push({
        code: 'report.in_force_discontinuity',
        severity: 'warning',
        message: `${name}：${previous.year}年现行有效 ${before} 件，加本年制发 ${issued} 件、减废止 ${abolished} 件应为 ${expected} 件，报告为 ${inForce} 件`,
        location: { section: '二', row: key, column: '现行有效件数', year },
        details: { expected, printed: inForce },
      });
    }
  }
  // 雷同 (国办公开办函〔2021〕30号 二（四）: 内容雷同 is a named failing).
  for (const group of [['一'], ['五'], ['一', '五', '六']]) {
    const a = narrativeText(previous, group);
    const b = narrativeText(current, group);
    if (a.length < MIN_SIMILAR_LENGTH || b.length < MIN_SIMILAR_LENGTH) continue;
    const score = bigramSimilarity(a, b);
    if (score >= NEAR_IDENTICAL_THRESHOLD) {
      findings.push({
        code: 'report.narrative_near_identical',
        severity: 'warning',
        message: `第${group.join('、')}部分文字与${previous.year}年报告高度雷同（相似度 ${score.toFixed(2)}）`,
        location: { section: group.join('、'), year },
        details: { similarity: Number(score.toFixed(3)), threshold: NEAR_IDENTICAL_THRESHOLD },
      });
      break;
    }
  }
  return findings;
}

/** A body's level, for the publication deadline: people's government, zone committee, department, town. */
export type BodyKind = 'government' | 'zone' | 'department' | 'township';

export const BODY_KIND_NAMES: Record<BodyKind, string> = {
  government: '人民政府',
  zone: '管委会（开发区、实验区、新区）',
  department: '政府部门',
  township: '乡镇、街道',
};

/**
 * The level a body's name says: a name ending in 人民政府 is a government (乡/镇 ones a town), a
 * 街道 or 街道办事处 a town-level office, the management committee of a 综合实验区/开发区/新区/高新区
 * a zone, anything else (局, 委员会, 办公室, 中心…) a department. A zone's own departments
 * (平潭综合实验区交通与建设局) are departments: the name ends in the department's word.
 */
export function bodyKindOf(name: string): BodyKind {
  if (/(乡|镇|街道办事处|街道)(人民政府)?$/.test(name) && !/[县区市]人民政府$/.test(name)) return 'township';
  if (/(?:人民政府|[省市县区旗州]政府)$/.test(name)) return 'government';
  if (/(实验区|开发区|新区|高新区|示范区|合作区|园区)(管理委员会|管委会|工委|党工委)?$/.test(name) || /管委会$/.test(name)) return 'zone';
  return 'department';
}

/**
 * Regulations Art. 49: departments publish by 31 January, people's governments by 31 March; a
 * zone's management committee reports as the government of its area (31 March). Towns and 街道
 * have no statutory date in Art. 49 and are not checked.
 */
export function checkPublicationDeadline(report: AnnualReport, kind = bodyKindOf(report.body.name)): ReportFinding[] {
  if (!report.publishedOn || kind === 'township') return [];
  const deadline = kind === 'department' ? `${report.year + 1}-01-31` : `${report.year + 1}-03-31`;
  if (report.publishedOn <= deadline) return [];
  return [
    {
      code: 'report.published_late',
      severity: 'warning',
      message: `报告发布于 ${report.publishedOn}，晚于《条例》第四十九条规定的 ${deadline}（${BODY_KIND_NAMES[kind]}）`,
      location: { year: report.year },
      details: { publishedOn: report.publishedOn, deadline, level: kind },
    },
  ];
}
