/**
 * The worker thread behind documents.pool.ts: reads one uploaded document per task. Runs with
 * its own heap limit; whatever a file does to it, the server's thread is untouched.
 */
import mammoth from 'mammoth';
import { serveTasks } from './worker-pool.ts';
import { inspectZip, verifyInflation, ZipRefused } from './zip-guard.ts';
import { readReportFile, type ReportFile } from '../reportcheck/reportcheck.file.ts';
import type { DocumentTask } from './documents.pool.ts';

serveTasks(async (task: DocumentTask) => {
  if (task.kind === 'report') return readReportFile(task.file as ReportFile, { refuse: true });
  const bytes = task.bytes;
  if (task.kind === 'docx-html') return docxHtml(bytes);
  verifyInflation(bytes, inspectZip(bytes));
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
});

/** A Word file as HTML for an item's body; its pictures are counted and left out (no alt text, and data: URLs are not kept). */
async function docxHtml(bytes: Uint8Array): Promise<{ html: string; droppedImages: number }> {
  try {
    verifyInflation(bytes, inspectZip(bytes));
  } catch (e) {
    if (e instanceof ZipRefused) throw Object.assign(new Error(`Word 文件${e.message}，已拒绝`), { code: 'publishing.docx_archive_refused', status: 400 });
    throw e;
  }
  let droppedImages = 0;
  const { value } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { convertImage: mammoth.images.imgElement(() => { droppedImages++; return Promise.resolve({ src: '' }); }) },
  );
  return { html: value, droppedImages };
}
