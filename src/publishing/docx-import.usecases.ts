/**
 * 导入 Word 文档: a .docx becomes HTML for an item's body. mammoth converts it in a worker
 * thread (documents.pool.ts) after the archive passed the zip guard here and there; the result
 * goes through the body's own sanitizer, so the editor receives only what saving would keep.
 * Nothing is stored: the publisher sees the text in the editor and saves it as any other edit.
 */
import { AppError } from '../shared/app-error.ts';
import { docxHtmlInWorker } from '../shared/documents.pool.ts';
import { detectAttachmentType } from './attachments.rules.ts';
import { sanitizeBody } from './sanitize.ts';

const notDocx = () => new AppError('publishing.docx_type', '只能导入 Word 文档（.docx）；.doc、.wps 等格式请先在 Word 或 WPS 中另存为 .docx 再导入', 400);

/** Word's heading 1 is the body's first heading below the item's title (h1 on the portal page). */
export function shiftHeadings(html: string): string {
  const level: Record<string, string> = { 1: '2', 2: '3', 3: '4', 4: '4', 5: '4', 6: '4' };
  return html.replace(/<(\/?)h([1-6])\b/gi, (_m, slash: string, n: string) => `<${slash}h${level[n]}`);
}

/** The sanitized body with what mammoth leaves that means nothing there: pictures left out, bookmark anchors. */
export function bodyFromDocxHtml(html: string): string {
  return sanitizeBody(shiftHeadings(html))
    .replace(/<img(?![^>]*\ssrc=)[^>]*>/gi, '')
    .replace(/<a>([^<]*)<\/a>/gi, '$1');
}

export async function docxToBodyHtml({ fileName, bytes }: { fileName: string; bytes: Buffer }): Promise<{ html: string; droppedImages: number }> {
  let type;
  try {
    type = detectAttachmentType(fileName, bytes); // type from the content, extension, size, zip guard
  } catch (e) {
    if (e instanceof AppError && (e.code === 'publishing.attachment_type' || e.code === 'publishing.attachment_extension')) throw notDocx();
    throw e;
  }
  if (!type.extensions.includes('docx')) throw notDocx();
  const { html, droppedImages } = await docxHtmlInWorker(bytes);
  return { html: bodyFromDocxHtml(html), droppedImages };
}
