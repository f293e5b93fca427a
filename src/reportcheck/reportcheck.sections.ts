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

const HEADING = /^(?:#+)?([一二三四五六])(、?)(.{2,40})$/;

/** Minimum similarity for a line to count as a section heading rather than a table row. */
const HEADING_MATCH = 0.6;
/** The same when the 、 after the number is missing (OCR of a scan drops it): the title must be closer. */
const BARE_HEADING_MATCH = 0.8;

export function findHeadings(lines: SourceLine[]): SectionHeading[] {
  const found: SectionHeading[] = [];
  lines.forEach((line, index) => {
    // Most lines are no heading: without a 、 none can be, and the label is not worth building.
    if (!line.cells.some((c) => c.includes('、'))) return;
    const text = canonicalLabel(lineText(line)).replace(/^#+/, '');
    const m = HEADING.exec(text);
    if (!m) return;
    const [, number, comma, title] = m;
    const spec = SECTION_TITLES[number];
    const candidates = [spec.title, ...spec.variants];
    const best = Math.max(...candidates.map((c) => labelSimilarity(title.replace(/[。：:]$/, ''), c)));
    if (best < (comma ? HEADING_MATCH : BARE_HEADING_MATCH)) return;
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

/**
 * A report's title in its published forms: “XX2022年政府信息公开工作年度报告”, “XX局2022年度政府信息
 * 公开工作年度报告”, “关于2022年度政府信息公开情况的报告”, “XX2022年政务公开工作年度报告”.
 */
const TITLE = /^(.*?)(?:关于)?(\d{4})年(?:度)?(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:情况)?(?:的)?(?:年度)?(?:工作)?报告/;
/** The year first: “2022年度某某县财政局政府信息公开工作年度报告”. */
const TITLE_YEAR_FIRST = /^(?:关于)?(\d{4})年(?:度)?(.{2,30}?)(政府)?(?:信息公开|政务公开)(?:工作)?(?:情况)?(?:的)?(?:年度)?(?:工作)?报告/;

export interface TitleMatch {
  /** The whole title as matched. */
  whole: string;
  /** What stands for the body (before the year, or between year and 政府信息公开), uncleaned. */
  body: string;
  year: number;
  /** The title's words without the body, to find the printed line. */
  rest: string;
}

/** A report title in any of its forms, at the start of `text` (compact). */
export function matchTitle(text: string): TitleMatch | null {
  const m = TITLE.exec(text);
  if (m) return { whole: m[0], body: m[1], year: Number(m[2]), rest: m[0].slice(m[1].length) };
  const y = TITLE_YEAR_FIRST.exec(text);
  if (!y) return null;
  // “2022年度某某县政府信息公开…”: the county's 政府 belongs to the body's name.
  const body = y[3] && /[省市县区旗州]$/.test(y[2]) ? `${y[2]}政府` : y[2];
  return { whole: y[0], body, year: Number(y[1]), rest: y[0] };
}

/** Words of the sentence that introduces a report, never of a body's name. */
const SENTENCE_WORDS = /本报告|根据|编制|要求|如下|现将|印发|通知/;

/** Longest body name taken from a title; longer text before the year is a sentence. */
const BODY_CHARS = 30;

/**
 * The body's name as printed before the year, without what pages put around it: a field label
 * (“标题:”), “关于”, book-title marks, or the sentence that announces the report (“现公布…”).
 */
export function cleanBody(raw: string): string | null {
  let body = raw.replace(/[《》“”"]/g, '');
  // Only the words after the last punctuation belong to the name.
  body = body.split(/[，。；：:,;！!？?]/).pop() ?? '';
  // A page's breadcrumb run into the title (“当前位置：首页政务公开…政府信息公开年报平潭综合实验区”):
  // no body's name holds 首页, and the trail ends with its column (…年报, …年度报告, …公开).
  body = body.replace(/^.*首页.*(?:年报|年度报告|信息公开|政务公开)(?=[\p{Script=Han}])/u, '');
  body = body.replace(/^(?:标题|题目|文章标题|名称)/, '').replace(/^(?:现将|现予公布|现公布|公布|发布|根据|特发布)/, '').replace(/关于$/, '');
  if (!body || [...body].length > BODY_CHARS || !/^[\p{Script=Han}（）()·\d]+$/u.test(body)) return null;
  if (SENTENCE_WORDS.test(body)) return null;
  return body;
}

/** Lines searched for the title: a saved page has its menus first, so up to the first section heading. */
const TITLE_SEARCH_LINES = 80;

/**
 * Body and year from the title, which PDF conversion may spread over two lines. A title line
 * (short) wins over a sentence that names the report; `alternatives` are titles known from
 * outside the text (a page's metadata), used when the text has none or names no body.
 */
export function findTitle(lines: SourceLine[], alternatives: string[] = [], headings: SectionHeading[] = findHeadings(lines)): TitleInfo {
  const firstHeading = headings[0]?.index ?? TITLE_SEARCH_LINES;
  const head = lines.slice(0, Math.max(12, Math.min(firstHeading, TITLE_SEARCH_LINES)));
  // The page's own title names its article; the menus around it name other years' reports.
  for (const alternative of alternatives) {
    const m = matchTitle(alternative.replace(/\s+/g, ''));
    const body = m ? cleanBody(m.body) : null;
    if (!m || !body) continue;
    const printed = head.find((l) => lineText(l).includes(m.rest));
    return { body, year: m.year, line: printed?.no ?? null };
  }
  const matches: (TitleInfo & { short: boolean })[] = [];
  for (let i = 0; i < head.length; i++) {
    let text = lineText(head[i]).replace(/^#+/, '');
    let m = matchTitle(text);
    // A title broken over two lines (“2024 年上海市科委政府信息公开工作” / “年度报告”), as PDF text has it.
    if (!m && i + 1 < head.length && /\d{4}年/.test(text) && [...text].length <= 40) {
      const joined = text + lineText(head[i + 1]).replace(/^#+/, '');
      const j = matchTitle(joined);
      if (j && j.whole.length > text.length) [text, m] = [joined.slice(0, j.whole.length), j];
    }
    if (!m) continue;
    let body = cleanBody(m.body);
    if (!body && m.body === '' && i > 0) {
      const before = lineText(head[i - 1]).replace(/^#+/, '');
      if (/^[\p{Script=Han}（）()]+$/u.test(before)) body = cleanBody(before);
    }
    matches.push({ body, year: m.year, line: head[i].no, short: [...text].length <= 60 });
  }
  // The last title line before the report's first section: menus and links come before it.
  const last = <T,>(list: T[], pred: (t: T) => boolean) => list.filter(pred).pop();
  const found = last(matches, (t) => t.short && t.body !== null) ?? last(matches, (t) => t.short) ?? matches[0];
  if (found?.body) return { body: found.body, year: found.year, line: found.line };
  for (const title of alternatives) {
    const m = matchTitle(title.replace(/\s+/g, ''));
    if (!m) continue;
    if (!found) return { body: null, year: m.year, line: null };
  }
  return found ? { body: found.body, year: found.year, line: found.line } : { body: null, year: null, line: null };
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
