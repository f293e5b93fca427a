/**
 * The report's frame: title (body and year), the six section headings and the line ranges
 * between them, and the publication date when the text states one.
 */
import type { SourceLine } from './reportcheck.text.ts';
import { canonicalLabel, lineText } from './reportcheck.text.ts';
import { labelSimilarity } from './reportcheck.similarity.ts';

/** Section titles of the 2021 format (regulations.md A.2) with the variants real reports use. */
export const SECTION_TITLES: Record<string, { title: string; variants: string[] }> = {
  一: { title: '总体情况', variants: [] },
  二: { title: '主动公开政府信息情况', variants: ['主动公开政府信息'] },
  三: { title: '收到和处理政府信息公开申请情况', variants: [] },
  四: {
    title: '政府信息公开行政复议、行政诉讼情况',
    variants: ['因政府信息公开工作被申请行政复议、提起行政诉讼情况'],
  },
  五: {
    title: '存在的主要问题及改进情况',
    variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及整改措施', '存在的主要问题及改进措施'],
  },
  六: { title: '其他需要报告的事项', variants: ['其他需要报告的事项'] },
};
export const SECTION_NUMBERS = ['一', '二', '三', '四', '五', '六'] as const;

export interface SectionHeading {
  number: string;
  /** Title as printed. */
  title: string;
  line: number;
  /** Index into the line list. */
  index: number;
  /** True when the printed title is the 2021-format title exactly. */
  exact: boolean;
}

const HEADING = /^(?:#+)?([一二三四五六])、(.{2,40})$/;

/** Minimum similarity for a line to count as a section heading rather than a table row. */
const HEADING_MATCH = 0.6;

export function findHeadings(lines: SourceLine[]): SectionHeading[] {
  const found: SectionHeading[] = [];
  lines.forEach((line, index) => {
    const text = canonicalLabel(lineText(line)).replace(/^#+/, '');
    const m = HEADING.exec(text);
    if (!m) return;
    const [, number, title] = m;
    const spec = SECTION_TITLES[number];
    const candidates = [spec.title, ...spec.variants];
    const best = Math.max(...candidates.map((c) => labelSimilarity(title.replace(/[。：:]$/, ''), c)));
    if (best < HEADING_MATCH) return;
    if (found.some((h) => h.number === number)) return; // the first one wins; later ones are rows
    found.push({ number, title, line: line.no, index, exact: title === spec.title });
  });
  return found;
}

/** Index range [start, end) of section `number`: from its heading to the next heading found. */
export function sectionRange(headings: SectionHeading[], number: string, lineCount: number): [number, number] | null {
  const heading = headings.find((h) => h.number === number);
  if (!heading) return null;
  const next = headings.filter((h) => h.index > heading.index).sort((a, b) => a.index - b.index)[0];
  return [heading.index + 1, next ? next.index : lineCount];
}

export interface TitleInfo {
  body: string | null;
  year: number | null;
  line: number | null;
}

const TITLE = /^(.*?)(\d{4})年(?:度)?政府信息公开(?:工作)?(?:年度)?报告/;

/** Body and year from the title, which PDF conversion may spread over two lines. */
export function findTitle(lines: SourceLine[]): TitleInfo {
  const head = lines.slice(0, 12);
  for (let i = 0; i < head.length; i++) {
    const text = lineText(head[i]).replace(/^#+/, '');
    const m = TITLE.exec(text);
    if (!m) continue;
    let body = m[1].replace(/[《》]/g, '');
    if (!body && i > 0) {
      const before = lineText(head[i - 1]).replace(/^#+/, '');
      if (/^[\p{Script=Han}（）()]+$/u.test(before)) body = before;
    }
    return { body: body || null, year: Number(m[2]), line: head[i].no };
  }
  return { body: null, year: null, line: null };
}

const DATE_CN = /(\d{4})年(\d{1,2})月(\d{1,2})日/;
const DATE_ISO = /(\d{4})-(\d{1,2})-(\d{1,2})/;
const DATE_LABEL = /(?:发布|成文|公开|印发)(?:日期|时间)[:：]?/;

function isoDate(y: string, m: string, d: string): string {
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Publication date: a labelled 发布日期/发布时间 anywhere, or a date standing alone on one of the
 * last lines (the signature block). Dates inside prose (统计期限自…) are not taken.
 */
export function findPublicationDate(lines: SourceLine[]): { date: string; line: number } | null {
  for (const line of lines) {
    const text = lineText(line);
    if (!DATE_LABEL.test(text)) continue;
    const after = text.slice(text.search(DATE_LABEL));
    const m = DATE_CN.exec(after) ?? DATE_ISO.exec(after);
    if (m) return { date: isoDate(m[1], m[2], m[3]), line: line.no };
  }
  for (const line of lines.slice(-6).reverse()) {
    const text = lineText(line);
    const m = /^(?:\D{0,30}?)(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(text);
    if (m) return { date: isoDate(m[1], m[2], m[3]), line: line.no };
  }
  return null;
}
