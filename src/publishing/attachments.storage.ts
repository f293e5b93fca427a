/**
 * Attachments on disk under `<data folder>/attachments/<item id>/`, with their text extracted
 * for search: Word (.docx) by mammoth in a worker thread (documents.pool.ts), PDF by `pdftotext`
 * when the system has it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import type { AppDeps } from '../shared/deps.ts';
import { canReadIn, type Actor } from '../auth/access.rules.ts';
import { AppError } from '../shared/app-error.ts';
import { docxTextInWorker } from '../shared/documents.pool.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { assertMay, itemChanged } from './workflow.rules.ts';
import { detectAttachmentType, safeFileName } from './attachments.rules.ts';
import { indexItems } from './search.index.ts';
import type { AttachmentRow } from './publishing.table.ts';
import { inTransaction } from '../db/transaction.ts';

const run = promisify(execFile);

export async function extractText(mime: string, bytes: Buffer, path: string): Promise<string> {
  try {
    if (mime.includes('wordprocessingml')) return await docxTextInWorker(bytes);
    if (mime === 'application/pdf') {
      const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', '-q', path, '-'], { maxBuffer: 64 * 1024 * 1024, timeout: 30_000 });
      return stdout;
    }
  } catch {
    // No text (scanned PDF, pdftotext missing, damaged file, parsing refused by the worker): the item is still found by its title and body.
  }
  return '';
}

function attachmentsRoot(deps: AppDeps): string {
  return resolve(deps.config.dataDir, 'attachments');
}

export function attachmentPath(deps: AppDeps, storagePath: string): string {
  const root = attachmentsRoot(deps);
  const full = resolve(root, storagePath);
  if (!full.startsWith(root + sep)) throw new AppError('publishing.attachment_not_found', '附件不存在', 404);
  return full;
}

export async function addAttachment({ actor, itemId, fileName, bytes, ip, deps }: { actor: Actor; itemId: number; fileName: string; bytes: Buffer; ip?: string; deps: AppDeps }): Promise<AttachmentRow> {
  const item = await deps.db.selectFrom('publishing_items').select(['id', 'status', 'organization_id']).where('id', '=', itemId).executeTakeFirst();
  if (!item) throw new AppError('publishing.item_not_found', '信息不存在', 404);
  assertMay(actor, 'edit', item.status, item.organization_id, await createOrganizationsRepository(deps).list());
  const type = detectAttachmentType(fileName, bytes);
  const name = safeFileName(fileName);
  const ext = type.extensions[0];
  const storagePath = join(String(itemId), `${randomBytes(8).toString('hex')}.${ext}`);
  const full = attachmentPath(deps, storagePath);
  await mkdir(join(attachmentsRoot(deps), String(itemId)), { recursive: true });
  await writeFile(full, bytes, { flag: 'wx' });
  const text = await extractText(type.mime, bytes, full);
  const now = deps.clock.now();
  return inTransaction(deps.db, async (trx) => {
    // Only while the item is still the draft read above: a file added while a reviewer approves
    // would otherwise go public unreviewed. The touch also holds the item until commit.
    const held = await trx.updateTable('publishing_items').set({ updated_at: now.toISOString() }).where('id', '=', itemId).where('status', '=', item.status).executeTakeFirst();
    if (Number(held.numUpdatedRows) !== 1) throw itemChanged();
    const row = await trx
      .insertInto('publishing_attachments')
      .values({ item_id: itemId, file_name: name, mime: type.mime, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storage_path: storagePath, text_content: text, download_count: 0, created_at: now.toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (item.status === 'published') await indexItems(trx, [itemId]);
    await createAuditRepository({ db: trx }).append(
      { userId: actor.id, username: actor.username, action: 'publishing.attachment_added', targetType: 'publishing_item', targetId: itemId, ip, detail: { fileName: name, size: bytes.length, mime: type.mime } },
      now,
      trx,
    );
    return row;
  }).catch(async (e: unknown) => {
    await rm(full, { force: true });
    throw e;
  });
}

/** An attachment of a published item: what the public may fetch, whatever address serves it. */
function publishedAttachmentRow(deps: AppDeps, attachmentId: number) {
  return deps.db
    .selectFrom('publishing_attachments')
    .innerJoin('publishing_items', 'publishing_items.id', 'publishing_attachments.item_id')
    .selectAll('publishing_attachments')
    .where('publishing_attachments.id', '=', attachmentId)
    .where('publishing_items.status', '=', 'published');
}

/** The file of a public item's attachment, counting the download. */
export async function downloadAttachment(deps: AppDeps, attachmentId: number): Promise<{ row: AttachmentRow; bytes: Buffer }> {
  const row = await publishedAttachmentRow(deps, attachmentId).executeTakeFirst();
  if (!row) throw new AppError('publishing.attachment_not_found', '附件不存在或已撤回', 404);
  const bytes = await readFile(attachmentPath(deps, row.storage_path));
  await deps.db.updateTable('publishing_attachments').set((eb) => ({ download_count: eb('download_count', '+', 1) })).where('id', '=', attachmentId).execute();
  return { row, bytes };
}

const PICTURE_MIMES = ['image/png', 'image/jpeg', 'image/gif'];

/**
 * A public item's picture attachment as its body shows it (pictures.rules.ts): not counted as a
 * download, and never any other type of file (a PDF is not served inline under this address).
 */
export async function publishedPicture(deps: AppDeps, attachmentId: number): Promise<{ row: AttachmentRow; bytes: Buffer }> {
  const row = await publishedAttachmentRow(deps, attachmentId).where('publishing_attachments.mime', 'in', PICTURE_MIMES).executeTakeFirst();
  if (!row) throw new AppError('publishing.attachment_not_found', '图片不存在或已撤回', 404);
  return { row, bytes: await readFile(attachmentPath(deps, row.storage_path)) };
}

/**
 * Any attachment of an item `actor` may read, in whatever state the item is: the editor shows a
 * draft's pictures with it, and staff open its files. Not a download by the public, not counted;
 * another unit's staff get the same 404 as for an attachment that does not exist.
 */
export async function attachmentForStaff(deps: AppDeps, actor: Actor, attachmentId: number): Promise<{ row: AttachmentRow; bytes: Buffer; picture: boolean }> {
  const row = await deps.db
    .selectFrom('publishing_attachments')
    .innerJoin('publishing_items', 'publishing_items.id', 'publishing_attachments.item_id')
    .selectAll('publishing_attachments')
    .select('publishing_items.organization_id')
    .where('publishing_attachments.id', '=', attachmentId)
    .executeTakeFirst();
  if (!row || !canReadIn(actor, row.organization_id, await createOrganizationsRepository(deps).list())) {
    throw new AppError('publishing.attachment_not_found', '附件不存在', 404);
  }
  return { row, bytes: await readFile(attachmentPath(deps, row.storage_path)), picture: PICTURE_MIMES.includes(row.mime) };
}
