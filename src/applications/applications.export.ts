/**
 * Case list export (CSV and XLSX). Identity numbers appear only masked (DESIGN security
 * baseline); CSV cells that start like a formula are quoted with a leading apostrophe so a
 * spreadsheet never executes applicant-supplied text.
 */
import type { caseListItem } from './applications.presenters.ts';

type Item = ReturnType<typeof caseListItem>;

const COLUMNS: { header: string; value: (c: Item) => string }[] = [
  { header: '受理编号', value: (c) => c.trackingNumber },
  { header: '申请人', value: (c) => c.applicantName },
  { header: '申请人类型', value: (c) => c.applicantType },
  { header: '证件号码', value: (c) => c.applicantIdMasked },
  { header: '提交方式', value: (c) => c.channelLabel },
  { header: '收到日期', value: (c) => c.receivedDate ?? '' },
  { header: '所需信息', value: (c) => c.description },
  { header: '承办单位', value: (c) => c.unitName ?? '' },
  { header: '状态', value: (c) => c.statusLabel },
  { header: '答复期限', value: (c) => c.dueDate ?? '' },
  { header: '答复日期', value: (c) => c.decisionDate ?? '' },
  { header: '办理结果', value: (c) => c.outcomeLabel ?? '' },
];

function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function casesCsv(items: Item[]): string {
  const lines = [COLUMNS.map((c) => c.header).join(','), ...items.map((i) => COLUMNS.map((c) => csvCell(c.value(i))).join(','))];
  // BOM so that spreadsheet programs read the Chinese text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function casesXlsx(items: Item[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // large: loaded on use, not at start-up
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('依申请公开');
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.header === '所需信息' ? 50 : 16 }));
  for (const i of items) ws.addRow(COLUMNS.map((c) => c.value(i)));
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
