/**
 * Any uploaded file → source lines, by content first (a .txt may hold HTML) and name second.
 */
import type { SourceLine } from './reportcheck.text.ts';
import { decodeText, textToLines } from './reportcheck.text.ts';
import { htmlToLines } from './reportcheck.html.ts';
import { docxToLines } from './reportcheck.docx.ts';

export type InputKind = 'docx' | 'html' | 'text';

export function inputKind(name: string, bytes: Uint8Array): InputKind {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b; // "PK": a .docx is a zip archive
  if (zip || /\.docx$/i.test(name)) return 'docx';
  if (/\.(html?|xhtml|shtml)$/i.test(name)) return 'html';
  const head = new TextDecoder().decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(table|body|p)[\s>]/.test(head.slice(0, 400))) return 'html';
  return 'text';
}

export async function toLines(name: string, bytes: Uint8Array): Promise<{ kind: InputKind; lines: SourceLine[] }> {
  const kind = inputKind(name, bytes);
  if (kind === 'docx') return { kind, lines: await docxToLines(bytes) };
  const text = decodeText(bytes);
  return { kind, lines: kind === 'html' ? htmlToLines(text) : textToLines(text) };
}
