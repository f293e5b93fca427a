/**
 * Word files (.docx) → HTML through mammoth, which keeps tables with their merged cells
 * (colspan/rowspan), then → source lines like any HTML page. Line numbers are those of the
 * generated HTML, one paragraph or table row per line.
 *
 * The archive is checked first (zip-guard): mammoth inflates every part in memory, so a small
 * file declaring or hiding a huge part is refused before it is read.
 */
import type { SourceLine } from './reportcheck.text.ts';
import { htmlToLines } from './reportcheck.html.ts';
import { inspectZip, verifyInflation } from '../shared/zip-guard.ts';

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  verifyInflation(bytes, inspectZip(bytes));
  const { default: mammoth } = await import('mammoth'); // loaded on use, not at start-up
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
  // One block element per line, so that line numbers point at paragraphs and rows.
  return value.replace(/(<\/(?:p|h\d|tr|li)>)/g, '$1\n');
}

export async function docxToLines(bytes: Uint8Array): Promise<SourceLine[]> {
  return htmlToLines(await docxToHtml(bytes));
}
