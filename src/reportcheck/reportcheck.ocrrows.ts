/**
 * Rows of a scanned section 三 table (and of section 二's tables) found by their ruled cells,
 * labelled by the statutory sequence. OCR of a noisy scan garbles the small print of the labels (“（一）予以公开” comes out
 * as “一) 子 以 人 开”), which the label reader cannot match; the grid is sturdier: section 三 is
 * the only table whose rows end in seven figure cells, and it has a fixed number of them (25,
 * or 23 when （六）其他处理 is one row). When the scan has exactly that many such rows, in page
 * order, each row's label is the statutory one; otherwise the labels stay as OCR read them.
 * Section 二's six rows are found the same way: a label cell, then cells that each hold one figure
 * or nothing, three of them for 规章 and 行政规范性文件, one for the four others.
 *
 * Pure.
 */
import { APPLICATION_ROWS } from '../report/report.model.ts';
import { byBand, type Cell } from './reportcheck.grid.ts';
import type { PositionedWord } from './reportcheck.layout.ts';

/** A band of a ruled table that ends in a run of narrow cells (figure columns). */
export interface FigureRow {
  page: number;
  y0: number;
  y1: number;
  /** Left edge of the band's first cell (the label's) and of its first figure cell. */
  left: number;
  figuresLeft: number;
  /** How many narrow cells end the band. */
  figures: number;
}

/** Slack between the right edge of one cell and the left edge of the next. */
const TOUCH = 6;

/**
 * For each band of cells (same top and bottom), the run of narrow cells (at most `maxWidth`)
 * that ends it on the right, side by side.
 */
export function figureRows(cells: Cell[], maxWidth: number, page: number): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const band of byBand(cells, (c) => c)) {
    let run = 0;
    for (let i = band.length - 1; i >= 0; i--) {
      const c = band[i];
      const touches = i === band.length - 1 || Math.abs(band[i + 1].x0 - c.x1) <= TOUCH;
      if (c.x1 - c.x0 > maxWidth || !touches) break;
      run++;
    }
    if (run === 0) continue;
    const first = band[band.length - run];
    rows.push({ page, y0: band[0].y0, y1: band[0].y1, left: band[0].x0, figuresLeft: first.x0, figures: run });
  }
  return rows.sort((a, b) => a.page - b.page || a.y0 - b.y0);
}

/** Statutory labels of section 三, with （六） as three rows or as one. */
function statutoryLabels(rows: number): { group?: string; label: string }[] | null {
  if (rows === APPLICATION_ROWS.length) return APPLICATION_ROWS.map((r) => ('group' in r ? { group: r.group, label: r.label } : { label: r.label }));
  const single = APPLICATION_ROWS.filter((r) => r.key !== 'otherHandling2' && r.key !== 'otherHandling3').map((r) =>
    r.key === 'otherHandling1' ? { label: '（六）其他处理' } : 'group' in r ? { group: r.group, label: r.label } : { label: r.label },
  );
  return rows === single.length ? single : null;
}

/**
 * The page words with each section 三 row's label replaced by the statutory one (the group's
 * name before a group's first item, as printed), when the scan's rows of seven figure cells are
 * exactly as many as the statutory rows; else the words unchanged.
 */
export function withStatutoryLabels(words: PositionedWord[], rows: FigureRow[]): PositionedWord[] {
  const table = rows.filter((r) => r.figures === 7);
  const labels = statutoryLabels(table.length);
  if (!labels) return words;
  const inLabel = (w: PositionedWord, r: FigureRow) => {
    const cy = (w.y0 + w.y1) / 2;
    return w.page === r.page && cy > r.y0 && cy < r.y1 && (w.x0 + w.x1) / 2 < r.figuresLeft;
  };
  const kept = words.filter((w) => !table.some((r) => inLabel(w, r)));
  const added: PositionedWord[] = [];
  let group: string | undefined;
  table.forEach((r, i) => {
    const { group: g, label } = labels[i];
    const centre = (r.y0 + r.y1) / 2;
    const height = Math.min(24, (r.y1 - r.y0) / 2);
    const box = { page: r.page, y0: centre - height / 2, y1: centre + height / 2 };
    let x = r.left + 4;
    if (g && g !== group) {
      added.push({ ...box, x0: x, x1: x + height * 4, text: g });
      x += height * 5;
    }
    group = g;
    added.push({ ...box, x0: x, x1: Math.max(x + height, r.figuresLeft - 4 - height), text: label });
  });
  return [...kept, ...added];
}

