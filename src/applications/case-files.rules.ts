/**
 * Which files an applicant (and a clerk releasing information) may attach to a case (pure).
 * Decided for the public form: PDF, JPG, PNG and Word (.docx) only — what an ID copy, a scan or
 * a supporting letter is — at most 10 MB each and 5 per submission. The type is read from the
 * file's first bytes (attachments.rules.ts), the name's extension must agree, and a .docx passes
 * the zip guard before anyone inflates it.
 */
import { AppError } from '../shared/app-error.ts';
import { detectAttachmentType, safeFileName } from '../publishing/attachments.rules.ts';

export const MAX_CASE_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_CASE_FILES = 5;
export const CASE_FILE_ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx';
export const CASE_FILE_RULE_TEXT = `可上传 PDF、JPG、PNG 或 Word（.docx）文件，每个不超过 ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB，最多 ${MAX_CASE_FILES} 个`;

const ALLOWED = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
]);

export interface CheckedFile {
  fileName: string;
  mime: string;
  extension: string;
  bytes: Buffer;
}

const refuse = (code: string, message: string) => new AppError(`applications.file_${code}`, message, 400);

/** The checked file, or an AppError whose Chinese message names the file and the reason. */
export function checkCaseFile(fileName: string, bytes: Buffer): CheckedFile {
  const name = safeFileName(fileName);
  if (bytes.length === 0) throw refuse('empty', `附件“${name}”是空文件`);
  if (bytes.length > MAX_CASE_FILE_BYTES) throw refuse('too_large', `附件“${name}”超过 ${MAX_CASE_FILE_BYTES / 1024 / 1024} MB`);
  let type;
  try {
    type = detectAttachmentType(name, bytes);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === 'publishing.attachment_extension') throw refuse('extension', `附件“${name}”的${e.message}`);
    if (e.code === 'publishing.attachment_archive_refused') throw refuse('archive_refused', `附件“${name}”：${e.message}`);
    throw refuse('type', `附件“${name}”不是有效的 PDF、JPG、PNG 或 Word（.docx）文件（按文件内容判断）`);
  }
  if (!ALLOWED.has(type.mime)) throw refuse('type', `附件“${name}”的类型不能上传：${CASE_FILE_RULE_TEXT}`);
  return { fileName: name, mime: type.mime, extension: type.extensions[0]!, bytes };
}

/** Checks a whole submission: the count first, then each file. */
export function checkCaseFiles(files: { fileName: string; bytes: Buffer }[]): CheckedFile[] {
  if (files.length > MAX_CASE_FILES) throw refuse('too_many', `附件最多 ${MAX_CASE_FILES} 个，本次选择了 ${files.length} 个`);
  return files.map((f) => checkCaseFile(f.fileName, f.bytes));
}
