/**
 * What every report document says, independent of the output format: the title, the six
 * statutory section titles (国办公开办函〔2021〕30号, regulations.md A.2), the narrative paragraphs
 * of each section and the section 三 row layout. The HTML, Word and chart renderers all read this,
 * so the documents cannot drift apart.
 */
import { APPLICATION_ROWS, type AnnualReport, type ApplicantRow, type NarrativeSection } from '../report/report.model.ts';

export const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六'] as const;
export type SectionNumber = (typeof SECTION_NUMBERS)[number];

export const SECTION_TITLES: Record<SectionNumber, string> = {
  一: '总体情况',
  二: '主动公开政府信息情况',
  三: '收到和处理政府信息公开申请情况',
  四: '政府信息公开行政复议、行政诉讼情况',
  五: '存在的主要问题及改进情况',
  六: '其他需要报告的事项',
};

/** The text shown (or spoken) for a figure nobody entered or could read. */
export const MISSING_LABEL = '未填报';

/** The top-left merged cell of section 三 (regulations.md A.4). */
export const APPLICATIONS_CROSS_CHECK_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

export function reportTitle(report: Pick<AnnualReport, 'body' | 'year'>): string {
  return reportTitleParts(report).join('');
}

/**
 * The title in the two parts an official title breaks into when it is too long for one line:
 * the body and year, then 政府信息公开工作年度报告.
 */
export function reportTitleParts(report: Pick<AnnualReport, 'body' | 'year'>): [string, string] {
  return [`${report.body.name}${report.year}年`, '政府信息公开工作年度报告'];
}

export function sectionHeading(number: SectionNumber, report: AnnualReport): string {
  const own = narrativeOf(report, number)?.title?.trim();
  return `${number}、${own || SECTION_TITLES[number]}`;
}

export function narrativeOf(report: AnnualReport, number: SectionNumber): NarrativeSection | undefined {
  return report.narrative.find((s) => s.number === number);
}

/** A narrative paragraph, with its run-in sub-heading split off: "(一) 主动公开情况。" + the rest. */
export interface Paragraph {
  lead?: string;
  text: string;
}

// "(一) 主动公开情况。" or "（二）改进措施。": a numbered run-in head of up to 24 characters.
const RUN_IN_HEAD = /^([（(][一二三四五六七八九十]{1,3}[）)]\s*[^。，；：\n]{1,24}?。)/;

export function paragraphsOf(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const m = RUN_IN_HEAD.exec(line);
      return m ? { lead: m[1], text: line.slice(m[1].length) } : { text: line };
    });
}

/**
 * The plain-text paragraphs of section 六: the narrative, plus the fee statement when the
 * narrative does not already contain it; when both are absent and the fee amount is known,
 * a sentence stating it.
 */
export function sectionSixParagraphs(report: AnnualReport): string[] {
  const narrative = narrativeOf(report, '六');
  const out = narrative && narrative.format !== 'html' ? [narrative.text] : [];
  const feeText = report.fees.text?.trim();
  if (feeText && !out.some((t) => t.includes(feeText))) out.push(feeText);
  if (!narrative && !feeText && report.fees.amountYuan !== null) {
    out.push(
      report.fees.amountYuan === 0
        ? `${report.year}年未收取政府信息公开信息处理费。`
        : `${report.year}年共收取政府信息公开信息处理费${report.fees.amountYuan}元。`,
    );
  }
  return out;
}

/** One printed row of the section 三 table. */
export interface ApplicationsLayoutRow {
  /** '一'/'二'/'四' rows span all three label columns; '三' rows sit under 三、本年度办理结果. */
  kind: 'top' | 'outcome';
  label: string;
  /** For leaf rows of （三）…（六）: the group label, present on the first row of the group only. */
  groupStart?: { label: string; rowSpan: number };
  /** True for leaf rows under a group (their label takes one column, not two). */
  inGroup: boolean;
  cells: ApplicantRow;
}

export const OUTCOMES_GROUP_LABEL = '三、本年度办理结果';

/**
 * The section 三 rows in print order. The 2019 trial format prints （六）其他处理 as one row
 * (regulations.md A.7); a 2021 report does so only when it carries the single row instead of 1–3.
 */
export function applicationsLayout(report: AnnualReport): ApplicationsLayoutRow[] {
  const rows = report.applications.rows;
  const singleOtherHandling =
    rows.otherHandling !== undefined &&
    (report.format === '2019' ||
      [rows.otherHandling1, rows.otherHandling2, rows.otherHandling3].every((r) => r.every((c) => c === null)));
  const printed = APPLICATION_ROWS.flatMap((def) => {
    if (singleOtherHandling && def.key.startsWith('otherHandling')) {
      return def.key === 'otherHandling1'
        ? [{ key: 'otherHandling', label: '（六）其他处理', group: undefined, cells: rows.otherHandling! }]
        : [];
    }
    const group = 'group' in def ? def.group : undefined;
    return [{ key: def.key as string, label: def.label as string, group, cells: rows[def.key] }];
  });
  return printed.map((row, i) => {
    const top = row.key === 'newReceived' || row.key === 'carriedOver' || row.key === 'carriedForward';
    let groupStart: ApplicationsLayoutRow['groupStart'];
    if (row.group && printed[i - 1]?.group !== row.group) {
      groupStart = { label: row.group, rowSpan: printed.filter((r) => r.group === row.group).length };
    }
    return { kind: top ? 'top' : 'outcome', label: row.label, groupStart, inGroup: !!row.group, cells: row.cells };
  });
}