/** What a cell holds once read: one figure (read digits-only), nothing, or other ink (words). */
export type CellContent = 'figure' | 'blank' | 'other';

/** A band of a ruled table: a label cell, then cells that each hold one figure or nothing. */
export interface ValueRow {
  page: number;
  y0: number;
  y1: number;
  left: number;
  /** Left edge of the first value cell (the label cell's right edge). */
  valuesLeft: number;
  /** The value cells of the band, left to right. */
  cells: Cell[];
}

/**
 * The bands whose first cell holds ink (a label) and whose other cells each hold a figure or
 * nothing: a heading band (信息内容 | 本年制发件数 …) has words in them, a title band is one cell.
 */
export function valueRows(cells: Cell[], content: (cell: Cell) => CellContent, page: number): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const band of byBand(cells, (c) => c)) {
    if (band.length < 2 || content(band[0]) === 'blank') continue;
    const values = band.slice(1);
    if (values.some((c) => content(c) === 'other')) continue;
    rows.push({ page, y0: band[0].y0, y1: band[0].y1, left: band[0].x0, valuesLeft: values[0].x0, cells: values });
  }
  return rows.sort((a, b) => a.page - b.page || a.y0 - b.y0);
}

/** Section 二's rows in statutory order (2021 format) and how many figures each holds. */
const SECTION2_ROWS = [
  { label: '规章', values: 3 },
  { label: '行政规范性文件', values: 3 },
  { label: '行政许可', values: 1 },
  { label: '行政处罚', values: 1 },
  { label: '行政强制', values: 1 },
  { label: '行政事业性收费', values: 1 },
];

/** Value rows that may be section 二's: one or three values, before section 三's first row. */
export function section2Candidates(rows: ValueRow[], table3: FigureRow[]): ValueRow[] {
  const first = table3.find((r) => r.figures === 7);
  const before = (r: ValueRow) => !first || r.page < first.page || (r.page === first.page && r.y1 <= first.y0 + TOUCH);
  return rows.filter((r) => (r.cells.length === 1 || r.cells.length === 3) && before(r));
}

/**
 * The page words with section 二's row labels replaced by the statutory ones, when the last six
 * value rows before section 三 hold three, three, one, one, one and one figure cells, as the
 * statutory tables do; else the words unchanged (the 2019 trial layout, a table not ruled).
 */
export function withSection2Labels(words: PositionedWord[], rows: ValueRow[], table3: FigureRow[]): PositionedWord[] {
  const table = section2Candidates(rows, table3).slice(-SECTION2_ROWS.length);
  if (table.length !== SECTION2_ROWS.length || table.some((r, i) => r.cells.length !== SECTION2_ROWS[i].values)) return words;
  return relabel(
    words,
    table.map((r, i) => ({ ...r, labelRight: r.valuesLeft, label: SECTION2_ROWS[i].label })),
  );
}

/** Words in each row's label cell replaced by one word: the row's label, centred on the row. */
function relabel(words: PositionedWord[], rows: { page: number; y0: number; y1: number; left: number; labelRight: number; label: string }[]): PositionedWord[] {
  const inLabel = (w: PositionedWord) =>
    rows.some((r) => {
      const cy = (w.y0 + w.y1) / 2;
      return w.page === r.page && cy > r.y0 && cy < r.y1 && (w.x0 + w.x1) / 2 < r.labelRight;
    });
  return [
    ...words.filter((w) => !inLabel(w)),
    ...rows.map((r) => {
      const centre = (r.y0 + r.y1) / 2;
      const height = Math.min(24, (r.y1 - r.y0) / 2);
      const x = r.left + 4;
      return { page: r.page, y0: centre - height / 2, y1: centre + height / 2, x0: x, x1: Math.max(x + height, r.labelRight - 4 - height), text: r.label };
    }),
  ];
}
