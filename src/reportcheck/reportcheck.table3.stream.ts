/**
 * Section 三 read by following the statutory label sequence instead of line breaks (copied text
 * in any whitespace state, see reportcheck.stream.ts). Each row's label is looked for after the
 * previous one: first as marker and opening words (“2.其他”, “2、其他”, “（2）其他”), else by a
 * distinctive phrase of it (a garbled or unnumbered label). The figures between one label and
 * the next are the row's cells; run together, they are cut by the row and column sums as on any
 * line (every candidate listed when that is not unique).
 */
import { APPLICANT_COLUMNS, APPLICATION_ROWS, type ApplicantRow } from '../report/report.model.ts';
import type { ReportFinding } from '../report/report.validate.ts';
import type { SourceLine } from './reportcheck.text.ts';
import { readCells } from './reportcheck.cells.ts';
import { rowTotalHolds } from './reportcheck.digits.ts';
import { expectedBare } from './reportcheck.table3.labels.ts';
import { finishTable3, labelFor, type RowKey, type Table3Result } from './reportcheck.table3.ts';
import { figuresIn, streamOf, type Stream } from './reportcheck.stream.ts';

interface RowPattern {
  key: RowKey;
  /** Marker and the label's first words. */
  strong: RegExp;
  /** The marker alone, looked for just before a phrase found by `weak`. */
  marker: RegExp;
  /** Phrases found in no other label of the table. */
  weak: string[];
}

const CN = '一二三四五六七';

/** Phrases that tell a row from every other when its marker is lost or its words garbled. */
const PHRASES: Record<RowKey, string[]> = {
  newReceived: ['本年新收'],
  carriedOver: ['上年结转'],
  disclosed: ['予以公开'],
  partiallyDisclosed: ['部分公开'],
  withheld1: ['国家秘密'],
  withheld2: ['其他法律', '禁止公开'],
  withheld3: ['三安全一稳定', '危及'],
  withheld4: ['第三方合法权益', '保护第三方'],
  withheld5: ['三类内部事务', '内部事务'],
  withheld6: ['四类过程性', '过程性信息'],
  withheld7: ['行政执法案卷', '执法案卷'],
  withheld8: ['行政查询事项', '查询事项'],
  unable1: ['不掌握'],
  unable2: ['另行制作', '没有现成'],
  unable3: ['仍不明确', '补正后申请'],
  notProcessed1: ['信访举报', '投诉类'],
  notProcessed2: ['重复申请'],
  notProcessed3: ['公开出版物'],
  notProcessed4: ['大量反复'],
  notProcessed5: ['重新出具', '已获取信息'],
  otherHandling: ['其他处理'],
  otherHandling1: ['逾期不补正'],
  otherHandling2: ['收费通知', '缴纳费用'],
  otherHandling3: [],
  total: ['总计'],
  carriedForward: ['结转下年度'],
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function markerOf(key: RowKey): string {
  if (key === 'otherHandling') return '（六）';
  const label = APPLICATION_ROWS.find((r) => r.key === key)!.label;
  const top = /^([一二三四五六七])、/.exec(label);
  if (top) return `${top[1]}[、.]`;
  const paren = /^（([一二三四五六七])）/.exec(label);
  if (paren) return `（${paren[1]}）`;
  const n = /^(\d+)\./.exec(label)![1];
  // Items are numbered 1. / 1、 / （1） / (1) or with the Chinese numeral in parentheses.
  return `(?:${n}[.、]|（${n}）|（${CN[Number(n) - 1]}）)`;
}

/** The single （六） row of the 2019 layout stands before item 1 of the 2021 layout. */
const SEQUENCE: RowKey[] = APPLICATION_ROWS.flatMap((r): RowKey[] => (r.key === 'otherHandling1' ? ['otherHandling', r.key] : [r.key]));

const PATTERNS: RowPattern[] = SEQUENCE.map((key) => {
  const marker = markerOf(key);
  const opening = key === 'otherHandling' ? '其他处理' : [...expectedBare(key)].slice(0, 2).join('');
  return { key, strong: new RegExp(`${marker}${escape(opening)}`, 'g'), marker: new RegExp(marker, 'g'), weak: PHRASES[key] };
});

interface Found {
  key: RowKey;
  start: number;
  end: number;
}

/** How far before a phrase its marker may stand (the longest label is 34 characters). */
const MARKER_REACH = 40;

function find(text: string, pattern: RowPattern, cursor: number): Found | null {
  pattern.strong.lastIndex = cursor;
  const strong = pattern.strong.exec(text);
  if (strong) return { key: pattern.key, start: strong.index, end: strong.index + strong[0].length };
  let best: Found | null = null;
  for (const phrase of pattern.weak) {
    const at = text.indexOf(phrase, cursor);
    if (at < 0 || (best && at >= best.start)) continue;
    let start = at;
    const from = Math.max(cursor, at - MARKER_REACH);
    pattern.marker.lastIndex = from;
    for (let m = pattern.marker.exec(text); m && m.index < at; m = pattern.marker.exec(text)) start = m.index;
    best = { key: pattern.key, start, end: at + phrase.length };
  }
  return best;
}

/** Rows after the one looked for that may decide it was found too far down. */
const LOOKAHEAD = 3;

/** Row labels in statutory order; a row whose label comes after a later row's is not there. */
export function locateLabels(text: string): Found[] {
  const found: Found[] = [];
  let cursor = 0;
  PATTERNS.forEach((pattern, i) => {
    const m = find(text, pattern, cursor);
    if (!m) return;
    for (const later of PATTERNS.slice(i + 1, i + 1 + LOOKAHEAD)) {
      const n = find(text, later, cursor);
      if (n && n.start < m.start) return;
    }
    found.push(m);
    cursor = m.end;
  });
  return found;
}

export function readTable3Stream(lines: SourceLine[], furniture: string[] = []): Table3Result & { stream: Stream } {
  const stream = streamOf(lines, furniture);
  const findings: ReportFinding[] = [];
  const read = new Map<RowKey, ApplicantRow>();
  const sources: Record<string, (number | null)[]> = {};
  const ambiguous = new Map<RowKey, number[][]>();
  const labels = locateLabels(stream.text);
  const items = labels.some((l) => /^otherHandling\d$/.test(l.key));
  labels.forEach((label, i) => {
    const to = labels[i + 1]?.start ?? stream.text.length;
    const figures = figuresIn(stream, label.end, to);
    // The （六） group label of the 2021 layout carries no figures of its own.
    if (label.key === 'otherHandling' && (items || figures.length === 0)) return;
    const line = figures[0]?.line ?? stream.lineOf[label.start];
    const cells = readCells(
      figures.map((f) => f.text),
      7,
      rowTotalHolds,
      { section: '三', row: label.key, label: labelFor(label.key), line, columns: APPLICANT_COLUMNS },
    );
    findings.push(...cells.findings);
    read.set(label.key, cells.values);
    sources[label.key] = cells.values.map(() => line);
    if (cells.candidates.length > 1) ambiguous.set(label.key, cells.candidates);
  });
  return { ...finishTable3(read, sources, ambiguous, findings), stream };
}

/** Rows read whole (or with their candidates listed): the measure of which reading to keep. */
export function rowsRead(result: Table3Result): number {
  const unread = new Set(
    result.findings
      .filter((f) => ['reportcheck.table3_row_missing', 'reportcheck.row_unreadable', 'reportcheck.digits_undecodable'].includes(f.code))
      .map((f) => f.location?.row),
  );
  return Object.keys(result.rows).filter((k) => !unread.has(k)).length;
}
