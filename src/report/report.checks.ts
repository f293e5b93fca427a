/**
 * Checks that need more than the model itself (pure): the records behind it, the narrative
 * parts as written, last year's report and the date. Together with validateReport they make
 * the findings shown while editing; errors block submission and approval, warnings are shown.
 *
 *  - missing figures and missing narrative parts (DESIGN.md validation: "missing sections or
 *    figures"; 国办公开办函〔2021〕30号 一: 内容“不能遗漏”);
 *  - a number written in the narrative that contradicts the tables, and a count written without
 *    its number ("受理政府信息公开申请件", report.narrative.rules.ts);
 *  - 雷同 with last year and 二 vs last year's 四 (compareWithPreviousYear, warnings);
 *  - Regulations Art. 49: departments publish by 31 January, governments by 31 March.
 */
import type { AnnualReport } from './report.model.ts';
import type { RecordProblem } from './report.compute.ts';
import { compareWithPreviousYear, validateReport, type ReportFinding } from './report.validate.ts';
import { fillPlaceholders, htmlParagraphs, NARRATIVE_PARTS, type NarrativeParts } from './report.narrative.ts';
import { countsWithoutNumber } from './report.narrative.rules.ts';

type Figures = Record<string, number | string | null>;

const PROACTIVE_CELLS: { key: keyof AnnualReport['proactive']; index?: number; label: string }[] = [
  { key: 'rules', index: 0, label: '规章·本年制发件数' },
  { key: 'rules', index: 1, label: '规章·本年废止件数' },
  { key: 'rules', index: 2, label: '规章·现行有效件数' },
  { key: 'normativeDocuments', index: 0, label: '行政规范性文件·本年制发件数' },
  { key: 'normativeDocuments', index: 1, label: '行政规范性文件·本年废止件数' },
  { key: 'normativeDocuments', index: 2, label: '行政规范性文件·现行有效件数' },
  { key: 'licensing', label: '行政许可·本年处理决定数量' },
  { key: 'punishment', label: '行政处罚·本年处理决定数量' },
  { key: 'enforcement', label: '行政强制·本年处理决定数量' },
  { key: 'feesAmountWanYuan', label: '行政事业性收费·本年收费金额（万元）' },
];

export function missingProactiveFigures(report: AnnualReport): ReportFinding[] {
  return PROACTIVE_CELLS.filter(({ key, index }) => {
    const v = report.proactive[key];
    return (Array.isArray(v) ? v[index!] : v) === null;
  }).map(({ key, index, label }) => ({
    code: 'report.figure_missing',
    severity: 'error' as const,
    message: `第二部分“${label}”未填报`,
    location: { section: '二', row: key, column: index === undefined ? undefined : String(index), year: report.year },
  }));
}

/**
 * Numbers the narrative states in words the tables also state. `approx` accepts "2400余条"
 * (at least 2400, below the next round figure). Each pattern captures the number.
 */
const STATED_FIGURES: { figure: string; pattern: RegExp; what: string }[] = [
  { figure: '本年新收申请', pattern: /(?:受理|收到|新收)[^。；\d]{0,16}?申请(?:共)?(\d+)(余)?件/g, what: '本年新收申请' },
  { figure: '主动公开信息条数', pattern: /(?:发布|主动公开)[^。；\d]{0,10}?政府信息(?:共)?(\d+)(余)?条/g, what: '主动公开信息条数' },
  { figure: '政策文件', pattern: /政策文件(\d+)(余)?[个件份]/g, what: '政策文件数' },
  { figure: '公告公示', pattern: /公告公示(?:信息)?(\d+)(余)?[个条件]/g, what: '公告公示数' },
  { figure: '重点领域信息', pattern: /重点领域信息(\d+)(余)?条/g, what: '重点领域信息数' },
  { figure: '政策解读', pattern: /政策解读(?:信息)?(\d+)(余)?[条篇件]/g, what: '政策解读数' },
  { figure: '信箱答复', pattern: /留言答复(\d+)(余)?[条件]/g, what: '留言答复数' },
  { figure: '政务新媒体', pattern: /政务新媒体(?:账号)?(\d+)个/g, what: '政务新媒体数' },
  { figure: '行政复议', pattern: /行政复议(?:案件)?(\d+)件/g, what: '行政复议件数' },
];

function agrees(stated: number, approx: boolean, actual: number): boolean {
  if (!approx) return stated === actual;
  const roundness = 10 ** ((String(stated).match(/0+$/)?.[0].length ?? 0) || 0);
  return actual >= stated && actual < stated + Math.max(roundness, 1);
}

/** Literal figures in the narrative that differ from the computed ones. */
export function narrativeContradictions(parts: NarrativeParts, values: Figures, year: number): ReportFinding[] {
  const findings: ReportFinding[] = [];
  for (const part of NARRATIVE_PARTS) {
    const paragraphs = htmlParagraphs(fillPlaceholders(parts[part.key] ?? '', values).html);
    paragraphs.forEach((text, i) => {
      for (const { figure, pattern, what } of STATED_FIGURES) {
        const actual = values[figure];
        if (typeof actual !== 'number') continue;
        for (const m of text.matchAll(pattern)) {
          const stated = Number(m[1]);
          if (agrees(stated, m[2] === '余', actual)) continue;
          findings.push({
            code: 'report.narrative_contradicts_table',
            severity: 'error',
            message: `第${part.section}部分“${part.label}”第${i + 1}段写${what}为“${m[0]}”，但表格数字为 ${actual}（可改用占位符 {{${figure}}}）`,
            location: { section: part.section, row: `narrative.${part.key}`, line: i + 1, year },
            details: { part: part.key, paragraph: i + 1, stated, actual, placeholder: figure },
          });
        }
      }
    });
  }
  return findings;
}

