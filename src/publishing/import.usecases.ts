/**
 * Import of an existing site's items from CSV or XLSX plus a folder of attachments. Every row is
 * checked first (organization, column, attachment files and their types); with any error
 * nothing is written and the per-row report says why. Otherwise all items, attachments and
 * their search index are written in one transaction; files already copied are removed again
 * if the transaction fails, so a failed import leaves nothing half-done.
 */
import { readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { AppDeps } from '../shared/deps.ts';
import { AppError } from '../shared/app-error.ts';
import { inspectZip, ZipRefused } from '../shared/zip-guard.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { checkImportRows, parseCsv, type ImportRow } from './import.rules.ts';
import { bulkInsertPublishedItems } from './items.bulk.ts';
import { lockIndexSerials } from './index-numbers.ts';
import { detectAttachmentType, safeFileName } from './attachments.rules.ts';
import { attachmentPath, extractText } from './attachments.storage.ts';
import { indexItems } from './search.index.ts';
import { DEFAULT_COLUMN_TREE, HOME_COLUMN_OF_KIND, type ColumnDefinition } from './columns.rules.ts';
import { createDefaultColumns } from './columns.repository.ts';
import { inTransaction } from '../db/transaction.ts';

const codesOf = (tree: ColumnDefinition[]): string[] => tree.flatMap((c) => [c.code, ...codesOf(c.children ?? [])]);
const DEFAULT_COLUMN_CODES = new Set(codesOf(DEFAULT_COLUMN_TREE));

export async function readTable(path: string): Promise<string[][]> {
  if (/\.csv$/i.test(path)) return parseCsv(await readFile(path, 'utf8'));
  if (!/\.xlsx$/i.test(path)) throw new AppError('import.format', '只支持 .csv 或 .xlsx 文件', 400);
  const bytes = await readFile(path);
  try {
    inspectZip(bytes); // before ExcelJS inflates every part in memory
  } catch (e) {
    if (e instanceof ZipRefused) throw new AppError('import.archive_refused', `表格文件${e.message}，已拒绝`, 400);
    throw e;
  }
  const { default: ExcelJS } = await import('exceljs'); // large: loaded on use, not at start-up
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const out: string[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : typeof v === 'object' && 'result' in v ? String(v.result) : String(v));
    }
    out.push(cells);
  });
  return out;
}

export interface ImportReport {
  imported: number;
  errors: { line: number; message: string }[];
}

export async function importItems({ table, attachmentsDir, deps, onProgress, username }: {
  table: string[][];
  attachmentsDir: string | null;
  deps: AppDeps;
  onProgress?: (done: number, total: number) => void;
  username?: string;
}): Promise<ImportReport> {
  const { rows, errors } = checkImportRows(table);
  const orgs = await deps.db.selectFrom('organizations').select(['id', 'code']).execute();
  // Column codes per unit, read once; a unit without columns yet gets the default tree on import.
  const columnCodes = new Map<number, Set<string>>();
  for (const c of await deps.db.selectFrom('publishing_columns').select(['organization_id', 'code']).execute()) {
    if (!columnCodes.has(c.organization_id)) columnCodes.set(c.organization_id, new Set());
    columnCodes.get(c.organization_id)!.add(c.code);
  }
  const files = new Map<ImportRow, { name: string; bytes: Buffer; mime: string }[]>();
  for (const r of rows) {
    const org = orgs.find((o) => o.code === r.orgCode);
    if (!org) {
      errors.push({ line: r.line, message: `发布单位代码“${r.orgCode}”不存在` });
      continue;
    }
    const code = r.columnCode || HOME_COLUMN_OF_KIND[r.kind];
    if (!(columnCodes.get(org.id) ?? DEFAULT_COLUMN_CODES).has(code)) errors.push({ line: r.line, message: `栏目代码“${code}”在该单位不存在` });
    const list: { name: string; bytes: Buffer; mime: string }[] = [];
    for (const name of r.attachments) {
      if (!attachmentsDir) {
        errors.push({ line: r.line, message: `有附件“${name}”但未指定附件目录` });
        continue;
      }
      try {
        const bytes = await readFile(resolve(attachmentsDir, safeFileName(name)));
        list.push({ name: safeFileName(name), bytes, mime: detectAttachmentType(name, bytes).mime });
      } catch (e) {
        errors.push({ line: r.line, message: `附件“${name}”：${e instanceof AppError ? e.message : '文件不存在或无法读取'}` });
      }
    }
    files.set(r, list);
  }
  if (errors.length) return { imported: 0, errors: errors.sort((a, b) => a.line - b.line) };

  const now = deps.clock.now();
  const written: string[] = [];
  try {
    await inTransaction(deps.db, async (trx) => {
      // Every unit's serials at once, in one order: chunk by chunk could deadlock two imports.
      await lockIndexSerials(trx, rows.map((r) => orgs.find((o) => o.code === r.orgCode)!.id));
      const ids: number[] = [];
      const CHUNK = 500;
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        for (const r of chunk) await createDefaultColumns(trx, orgs.find((o) => o.code === r.orgCode)!.id, now);
        ids.push(...(await bulkInsertPublishedItems(trx, chunk.map((r) => ({
          organizationId: orgs.find((o) => o.code === r.orgCode)!.id,
          kind: r.kind,
          title: r.title,
          publishDate: r.publishDate,
          columnCode: r.columnCode || undefined,
          bodyHtml: r.bodyHtml,
          topic: r.topic,
          publisherName: r.publisherName || undefined,
          docNumber: r.docNumber,
          writtenDate: r.writtenDate,
          validity: r.validity,
          abolishedDate: r.abolishedDate,
          abolishedReason: r.abolishedReason,
        })), now)));
        onProgress?.(Math.min(rows.length, i + CHUNK), rows.length);
      }
      const withFiles: number[] = [];
      for (const [k, r] of rows.entries()) {
        for (const f of files.get(r) ?? []) {
          const storagePath = join(String(ids[k]), `${randomBytes(8).toString('hex')}.${f.name.split('.').pop()!.toLowerCase()}`);
          const full = attachmentPath(deps, storagePath);
          await mkdir(join(full, '..'), { recursive: true });
          await writeFile(full, f.bytes, { flag: 'wx' });
          written.push(full);
          await trx.insertInto('publishing_attachments').values({
            item_id: ids[k], file_name: f.name, mime: f.mime, size: f.bytes.length, sha256: createHash('sha256').update(f.bytes).digest('hex'),
            storage_path: storagePath, text_content: await extractText(f.mime, f.bytes, full), download_count: 0, created_at: now.toISOString(),
          }).execute();
          withFiles.push(ids[k]);
        }
      }
      if (withFiles.length) await indexItems(trx, [...new Set(withFiles)]);
      await createAuditRepository({ db: trx }).append({ username: username ?? null, action: 'publishing.items_imported', detail: { count: ids.length } }, now, trx);
    });
  } catch (e) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw e;
  }
  return { imported: rows.length, errors: [] };
}
