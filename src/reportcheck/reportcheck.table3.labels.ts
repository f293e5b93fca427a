/**
 * Recognising the row labels of the section 三 table as printed: several labels on one line
 * (三、本年度办理结果 (一) 予以公开), group labels on a line of their own or on the wrong row,
 * labels wrapped over lines or garbled by conversion (2.其他法律行政止公开).
 */
import { APPLICATION_ROWS, type ApplicationRowKey } from '../report/report.model.ts';
import { canonicalLabel } from './reportcheck.text.ts';
import { labelSimilarity } from './reportcheck.similarity.ts';

export type GroupNumber = '三' | '四' | '五' | '六';

export type LabelPart =
  | { kind: 'row'; key: ApplicationRowKey; printed: string; score: number }
  | { kind: 'group'; group: GroupNumber; printed: string }
  | { kind: 'heading'; printed: string }
  | { kind: 'text'; printed: string };

/** Splits before 一、 （一） 1. markers (a digit after a digit or dot is part of a number). */
const MARKER_SPLIT = /(?=[一二三四五六七]、)|(?=（[一二三四五六七]）)|(?=(?<![\d.])\d{1,2}\.(?!\d))/;

const TOP_ROWS: Record<string, ApplicationRowKey> = { 一: 'newReceived', 二: 'carriedOver', 四: 'carriedForward' };
const PAREN_ROWS: Record<string, ApplicationRowKey> = { 一: 'disclosed', 二: 'partiallyDisclosed', 七: 'total' };
const GROUP_OF_PAREN: Record<string, GroupNumber> = { 三: '三', 四: '四', 五: '五', 六: '六' };
const GROUP_LABEL: Record<GroupNumber, string> = {
  三: '（三）不予公开',
  四: '（四）无法提供',
  五: '（五）不予处理',
  六: '（六）其他处理',
};

/** Expected label text without its marker, canonical. */
function bareLabel(label: string): string {
  return canonicalLabel(label).replace(/^(?:[一二三四五六七]、|（[一二三四五六七]）|\d{1,2}\.)/, '');
}

const LEAVES = APPLICATION_ROWS.filter((r) => 'group' in r).map((r) => ({
  key: r.key as ApplicationRowKey,
  number: Number(/^(\d+)\./.exec(r.label)![1]),
  group: ('group' in r ? (r.group as string) : '').slice(1, 2) as GroupNumber,
  bare: bareLabel(r.label),
}));

export function expectedBare(key: ApplicationRowKey): string {
  return bareLabel(APPLICATION_ROWS.find((r) => r.key === key)!.label);
}

export function groupOf(key: ApplicationRowKey): GroupNumber | null {
  return LEAVES.find((l) => l.key === key)?.group ?? null;
}

export function leafNumber(key: ApplicationRowKey): number | null {
  return LEAVES.find((l) => l.key === key)?.number ?? null;
}

/** Score below which a numbered label is not trusted on its text alone. */
const LEAF_MATCH = 0.4;
/** Score a 一、 or （一） row label needs (headings of prose paragraphs share the markers). */
const ROW_MATCH = 0.5;
/** Score an unnumbered label needs (damaged text that lost its numbering). */
const BARE_MATCH = 0.75;

/** Characters the first line of a wrapped label needs before it is trusted as the label's start. */
const WRAPPED_START = 6;

/**
 * A long label wrapped over lines comes first as its opening words alone (“申请人逾期未按收费通知要求”),
 * too short against the whole label to score on similarity; being its exact start, it is trusted.
 */
function leafScore(text: string, bare: string): number {
  const score = labelSimilarity(text, bare);
  return [...text].length >= WRAPPED_START && bare.startsWith(text) ? Math.max(score, LEAF_MATCH) : score;
}

