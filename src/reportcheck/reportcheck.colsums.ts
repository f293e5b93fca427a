/**
 * Section 三 of a scan checked by its columns too: a row that does not add up on its own (its
 * readings, cell by cell, give no single combination that does, reportcheck.cellocr.ts repairRow)
 * may have a cell whose other reading makes both its row and its column add up. The columns are
 * the statutory ones: the outcomes (rows 3 to n−2) add up to （七）总计, and 一 + 二 = 总计 + 四.
 *
 * Only a figure that OCR read in that cell is taken, and only when it is the one such figure in
 * the row: a report whose printed figures do not add up keeps them as printed (a true error).
 *
 * Pure.
 */
import type { Box } from './reportcheck.cellocr.ts';
import { missingFigure, rowAddsUp } from './reportcheck.cellocr.ts';

export interface ReadCell {
  page: number;
  box: Box;
  /** The figure taken for the cell, and every figure a reading of it gave. */
  figure: string | null;
  options: string[];
}

type Table = (string | null)[][];

/** Whether column `j` of section 三 (rows in statutory order) adds up, both ways. */
function columnAddsUp(table: Table, j: number): boolean {
  const n = table.length;
  const v = (r: number) => Number(table[r][j]);
  if (table.some((row) => row[j] === null)) return false;
  let outcomes = 0;
  for (let r = 2; r < n - 2; r++) outcomes += v(r);
  return outcomes === v(n - 2) && v(0) + v(1) === v(n - 2) + v(n - 1);
}

/**
 * The cells to change, with their figure: for each row that does not add up, the one (cell,
 * reading) that makes the row and that cell's column add up, when there is exactly one. `rows`
 * are section 三's rows of seven cells in statutory order (25, or 23 with （六） as one row).
 */
export function repairByColumns(rows: ReadCell[][]): Map<ReadCell, string> {
  const fixes = new Map<ReadCell, string>();
  if ((rows.length !== 25 && rows.length !== 23) || rows.some((r) => r.length !== 7)) return fixes;
  const table: Table = rows.map((r) => r.map((c) => c.figure));
  rows.forEach((row, r) => {
    if (table[r].every((v) => v !== null) && rowAddsUp(table[r].map(Number))) return;
    const found: [ReadCell, string][] = [];
    row.forEach((cell, j) => {
      if (columnAddsUp(table, j)) return;
      for (const option of cell.options) {
        if (option === cell.figure) continue;
        const trial = table.map((t) => [...t]);
        trial[r][j] = option;
        // A cell no reading could read (one at most) is what the row's sum leaves, if its column agrees.
        const unread = trial[r].map((v, k) => (v === null ? k : -1)).filter((k) => k >= 0);
        if (unread.length > 1) continue;
        if (unread.length === 1) {
          const k = unread[0];
          const value = missingFigure(trial[r], k);
          if (value === null) continue;
          trial[r][k] = String(value);
          if (!columnAddsUp(trial, k)) continue;
        }
        if (rowAddsUp(trial[r].map(Number)) && columnAddsUp(trial, j)) found.push([cell, option]);
      }
    });
    if (found.length === 1) fixes.set(found[0][0], found[0][1]);
  });
  return fixes;
}
