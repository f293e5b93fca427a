/**
 * The narrative of the annual report (pure): the parts an editor writes as rich text, the
 * placeholders that insert computed figures, and sanitizing.
 *
 * Sections 一 (with the five sub-heads the format names, 国办公开办函〔2021〕30号 一（一）:
 * 主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障), 五 and 六 are written
 * by people. A figure written as a placeholder such as {{本年新收申请}} is replaced by the computed
 * value, so the text cannot contradict the tables.
 */
import { sanitizeHtml } from '../shared/sanitize-html.lazy.ts';
import type { AnnualReport, NarrativeSection } from './report.model.ts';
import type { ProactiveFiguresForReport } from './report.sources.ts';
import { computeReport, NO_ENTERED_FIGURES } from './report.compute.ts';

export const NARRATIVE_PARTS = [
  { key: 'zdgk', section: '一', label: '（一）主动公开情况' },
  { key: 'ysqgk', section: '一', label: '（二）依申请公开情况' },
  { key: 'xxgl', section: '一', label: '（三）政府信息管理' },
  { key: 'ptjs', section: '一', label: '（四）政府信息公开平台建设' },
  { key: 'jdbz', section: '一', label: '（五）监督保障' },
  { key: 'wu', section: '五', label: '存在的主要问题及改进情况' },
  { key: 'liu', section: '六', label: '其他需要报告的事项' },
] as const;
export type NarrativePartKey = (typeof NARRATIVE_PARTS)[number]['key'];
export type NarrativeParts = Record<NarrativePartKey, string>;
export const NARRATIVE_PART_KEYS = NARRATIVE_PARTS.map((p) => p.key) as NarrativePartKey[];

const SECTION_TITLES = { 一: '总体情况', 五: '存在的主要问题及改进情况', 六: '其他需要报告的事项' } as const;

/** Rich text on input: paragraphs, lists and emphasis only; no attributes, no scripts, no links. */
export function sanitizeNarrative(input: string): string {
  return sanitizeHtml(input, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'h3', 'h4'],
    allowedAttributes: {},
    disallowedTagsMode: 'discard',
  }).trim();
}

/** Plain text → HTML paragraphs (one per line), for text written or imported without markup. */
export function textToHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
}

/** The paragraphs of a rich text as plain text (for checks and similarity). */
export { htmlParagraphs } from '../render/html/html-text.ts';

type Figure = number | string | null;

/** The placeholders an editor may write, with the figure each inserts. */
export function placeholderValues(report: AnnualReport, proactive: ProactiveFiguresForReport | null): Record<string, Figure> {
  const rows = report.applications.rows;
  const total = (k: keyof typeof rows) => rows[k]?.[6] ?? null;
  const sum = (keys: (keyof typeof rows)[]) =>
    keys.reduce<number | null>((s, k) => (s === null || total(k) === null ? null : s + (total(k) as number)), 0);
  const rl = report.reviewLitigation;
  const p = proactive;
  return {
    年度: report.year,
    本年新收申请: total('newReceived'),
    上年结转申请: total('carriedOver'),
    办结申请: total('total'),
    结转下年度申请: total('carriedForward'),
    予以公开: total('disclosed'),
    部分公开: total('partiallyDisclosed'),
    不予公开: sum(['withheld1', 'withheld2', 'withheld3', 'withheld4', 'withheld5', 'withheld6', 'withheld7', 'withheld8']),
    无法提供: sum(['unable1', 'unable2', 'unable3']),
    不予处理: sum(['notProcessed1', 'notProcessed2', 'notProcessed3', 'notProcessed4', 'notProcessed5']),
    其他处理: sum(['otherHandling1', 'otherHandling2', 'otherHandling3']),
    行政复议: rl.review[4],
    行政诉讼: rl.litigationDirect[4] === null || rl.litigationAfterReview[4] === null ? null : rl.litigationDirect[4] + rl.litigationAfterReview[4],
    主动公开信息条数: p ? p.itemsPublished : null,
    政策文件: p ? p.policyDocuments : null,
    公告公示: p ? p.announcements : null,
    重点领域信息: p ? p.keyAreaItems : null,
    政策解读: p ? p.interpretations : null,
    信箱答复: p ? p.mailboxReplies : null,
    政务新媒体: p ? p.newMediaAccounts : null,
    本年制发规范性文件: report.proactive.normativeDocuments[0],
    现行有效规范性文件: report.proactive.normativeDocuments[2],
    信息处理费: report.fees.amountYuan,
  };
}

/** Every placeholder name, in the order the editor's menu lists them. */
export const PLACEHOLDER_NAMES = Object.keys(
  placeholderValues(computeReport({ body: { name: '' }, year: 0, records: null, proactive: null, entered: NO_ENTERED_FIGURES, narrative: [] }).report, null),
);

const PLACEHOLDER = /\{\{\s*([^{}\s]{1,20})\s*\}\}/g;

export interface FilledText {
  html: string;
  /** Placeholders with no such name. */
  unknown: string[];
  /** Placeholders whose figure is missing (shown as 未填报). */
  missing: string[];
}

export function fillPlaceholders(text: string, values: Record<string, Figure>): FilledText {
  const unknown: string[] = [];
  const missing: string[] = [];
  const out = text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!Object.hasOwn(values, name)) {
      unknown.push(name);
      return whole;
    }
    const v = values[name];
    if (v === null) {
      missing.push(name);
      return '未填报';
    }
    return String(v);
  });
  return { html: out, unknown, missing };
}

/** The narrative sections of the model (一, 五, 六) from the parts, placeholders filled. */
export function composeNarrative(parts: NarrativeParts, values: Record<string, Figure>): NarrativeSection[] {
  return (['一', '五', '六'] as const).map((number) => ({
    number,
    title: SECTION_TITLES[number],
    format: 'html' as const,
    text: NARRATIVE_PARTS.filter((p) => p.section === number)
      .map((p) => fillPlaceholders(parts[p.key] ?? '', values).html)
      .join(''),
  }));
}

/** The starting text of a body's first report: one paragraph per part, figures as placeholders. */
export function defaultNarrative(): NarrativeParts {
  return {
    zdgk: '<p>（一）主动公开情况。{{年度}}年，通过门户网站发布政府信息{{主动公开信息条数}}条，其中政策文件{{政策文件}}个，公告公示{{公告公示}}个，重点领域信息{{重点领域信息}}条，政策解读{{政策解读}}条，留言答复{{信箱答复}}条。</p>',
    ysqgk: '<p>（二）依申请公开情况。{{年度}}年，共受理政府信息公开申请{{本年新收申请}}件，上年结转{{上年结转申请}}件，办结{{办结申请}}件，结转下年度{{结转下年度申请}}件。</p>',
    xxgl: '',
    ptjs: '<p>（四）政府信息公开平台建设。政务新媒体{{政务新媒体}}个。</p>',
    jdbz: '',
    wu: '',
    liu: '<p>{{年度}}年收取政府信息公开信息处理费{{信息处理费}}元。</p>',
  };
}

export function emptyNarrativeParts(): NarrativeParts {
  return Object.fromEntries(NARRATIVE_PART_KEYS.map((k) => [k, ''])) as NarrativeParts;
}

/** Accepts a partial, untrusted object of parts and returns sanitized parts. */
export function sanitizeParts(input: Partial<Record<string, unknown>>, base: NarrativeParts): NarrativeParts {
  const out = { ...base };
  for (const key of NARRATIVE_PART_KEYS) {
    const v = input[key];
    if (typeof v === 'string') out[key] = sanitizeNarrative(v);
  }
  return out;
}
