/**
 * Which uploads are accepted (pure): the type is decided by the file's first bytes (magic
 * numbers), never by the name or the browser's claim, and the name's extension must agree.
 */
import { AppError } from '../shared/app-error.ts';
import { inspectZip, ZipRefused } from '../shared/zip-guard.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface AttachmentType {
  mime: string;
  extensions: string[];
  label: string;
}

const PDF: AttachmentType = { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' };
const DOCX: AttachmentType = { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'Word' };
const XLSX: AttachmentType = { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'Excel' };
const DOC: AttachmentType = { mime: 'application/msword', extensions: ['doc'], label: 'Word' };
const XLS: AttachmentType = { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: 'Excel' };
const OLE_TYPES = [DOC, XLS];
const PNG: AttachmentType = { mime: 'image/png', extensions: ['png'], label: '图片' };
const JPEG: AttachmentType = { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: '图片' };
const GIF: AttachmentType = { mime: 'image/gif', extensions: ['gif'], label: '图片' };

const startsWith = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);

function extensionOf(name: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}

/** The detected type, or an AppError saying why the file is refused. */
export function detectAttachmentType(fileName: string, bytes: Buffer): AttachmentType {
  const ext = extensionOf(fileName);
  let candidates: AttachmentType[] = [];
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) candidates = [PDF];
  else if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // An OOXML package names its main part in the zip directory.
    const head = bytes.subarray(0, Math.min(bytes.length, 65536)).toString('latin1') + bytes.subarray(Math.max(0, bytes.length - 65536)).toString('latin1');
    if (head.includes('word/')) candidates = [DOCX];
    else if (head.includes('xl/')) candidates = [XLSX];
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) candidates = OLE_TYPES;
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) candidates = [PNG];
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) candidates = [JPEG];
  else if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) candidates = [GIF];
  if (!candidates.length) throw new AppError('publishing.attachment_type', '只能上传 PDF、Word、Excel 文件或 PNG、JPEG、GIF 图片', 400);
  const type = candidates.find((c) => c.extensions.includes(ext));
  if (!type) throw new AppError('publishing.attachment_extension', `文件内容是${candidates[0].label}，但扩展名“.${ext}”与之不符`, 400);
  const limit = type.label === '图片' ? MAX_IMAGE_BYTES : MAX_ATTACHMENT_BYTES;
  if (bytes.length > limit) throw new AppError('publishing.attachment_too_large', `文件过大：${type.label}不能超过 ${limit / 1024 / 1024} MB`, 400);
  if (bytes.length === 0) throw new AppError('publishing.attachment_empty', '文件为空', 400);
  if (type === DOCX || type === XLSX) {
    // Read without inflating: a small file that would inflate to gigabytes is refused here,
    // before the text extraction (or anyone downloading it) inflates it.
    try {
      inspectZip(bytes);
    } catch (e) {
      if (e instanceof ZipRefused) throw new AppError('publishing.attachment_archive_refused', `${type.label}文件${e.message}，已拒绝`, 400);
      throw e;
    }
  }
  return type;
}

/** A safe file name for Content-Disposition and the disk: no path, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const printable = [...base].map((c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('');
  return printable.replace(/["<>|:*?]/g, '_').slice(-120) || 'file';
}
