/**
 * Step 1 of reading a published report: any plain text (tab-separated, `pdftotext -layout`,
 * cells joined by ` | `, Markdown tables) becomes a list of source lines split into cells.
 *
 * Each line keeps its 1-based line number in the input, so every figure read later can say
 * which line it came from. Page numbers that PDF conversion leaves inside tables are dropped.
 */

export interface SourceLine {
  /** 1-based line number in the input (for HTML/Word: the line of the generated text). */
  no: number;
  raw: string;
  /** Cells as printed; empty strings are blank cells of a delimited row. */
  cells: string[];
  /** True when the cells came from explicit delimiters (tab, `|`), so blank cells are real. */
  delimited: boolean;
}

/** Bytes of an uploaded text file: UTF-8 (with or without BOM), else GB18030 (older Windows exports). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const FULLWIDTH_DIGIT = /[０-９]/g;

/** Canonical characters: ASCII digits, one kind of parenthesis and comma, no invisible spaces. */
export function normaliseChars(text: string): string {
  return text
    .replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\u00a0\u3000\u2002\u2003\u2009\u200b]/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/．/g, '.')
    .replace(/\f/g, '');
}

/** Removes every space: labels and prose that PDF conversion split with spaces read whole again. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Label text in a canonical form: full-width parentheses and commas, no spaces. */
export function canonicalLabel(text: string): string {
  return compact(text)
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/\*\*/g, '')
    .replace(/["”“]/g, '"');
}

/** `-3-`, `— 3 —`, `第 3 页`, `第3页 共5页`, `3 / 5`: page furniture, not report content. */
const PAGE_NUMBER = /^\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/;
/** A Markdown table rule such as `|---|:---:|`. */
const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

export function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line);
}

/** Splits one line into cells according to the way it was written. */
export function splitCells(line: string): { cells: string[]; delimited: boolean } {
  const cleaned = line.replace(/<br\s*\/?>/gi, ' ').replace(/^\s*#{1,6}\s+/, '');
  if (cleaned.includes('\t')) {
    return { cells: cleaned.split('\t').map((c) => c.trim()), delimited: true };
  }
  if (/\|/.test(cleaned)) {
    // Markdown (`| a | b |`) or ` | `-joined cells. Escaped pipes (`\|`) are text.
    const ESCAPED_PIPE = '\uE000'; // private-use character standing in for `\|` while splitting
    let parts = cleaned
      .replaceAll('\\|', ESCAPED_PIPE)
      .split('|')
      .map((c) => c.replaceAll(ESCAPED_PIPE, '|').trim());
    if (/^\s*\|/.test(cleaned)) parts = parts.slice(1);
    if (/\|\s*$/.test(cleaned)) parts = parts.slice(0, -1);
    return { cells: parts, delimited: true };
  }
  const cells = cleaned.trim() === '' ? [] : cleaned.trim().split(/\s+/);
  return { cells, delimited: false };
}

/** Plain text → source lines (blank lines, page numbers and Markdown rules dropped). */
export function textToLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const { no, raw } of joinCellLines(normaliseChars(text).split(/\r\n|\r|\n/))) {
    if (raw.trim() === '' || isPageNumber(raw) || MARKDOWN_RULE.test(raw)) continue;
    const { cells, delimited } = splitCells(raw);
    if (cells.every((c) => c === '')) continue;
    lines.push({ no, raw, cells, delimited });
  }
  return lines;
}

/** A line of tabs only: what a browser puts between table cells that hold paragraphs. */
const TAB_ONLY = /^[ \t]*\t[ \t]*$/;
/** So many tab-only lines mark the layout; a stray one in other text changes nothing. */
const CELL_LINE_LAYOUT_MIN = 10;

/**
 * A page's table copied from a browser whose cells hold `<p>`s (its `innerText`) comes out one
 * cell per line: the cells of a row joined by lines holding only a tab, blank lines around every
 * cell, a blank cell (`&nbsp;`) as a line of one space. Dropping the blank lines would lose the
 * blank cells and with them every column, so each row is joined again on one tab-separated line,
 * numbered by its first line. Text without the layout passes unchanged.
 */
export function joinCellLines(raw: string[]): { no: number; raw: string }[] {
  const numbered = raw.map((r, i) => ({ no: i + 1, raw: r }));
  if (raw.filter((r) => TAB_ONLY.test(r)).length < CELL_LINE_LAYOUT_MIN) return numbered;
  const joined: { no: number; raw: string }[] = [];
  let continues = false; // the previous line ended with a tab: the next cell is on this row
  for (const line of numbered) {
    if (line.raw === '') continue;
    const row = joined.at(-1);
    if (row && (continues || line.raw.startsWith('\t'))) row.raw += line.raw;
    else joined.push({ ...line });
    continues = line.raw.endsWith('\t');
  }
  return joined;
}

/** The whole line as compact text (used for headings and prose). */
export function lineText(line: SourceLine): string {
  return compact(line.cells.join(''));
}