function matchLeaf(number: number, text: string, context: GroupNumber | null): { key: ApplicationRowKey; score: number } | null {
  const candidates = LEAVES.filter((l) => l.number === number).map((l) => ({
    key: l.key,
    group: l.group,
    score: leafScore(text, l.bare),
  }));
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best) return null;
  const inContext = context ? candidates.find((c) => c.group === context) : undefined;
  // Prefer the current group when its label scores nearly as well (short or truncated text).
  if (inContext && inContext.score >= best.score - 0.1 && inContext.score >= LEAF_MATCH) {
    return { key: inContext.key, score: inContext.score };
  }
  if (best.score >= LEAF_MATCH) return { key: best.key, score: best.score };
  if (inContext) return { key: inContext.key, score: inContext.score };
  return null;
}

/**
 * Labels repeat across reports (25 rows, a few spellings each), so results are remembered;
 * the cache is bounded so that a stream of garbled labels cannot grow it without end.
 */
const CACHE = new Map<string, LabelPart[]>();
const CACHE_LIMIT = 5000;

/** The label parts of one line, left to right. `context` is the group seen last. */
export function parseLabel(label: string, context: GroupNumber | null): LabelPart[] {
  const key = `${context ?? ''}|${label}`;
  const cached = CACHE.get(key);
  if (cached) return cached;
  const parts = parseLabelUncached(label, context);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(key, parts);
  return parts;
}

function parseLabelUncached(label: string, context: GroupNumber | null): LabelPart[] {
  const parts: LabelPart[] = [];
  let group = context;
  // Items numbered “1、” or “（1）” as in many reports (“1.” in the national format).
  const segments = canonicalLabel(label)
    .replace(/(?<![\d.])(\d{1,2})、/g, '$1.')
    .replace(/（(\d{1,2})）/g, '$1.')
    .split(MARKER_SPLIT)
    .filter((s) => s !== '');
  for (const printed of segments) {
    const top = /^([一二三四五六七])、(.*)$/.exec(printed);
    const paren = /^（([一二三四五六七])）(.*)$/.exec(printed);
    const leaf = /^(\d{1,2})\.(.*)$/.exec(printed);
    if (top) {
      const key = TOP_ROWS[top[1]];
      const score = key ? labelSimilarity(top[2], expectedBare(key)) : 0;
      if (key && score >= ROW_MATCH) parts.push({ kind: 'row', key, printed, score });
      else parts.push({ kind: key ? 'text' : 'heading', printed });
    } else if (paren) {
      const key = PAREN_ROWS[paren[1]];
      const score = key ? labelSimilarity(paren[2], expectedBare(key)) : 0;
      if (key && score >= ROW_MATCH) parts.push({ kind: 'row', key, printed, score });
      else if (key) parts.push({ kind: 'text', printed });
      else if (isGroupLabel(paren[2], GROUP_OF_PAREN[paren[1]])) {
        group = GROUP_OF_PAREN[paren[1]];
        parts.push({ kind: 'group', group, printed });
      } else parts.push({ kind: 'text', printed });
    } else if (leaf) {
      const match = matchLeaf(Number(leaf[1]), leaf[2], group);
      if (match) parts.push({ kind: 'row', key: match.key, printed, score: match.score });
      else parts.push({ kind: 'text', printed });
    } else {
      parts.push({ kind: 'text', printed });
    }
  }
  // A damaged line with no marker at all may still carry a recognisable label.
  if (parts.length === 1 && parts[0].kind === 'text' && [...parts[0].printed].length >= 4) {
    const text = parts[0].printed;
    let best: { key: ApplicationRowKey; score: number } | null = null;
    for (const row of APPLICATION_ROWS) {
      const score = labelSimilarity(text, bareLabel(row.label));
      if (!best || score > best.score) best = { key: row.key, score };
    }
    if (best && best.score >= BARE_MATCH) return [{ kind: 'row', key: best.key, printed: text, score: best.score }];
  }
  return parts;
}

/**
 * The text after a group's marker: its label, or the label's first characters when the cell
 * wrapped it over lines (“（六）其” / “他处理”, “（三）不” / “予公开”).
 */
function isGroupLabel(text: string, group: GroupNumber): boolean {
  const bare = bareLabel(GROUP_LABEL[group]);
  return labelSimilarity(text, bare) >= ROW_MATCH || (text !== '' && bare.startsWith(text));
}

export function groupLabel(group: GroupNumber): string {
  return GROUP_LABEL[group];
}