/**
 * Sentences that state a count with no number before the measure word (a figure left out or a
 * placeholder lost). Read on the parts as written, so a placeholder counts as the number.
 */
export function narrativeCountsWithoutNumber(parts: NarrativeParts, year: number): ReportFinding[] {
  const findings: ReportFinding[] = [];
  for (const part of NARRATIVE_PARTS) {
    htmlParagraphs(parts[part.key] ?? '').forEach((text, i) => {
      for (const c of countsWithoutNumber(text)) {
        findings.push({
          code: 'report.narrative_count_missing',
          severity: 'error',
          message: `第${part.section}部分“${part.label}”第${i + 1}段“${c.phrase}”缺少数字：“${c.measure}”前应写明数字，或插入表格数字（占位符）`,
          location: { section: part.section, row: `narrative.${part.key}`, line: i + 1, year },
          details: { part: part.key, paragraph: i + 1, phrase: c.phrase, measure: c.measure },
        });
      }
    });
  }
  return findings;
}

/** Empty parts (the format's sub-heads must all be reported) and placeholders that do not exist. */
export function narrativeCompleteness(parts: NarrativeParts, values: Figures, year: number): ReportFinding[] {
  const findings: ReportFinding[] = [];
  for (const part of NARRATIVE_PARTS) {
    const text = parts[part.key] ?? '';
    const location = { section: part.section, row: `narrative.${part.key}`, year };
    if (htmlParagraphs(text).length === 0) {
      findings.push({ code: 'report.narrative_missing', severity: 'error', message: `第${part.section}部分“${part.label}”尚未填写`, location });
      continue;
    }
    const filled = fillPlaceholders(text, values);
    for (const name of filled.unknown) {
      findings.push({ code: 'report.placeholder_unknown', severity: 'error', message: `第${part.section}部分“${part.label}”中的占位符 {{${name}}} 不存在`, location });
    }
    for (const name of filled.missing) {
      findings.push({ code: 'report.placeholder_missing', severity: 'warning', message: `第${part.section}部分“${part.label}”引用的 {{${name}}} 尚无数字，显示为“未填报”`, location });
    }
  }
  return findings;
}

export type OrganizationKind = 'government' | 'department' | 'office' | 'unit' | string;

/**
 * Regulations Art. 49: people's governments publish by 31 March, their departments by
 * 31 January. An office or unit reporting on its own is held to the departments' date.
 * `today` is the date the report would be published (when not yet published).
 */
export function publicationDeadline(kind: OrganizationKind, year: number): string {
  return kind === 'government' ? `${year + 1}-03-31` : `${year + 1}-01-31`;
}

export function deadlineFindings(report: AnnualReport, kind: OrganizationKind, today: string): ReportFinding[] {
  const deadline = publicationDeadline(kind, report.year);
  const date = report.publishedOn ?? today;
  if (date <= deadline) return [];
  const who = kind === 'government' ? '人民政府' : '政府部门';
  return [
    {
      code: report.publishedOn ? 'report.published_late' : 'report.deadline_passing',
      severity: 'warning',
      message: report.publishedOn
        ? `报告发布于 ${report.publishedOn}，晚于《条例》第四十九条规定的 ${deadline}（${who}）`
        : `今天发布将晚于《条例》第四十九条规定的 ${deadline}（${who}）`,
      location: { year: report.year },
      details: { deadline, date },
    },
  ];
}

export interface CheckInput {
  report: AnnualReport;
  parts: NarrativeParts;
  values: Figures;
  problems: RecordProblem[];
  previous: AnnualReport | null;
  kind: OrganizationKind;
  today: string;
}

function asPlainText(report: AnnualReport): AnnualReport {
  return { ...report, narrative: report.narrative.map((s) => ({ ...s, format: 'text', text: htmlParagraphs(s.text).join('\n') })) };
}

/** Every finding for a report being prepared, errors first. */
export function checkReport(input: CheckInput): ReportFinding[] {
  const { report, parts, values } = input;
  const year = report.year;
  const findings = [
    ...validateReport(report),
    ...missingProactiveFigures(report),
    ...input.problems.map((p) => ({ code: p.code, severity: 'error' as const, message: p.message, location: { section: '三', year }, details: { id: p.id, kind: p.kind } })),
    ...narrativeCompleteness(parts, values, year),
    ...narrativeContradictions(parts, values, year),
    ...narrativeCountsWithoutNumber(parts, year),
    ...(input.previous ? compareWithPreviousYear(asPlainText(input.previous), asPlainText(report)) : []),
    ...deadlineFindings(report, input.kind, input.today),
  ];
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return findings.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export function hasErrors(findings: ReportFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
