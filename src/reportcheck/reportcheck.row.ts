/**
 * One table row of a source line: its label text and its value tokens.
 *
 * Value tokens stay text here: a token may be one figure (`21`), several figures printed with no
 * separator (`640020470`, decoded later by reportcheck.digits.ts), a decimal amount (`7730.28`)
 * or a blank cell of a delimited row (`''`, which is never read as 0).
 */
import type { SourceLine } from './reportcheck.text.ts';
import { compact } from './reportcheck.text.ts';

export interface RowParts {
  /** The label cells joined without spaces ('' when the line has only values). */
  label: string;
  /** Value tokens after the last label cell: digits, decimals, or '' for a blank cell. */
  values: string[];
  /** Blank cells after the last label cell (a row printed all blank has no values but these). */
  blanks: number;
}

const NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;
/** Dashes and slashes printed in an empty cell. */
const BLANK_MARK = /^[-—–/／]$/;

export function isNumberToken(token: string): boolean {
  return NUMBER.test(token);
}

function tokensOf(line: SourceLine): { text: string; kind: 'text' | 'number' | 'blank' }[] {
  const tokens: { text: string; kind: 'text' | 'number' | 'blank' }[] = [];
  for (const rawCell of line.cells) {
    const cell = rawCell.replace(/\*\*/g, '').trim();
    if (cell === '' || BLANK_MARK.test(cell)) {
      if (line.delimited) tokens.push({ text: '', kind: 'blank' });
      continue;
    }
    // A damaged Markdown cell may hold several figures separated by spaces (`21 0 0`).
    const parts = line.delimited && /^[\d\s.,]+$/.test(cell) ? cell.split(/\s+/) : [cell];
    for (const part of parts) {
      const isNumber = isNumberToken(part);
      tokens.push({ text: isNumber ? part.replace(/,/g, '') : part, kind: isNumber ? 'number' : 'text' });
    }
  }
  return tokens;
}

/**
 * Splits a line into label and values. `width` is the number of cells the table expects; blank
 * cells beyond it (the empty merged label columns of tab-separated text) are dropped from the
 * left first, then from the right.
 */
export function rowParts(line: SourceLine, width: number): RowParts {
  const tokens = tokensOf(line);
  let lastText = -1;
  tokens.forEach((t, i) => {
    if (t.kind === 'text') lastText = i;
  });
  const label = compact(
    tokens
      .slice(0, lastText + 1)
      .filter((t) => t.kind === 'text')
      .map((t) => t.text)
      .join(''),
  );
  const values = tokens.slice(lastText + 1).map((t) => (t.kind === 'blank' ? '' : t.text));
  const blanks = values.filter((v) => v === '').length;
  while (values.length > width && values[0] === '') values.shift();
  while (values.length > width && values[values.length - 1] === '') values.pop();
  // A row whose figures are all present but followed by stray blank cells keeps only the figures.
  while (values.length > 0 && values[values.length - 1] === '' && values.filter((v) => v !== '').length >= width) {
    values.pop();
  }
  if (values.every((v) => v === '')) return { label, values: [], blanks };
  return { label, values, blanks };
}
