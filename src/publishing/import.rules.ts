/**
 * Import of an existing site's items (pure part): CSV parsing (RFC 4180) and the check of each
 * row. Headers are the Chinese names of the catalogue fields; every problem is reported with its
 * row number so that the whole file can be fixed in one go.
 */
import { isValidIsoDate } from '../calendar/calendar-dates.ts';
import { isItemKind, ITEM_KINDS, VALIDITY, type ItemKind, type Validity } from './items.rules.ts';

export const IMPORT_HEADERS = {
  title: '标题',
  org: '发布单位代码',
  column: '栏目代码',
  kind: '类别',
  docNumber: '文号',
  writtenDate: '成文日期',
  publishDate: '发布日期',
  topic: '主题分类',
  publisherName: '发布机构',
  validity: '有效性',
  abolishedDate: '废止日期',
  abolishedReason: '废止原因',
  body: '正文',
  attachments: '附件',
} as const;
type Field = keyof typeof IMPORT_HEADERS;

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export interface ImportRow {
  line: number;
  title: string;
  orgCode: string;
  columnCode: string;
  kind: ItemKind;
  docNumber: string;
  writtenDate: string | null;
  publishDate: string;
  topic: string;
  publisherName: string;
  validity: Validity;
  abolishedDate: string | null;
  abolishedReason: string | null;
  bodyHtml: string;
  attachments: string[];
}

const DATE = { test: (v: string) => isValidIsoDate(v) };
const byLabel = <T extends string>(labels: Record<T, string>, v: string): T | undefined =>
  (Object.keys(labels) as T[]).find((k) => k === v || labels[k] === v);

/** Rows (first row = headers) → checked rows and per-row errors. Line numbers are 1-based with the header as line 1. */
export function checkImportRows(table: string[][]): { rows: ImportRow[]; errors: { line: number; message: string }[] } {
  const errors: { line: number; message: string }[] = [];
  if (!table.length) return { rows: [], errors: [{ line: 1, message: '文件为空' }] };
  const header = table[0].map((h) => h.trim());
  const col = {} as Record<Field, number>;
  for (const [f, label] of Object.entries(IMPORT_HEADERS) as [Field, string][]) col[f] = header.indexOf(label);
  for (const f of ['title', 'org', 'kind', 'publishDate'] as Field[]) {
    if (col[f] < 0) errors.push({ line: 1, message: `缺少必需的列“${IMPORT_HEADERS[f]}”` });
  }
  if (errors.length) return { rows: [], errors };
  const rows: ImportRow[] = [];
  table.slice(1).forEach((cells, i) => {
    const line = i + 2;
    const get = (f: Field) => (col[f] >= 0 ? (cells[col[f]] ?? '').trim() : '');
    const problems: string[] = [];
    const kind = byLabel(ITEM_KINDS, get('kind'));
    if (!get('title')) problems.push('标题为空');
    if (!get('org')) problems.push('发布单位代码为空');
    if (!kind || !isItemKind(kind)) problems.push(`类别“${get('kind')}”无效（可用：${Object.values(ITEM_KINDS).join('、')}）`);
    if (!DATE.test(get('publishDate'))) problems.push('发布日期应为 YYYY-MM-DD');
    if (get('writtenDate') && !DATE.test(get('writtenDate'))) problems.push('成文日期应为 YYYY-MM-DD');
    const validity = get('validity') ? byLabel(VALIDITY, get('validity')) : '';
    if (validity === undefined) problems.push(`有效性“${get('validity')}”无效`);
    if (validity === 'abolished' && !DATE.test(get('abolishedDate'))) problems.push('已废止的文件须填写废止日期（YYYY-MM-DD）');
    if (problems.length) {
      errors.push({ line, message: problems.join('；') });
      return;
    }
    rows.push({
      line,
      title: get('title'),
      orgCode: get('org'),
      columnCode: get('column'),
      kind: kind!,
      docNumber: get('docNumber'),
      writtenDate: get('writtenDate') || null,
      publishDate: get('publishDate'),
      topic: get('topic'),
      publisherName: get('publisherName'),
      validity: (validity ?? '') as Validity,
      abolishedDate: get('abolishedDate') || null,
      abolishedReason: get('abolishedReason') || null,
      bodyHtml: get('body'),
      attachments: get('attachments').split(/[;；]/).map((s) => s.trim()).filter(Boolean),
    });
  });
  return { rows, errors };
}
