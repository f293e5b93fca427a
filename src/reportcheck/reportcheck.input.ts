/**
 * Any uploaded file → source lines, by content first (a .txt may hold HTML) and name second.
 */
import type { SourceLine } from './reportcheck.text.ts';
import { decodeText, textToLines } from './reportcheck.text.ts';
import { htmlToLines, pageMetadata, type PageMetadata } from './reportcheck.html.ts';
import { docxToLines } from './reportcheck.docx.ts';
import { imageToLines, pdfToLines } from './reportcheck.pdf.ts';
import { docToLines, isOle } from './reportcheck.doc.ts';

/**
 * `scanned-pdf` and `image` were read through OCR: their figures deserve a look at the original.
 * `doc` is a Word 97–2003 or WPS Writer file, converted by LibreOffice.
 */
export type InputKind = 'docx' | 'doc' | 'html' | 'text' | 'pdf' | 'scanned-pdf' | 'image';

export function isPdf(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46; // %PDF
}

export function isImage(bytes: Uint8Array): boolean {
  const png = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}

export function inputKind(name: string, bytes: Uint8Array): InputKind {
  if (isPdf(bytes)) return 'pdf';
  if (isImage(bytes)) return 'image';
  if (isOle(bytes)) return 'doc';
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": a .docx is a zip archive
  if (zip || /\.docx$/i.test(name)) return 'docx';
  if (/\.(html?|xhtml|shtml)$/i.test(name)) return 'html';
  const head = new TextDecoder().decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(table|body|p)[\s>]/.test(head.slice(0, 400))) return 'html';
  return 'text';
}

export async function toLines(name: string, bytes: Uint8Array): Promise<{ kind: InputKind; lines: SourceLine[]; page?: PageMetadata }> {
  const kind = inputKind(name, bytes);
  if (kind === 'pdf') {
    const { lines, ocr } = await pdfToLines(bytes);
    return { kind: ocr ? 'scanned-pdf' : 'pdf', lines };
  }
  if (kind === 'image') return { kind, lines: await imageToLines(bytes) };
  if (kind === 'docx') return { kind, lines: await docxToLines(bytes) };
  if (kind === 'doc') return { kind, lines: await docToLines(bytes) };
  const text = decodeText(bytes);
  if (kind === 'html') return { kind, lines: htmlToLines(text), page: pageMetadata(text) };
  return { kind, lines: textToLines(text) };
}
