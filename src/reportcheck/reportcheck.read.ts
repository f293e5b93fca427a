/**
 * The reading pipeline for one report, from source lines to the report model: frame (title,
 * headings), section 二/三/四 tables, narrative and figures. Pure: no I/O, no clock.
 */
import { APPLICANT_COLUMNS, APPLICATION_ROWS } from '../report/report.model.ts';
import type { ReportFinding } from '../report/report.validate.ts';
import type { SourceLine } from './reportcheck.text.ts';
import { cleanBody, matchTitle, findHeadings, findPublicationDate, findTitle, sectionRange, SECTION_TITLES, type SectionHeading } from './reportcheck.sections.ts';
import { readTable2 } from './reportcheck.table2.ts';
import { readTable3, type Table3Result } from './reportcheck.table3.ts';
import { locateLabels, readTable3Stream, rowsRead } from './reportcheck.table3.stream.ts';
import { streamOf } from './reportcheck.stream.ts';
import { splitRunOn } from './reportcheck.runon.ts';
import { lineText } from './reportcheck.text.ts';
import { readTable4 } from './reportcheck.table4.ts';
import { parseLabel } from './reportcheck.table3.labels.ts';
import { rowParts } from './reportcheck.row.ts';
import { feeStatement, findFigures, joinProse, narrativeSection } from './reportcheck.narrative.ts';
import type { ReadReport } from './reportcheck.types.ts';

/** Score a label needs to mark the start of the section 三 table when its heading is missing. */
const TABLE3_START = 0.9;

function firstTable3Line(lines: SourceLine[], from: number, to: number): number | null {
  for (let i = from; i < to; i++) {
    const { label } = rowParts(lines[i], 7);
    if (label && parseLabel(label, null).some((p) => p.kind === 'row' && p.score >= TABLE3_START)) return i;
  }
  return null;
}

/** Labels a run-on line must hold, in order, to be taken as the section 三 table. */
const TABLE3_STREAM_LABELS = 5;

function firstTable3Stream(lines: SourceLine[], from: number, to: number): number | null {
  for (let i = from; i < to; i++) {
    if (locateLabels(streamOf([lines[i]]).text).length >= TABLE3_STREAM_LABELS) return i;
  }
  return null;
}

function indexOf(headings: SectionHeading[], number: string): number | null {
  return headings.find((h) => h.number === number)?.index ?? null;
}

/**
 * Section 三 read line by line (labels and figures on the printed rows), and, when that leaves
 * rows unread, by the label sequence regardless of line breaks; the reading with more rows wins.
 */
function readTable3Either(lines: SourceLine[], furniture: string[]): Table3Result {
  const complete = APPLICATION_ROWS.length;
  // Line by line, a line gives one row (the single （六） row of 2019 stands for its three items):
  // a table on fewer lines than that cannot be read whole that way, and is read by sequence first.
  const fewLines = lines.length > 0 && lines.length + SINGLE_ROW_ITEMS < complete;
  let bySequence: Table3Result | null = null;
  if (fewLines) {
    const { stream: _stream, ...read } = readTable3Stream(lines, furniture);
    bySequence = read;
  }
  // The line reading cannot have more rows than lines (plus the three items of a single row).
  if (bySequence && rowsRead(bySequence) > lines.length + SINGLE_ROW_ITEMS) return withSequenceNotice(bySequence);
  const byLine = readTable3(lines);
  if (rowsRead(byLine) >= complete || lines.length === 0) return byLine;
  if (!bySequence) {
    const { stream: _stream, ...read } = readTable3Stream(lines, furniture);
    bySequence = read;
  }
  if (rowsRead(bySequence) <= rowsRead(byLine)) return byLine;
  return withSequenceNotice(bySequence);
}

/** Items （六） 1–3 that one single row of the 2019 layout stands for, beyond its own. */
const SINGLE_ROW_ITEMS = 3;

function withSequenceNotice(bySequence: Table3Result): Table3Result {
  bySequence.findings.unshift({
    code: 'reportcheck.read_by_label_sequence',
    severity: 'info',
    message: '第三部分表格的换行与表格行不对应（整表连成一行、每格一行或行名折行），已按法定行名顺序读取各行数字',
    location: { section: '三' },
  });
  return bySequence;
}

