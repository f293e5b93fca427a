/**
 * A table section read as one stream of characters, for copied text whose line breaks say
 * nothing: the whole table on one line with its cells run together, one cell per line, labels
 * wrapped anywhere, page numbers and running headers in between. Whitespace and line breaks are
 * kept only as boundaries between figures; the table readers find the labels in their statutory
 * order in the stream, and the figures between one label and the next are that row's cells.
 * Pure: no I/O.
 */
import type { SourceLine } from './reportcheck.text.ts';
import { compact } from './reportcheck.text.ts';

export interface Stream {
  /** The section's text without whitespace, parentheses full-width. */
  text: string;
  /** Per character of `text`: the source line it came from. */
  lineOf: number[];
  /** Per character: a space, cell border or line break stood before it. */
  gapBefore: boolean[];
}

/** Page numbers left inside the text (`-3-`, `第3页共5页`): they would pass for figures. */
const PAGE_FURNITURE = /[-—–]\d{1,3}[-—–]|第\d{1,3}页(?:[，,]?共\d{1,3}页)?/g;

function canonicalChar(c: string): string {
  if (c === '(') return '（';
  if (c === ')') return '）';
  return c;
}

/**
 * The stream of `lines`. `furniture` are texts printed on every page (the report's title as a
 * running header), cut wherever they occur.
 */
export function streamOf(lines: SourceLine[], furniture: string[] = []): Stream {
  const chars: string[] = [];
  const lineOf: number[] = [];
  const gapBefore: boolean[] = [];
  const cut = furniture.map(compact).filter((f) => [...f].length >= 6);
  for (const line of lines) {
    if (cut.includes(compact(line.cells.join('')))) continue;
    let gap = true;
    for (const cell of line.cells) {
      for (const c of cell.replace(/\*\*/g, '')) {
        if (/\s/.test(c)) {
          gap = true;
          continue;
        }
        chars.push(canonicalChar(c));
        lineOf.push(line.no);
        gapBefore.push(gap);
        gap = false;
      }
      gap = true;
    }
  }
  const joined = chars.join('');
  // Characters to drop: page furniture and running headers run into the text.
  const drop = new Uint8Array(chars.length);
  const mark = (from: number, to: number) => drop.fill(1, from, to);
  for (const m of joined.matchAll(PAGE_FURNITURE)) mark(m.index, m.index + m[0].length);
  for (const f of cut) for (let at = joined.indexOf(f); at >= 0; at = joined.indexOf(f, at + f.length)) mark(at, at + f.length);
  const out: Stream = { text: '', lineOf: [], gapBefore: [] };
  const kept: string[] = [];
  let gap = false;
  for (let i = 0; i < chars.length; i++) {
    if (drop[i]) {
      gap = true;
      continue;
    }
    kept.push(chars[i]);
    out.lineOf.push(lineOf[i]);
    out.gapBefore.push(gapBefore[i] || gap);
    gap = false;
  }
  out.text = kept.join('');
  return out;
}

export interface FigureToken {
  text: string;
  line: number;
}

/**
 * The figures in `stream.text[from, to)`: runs of digits ended by a boundary or by any other
 * character (label text between figures is a boundary too). `1,234` is one figure; decimals only
 * when `decimals` (amounts in 万元). A number followed by 年 is a year in a heading, not a cell,
 * when it is written against the 年 or looks like a year: a cell's figure followed across a line
 * break by the 年 of a label printed vertically (“三、本/年/度/办/理/结/果”) is still a figure.
 */
export function figuresIn(stream: Stream, from: number, to: number, decimals = false): FigureToken[] {
  const tokens: FigureToken[] = [];
  const { text } = stream;
  const figure = decimals ? /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y : /\d{1,3}(?:,\d{3})+(?!\d)|\d+/y;
  const upto = text.slice(0, to);
  let i = from;
  while (i < to) {
    if (!/\d/.test(text[i])) {
      i++;
      continue;
    }
    figure.lastIndex = i;
    let m = figure.exec(upto);
    let end = m ? i + m[0].length : i + 1;
    // A boundary inside the match splits it: figures of two cells are never joined.
    for (let k = i + 1; k < end; k++) {
      if (stream.gapBefore[k]) {
        end = k;
        m = null;
        break;
      }
    }
    const printed = m ? m[0] : text.slice(i, end);
    const year = text[end] === '年' && (!stream.gapBefore[end] || /^(?:19|20)\d\d$/.test(printed));
    if (!year) tokens.push({ text: printed.replace(/,/g, ''), line: stream.lineOf[i] });
    i = end;
  }
  return tokens;
}
