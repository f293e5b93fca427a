/**
 * Words with positions (a PDF's text layer, or OCR) → source lines, so that the table readers
 * see a PDF page as they see `pdftotext -layout` text: one line per printed row, one token per
 * printed word, the rows of each page top to bottom.
 *
 * Rows are found by the words' vertical centres, not by the order the file stores them in: a
 * table's cells are stored column by column or cell by cell, and a figure printed in the middle
 * of a tall cell is a row of its own between the lines of a wrapped label, as in `-layout` text.
 * Line numbers count the lines produced, page after page (the quoted text of a line says where
 * it was). Pure: no I/O.
 */
import type { SourceLine } from './reportcheck.text.ts';
import { isPageNumber, normaliseChars } from './reportcheck.text.ts';

export interface PositionedWord {
  /** 1-based page number. */
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Share of the typical word height within which two vertical centres are one printed row. */
const SAME_ROW = 0.45;
/** Gap (in word heights) below which neighbouring boxes are one word (OCR splits figures). */
const SAME_WORD = 0.2;

interface Row {
  centre: number;
  words: PositionedWord[];
}

function rowsOfPage(words: PositionedWord[]): Row[] {
  const height = median(words.map((w) => w.y1 - w.y0)) || 10;
  const sorted = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const rows: Row[] = [];
  for (const word of sorted) {
    const centre = (word.y0 + word.y1) / 2;
    const row = rows[rows.length - 1];
    if (row && Math.abs(centre - row.centre) <= height * SAME_ROW) {
      row.words.push(word);
      row.centre = row.words.reduce((s, w) => s + (w.y0 + w.y1) / 2, 0) / row.words.length;
    } else rows.push({ centre, words: [word] });
  }
  for (const row of rows) row.words.sort((a, b) => a.x0 - b.x0);
  return rows;
}

/** Tokens of one row, left to right: boxes that touch are one token (OCR cuts “21” into two). */
function tokensOfRow(words: PositionedWord[], height: number): { text: string; x0: number; x1: number }[] {
  const tokens: { text: string; x0: number; x1: number }[] = [];
  for (const w of words) {
    const text = normaliseChars(w.text).replace(/\s+/g, '');
    if (!text) continue;
    const last = tokens[tokens.length - 1];
    if (last && w.x0 - last.x1 < height * SAME_WORD && /\d$/.test(last.text) === /^\d/.test(text)) {
      last.text += text;
      last.x1 = Math.max(last.x1, w.x1);
    } else tokens.push({ text, x0: w.x0, x1: w.x1 });
  }
  return tokens;
}

/** Printed width in columns: a Chinese character takes two, like `-layout` text. */
function columns(text: string): number {
  return [...text].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
}

/**
 * The row as `-layout` would print it, tokens at their horizontal place (a column is half a
 * word height), so that a quoted line shows the table's columns.
 */
function layoutText(tokens: { text: string; x0: number }[], left: number, height: number): string {
  let out = '';
  let at = 0;
  for (const t of tokens) {
    const column = Math.round((t.x0 - left) / (height / 2));
    const pad = out === '' ? Math.min(column, 40) : Math.min(Math.max(1, column - at), 40);
    out += ' '.repeat(pad) + t.text;
    at += pad + columns(t.text);
  }
  return out;
}

export function wordsToLines(words: PositionedWord[]): SourceLine[] {
  const lines: SourceLine[] = [];
  const pages = [...new Set(words.map((w) => w.page))].sort((a, b) => a - b);
  for (const page of pages) {
    const onPage = words.filter((w) => w.page === page && w.text.trim() !== '');
    if (onPage.length === 0) continue;
    const height = median(onPage.map((w) => w.y1 - w.y0)) || 10;
    const left = Math.min(...onPage.map((w) => w.x0));
    for (const row of rowsOfPage(onPage)) {
      const tokens = tokensOfRow(row.words, height);
      if (tokens.length === 0) continue;
      const raw = layoutText(tokens, left, height);
      if (isPageNumber(raw)) continue;
      lines.push({ no: lines.length + 1, raw, cells: tokens.map((t) => t.text), delimited: false });
    }
  }
  // Numbered after filtering, so that line numbers have no gaps.
  return lines.map((l, i) => ({ ...l, no: i + 1 }));
}
