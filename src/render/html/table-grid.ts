/**
 * Reads an HTML table (parsed by node-html-parser) into a grid of positions, resolving rowspan
 * and colspan the way a browser does: grid[r][c] is the cell covering row r, column c. Used to
 * check our tables cell by cell and usable for reading published tables into rows.
 */
import type { HTMLElement } from 'node-html-parser';

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Position of the cell's top-left corner. */
  row: number;
  col: number;
  element: HTMLElement;
}

export function tableGrid(table: HTMLElement): GridCell[][] {
  const grid: GridCell[][] = [];
  const rows = table.querySelectorAll('tr');
  rows.forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const el of tr.querySelectorAll('th, td')) {
      if (el.parentNode !== tr) continue;
      while (grid[r][c]) c++;
      const rowSpan = Math.max(1, Number(el.getAttribute('rowspan') ?? 1));
      const colSpan = Math.max(1, Number(el.getAttribute('colspan') ?? 1));
      // A line break inside a cell (<br>, wrapped source) is layout, not content: 商业<br>企业 is 商业企业.
      const text = el.text.replace(/\s*\n\s*/g, '').trim();
      const cell: GridCell = { text, rowSpan, colSpan, row: r, col: c, element: el };
      for (let dr = 0; dr < rowSpan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < colSpan; dc++) grid[r + dr][c + dc] = cell;
      }
      c += colSpan;
    }
  });
  return grid.slice(0, rows.length);
}

/** The distinct texts of a grid row, left to right (a merged cell counted once). */
export function rowTexts(row: GridCell[]): string[] {
  return row.filter((cell, i) => row[i - 1] !== cell).map((cell) => cell.text);
}