export interface ReadOptions {
  source?: string;
  /** Publication date known from outside the text (the page's metadata), YYYY-MM-DD. */
  publishedOn?: string | null;
  /** Titles known from outside the text (a saved page's ArticleTitle and <title>), best first. */
  titles?: string[];
  /** The publishing body named outside the text (a page's ContentSource), when no title names one. */
  sourceBody?: string | null;
}

export function readLines(source: SourceLine[], options: ReadOptions = {}): ReadReport {
  const lines = splitRunOn(source);
  const findings: ReportFinding[] = [];
  const headings = findHeadings(lines);
  const n = lines.length;
  const at = (number: string) => indexOf(headings, number);
  const after = (number: string) => (at(number) ?? -1) + 1;
  const firstOf = (...numbers: string[]) => {
    const found = numbers.map(at).filter((i): i is number => i !== null);
    return found.length ? Math.min(...found) : n;
  };

  // Section 三 starts at its heading, or (heading lost) at the first unmistakable row label.
  const end3 = firstOf('四', '五', '六');
  const start3 =
    at('三') !== null ? after('三') : (firstTable3Line(lines, after('二'), end3) ?? firstTable3Stream(lines, after('二'), end3));
  const start2 = after('二');
  const end2 = at('三') ?? start3 ?? firstOf('四', '五', '六');

  const title = findTitle(lines, options.titles ?? [], headings);
  // The title printed again at the top of each page is no part of a table.
  const furniture = lines
    .filter((l) => l.no === title.line)
    .map(lineText)
    .filter((t) => t.length <= 60 && matchTitle(t) !== null);
  const table2 = readTable2(at('二') !== null || start2 < end2 ? lines.slice(start2, end2) : []);
  const table3 = readTable3Either(start3 !== null ? lines.slice(start3, end3) : [], furniture);
  const table4 = readTable4(at('四') !== null ? lines.slice(after('四'), firstOf('五', '六')) : lines.slice(end3, firstOf('五', '六')));
  findings.push(...table2.findings, ...table3.findings, ...table4.findings);

  if (title.body === null && options.sourceBody) title.body = cleanBody(options.sourceBody);
  if (title.year === null) {
    findings.push({ code: 'reportcheck.year_missing', severity: 'error', message: '标题中未找到报告年度', location: {} });
  }
  if (title.body === null) {
    findings.push({ code: 'reportcheck.body_missing', severity: 'warning', message: '标题中未找到发布机关名称', location: {} });
  }

  const proseLines = (number: string) => {
    const range = sectionRange(headings, number, n);
    return range ? lines.slice(range[0], range[1]) : [];
  };
  const narrative = headings
    .slice()
    .sort((a, b) => a.index - b.index)
    .map((h) => narrativeSection(h.number, h.title, ['一', '五', '六'].includes(h.number) ? proseLines(h.number) : []));
  const preamble = lines.slice(0, firstOf('一', '二', '三', '四', '五', '六'));
  const proseSource = headings.length
    ? [...preamble, ...proseLines('一'), ...proseLines('五'), ...proseLines('六')]
    : lines.filter((l) => rowParts(l, 7).values.length === 0);
  const prose = joinProse(proseSource);
  const figures = findFigures(prose);

  const published = options.publishedOn
    ? { date: options.publishedOn, line: null }
    : findPublicationDate(lines);

  const report: ReadReport = {
    schemaVersion: 1,
    source: options.source ?? '',
    body: { name: title.body ?? '' },
    year: title.year ?? 0,
    format: table2.format === '2019' ? '2019' : '2021',
    proactive: table2.proactive,
    applications: { columns: [...APPLICANT_COLUMNS], rows: table3.rows },
    reviewLitigation: table4.table,
    narrative,
    fees: feeStatement(figures, prose),
    publishedOn: published?.date ?? null,
    headings: headings.map((h) => ({ number: h.number, title: h.title, expectedTitle: SECTION_TITLES[h.number].title, line: h.line })),
    narrativeFigures: figures,
    sources: {
      applications: table3.sources,
      reviewLitigation: table4.sources,
      proactive: table2.sources,
      title: title.line,
      publishedOn: published?.line ?? null,
    },
    findings,
  };
  return report;
}
