/** Grids (reportcheck.batch.ts) as CSV, a standalone HTML page, or an XLSX workbook. */
import type { Grid } from './reportcheck.batch.ts';

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote fields with separators, and neutralise spreadsheet formulas in text cells.
  const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a BOM so that spreadsheet programs open the Chinese text as UTF-8. */
export function gridToCsv(grid: Grid): string {
  const lines = [grid.header, ...grid.rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function gridsToHtml(title: string, grids: Grid[]): string {
  const tables = grids
    .map((grid) => {
      const head = grid.header.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
      const body = grid.rows
        .map((row) => `<tr>${row.map((v) => `<td${typeof v === 'number' ? ' class="num"' : ''}>${v === null ? '—' : escapeHtml(String(v))}</td>`).join('')}</tr>`)
        .join('\n');
      return `<h2>${escapeHtml(grid.title)}</h2>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}th,td{border:1px solid #999;padding:.3em .6em}td.num{text-align:right}th{background:#eee}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${tables}
</body></html>
`;
}

export async function gridsToXlsx(grids: Grid[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // large: loaded on use, not at start-up
  const workbook = new ExcelJS.Workbook();
  const used = new Set<string>();
  for (const grid of grids) {
    // Sheet names: at most 31 characters, no []:*?/\ and unique.
    let name = grid.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
    while (used.has(name)) name = `${name.slice(0, 26)}_${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(grid.header).font = { bold: true };
    for (const row of grid.rows) sheet.addRow(row.map((v) => (v === null ? null : v)));
    sheet.columns.forEach((column, i) => {
      column.width = i === 0 ? 40 : 14;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
