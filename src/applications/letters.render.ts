/**
 * One letter laid out as a 公文: title, 文号, body, the body's name as 落款 with the date and a seal
 * area (the uploaded electronic seal over it when there is one), then the office's contact block.
 * The same layout gives the Word file (docx), the HTML preview and the PDF (printed by Chromium).
 */
import { html, type SafeHtml } from '../render/html/html.ts';
import type { Browser } from 'playwright-core';
import { chromiumMissingError, printHtmlToPdf } from '../render/pdf/report-pdf.ts';
import { chromiumAvailable, launchChromium } from '../shared/chromium.ts';

export interface LetterSeal {
  bytes: Buffer;
  mime: 'image/png' | 'image/jpeg';
}

export interface LetterDocument {
  title: string;
  /** 文号; null on an unissued draft. */
  docNumber: string | null;
  paragraphs: string[];
  /** 落款: the body's name. */
  bodyName: string;
  /** Printed date, 2026年3月2日. */
  dateText: string;
  contact: string[];
  seal: LetterSeal | null;
}

const SEAL_PX = 151; // 4 cm at 96 dpi: the usual round seal.
const DRAFT_NUMBER = '（未签发，无文号）';

export async function letterDocxBytes(doc: LetterDocument): Promise<Buffer> {
  // docx is loaded with the first Word letter, not at start-up.
  const { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, TextRun } = await import('docx');
  const font = { ascii: 'FangSong', eastAsia: '仿宋_GB2312', hAnsi: 'FangSong' };
  const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(text)] });
  const seal = doc.seal
    ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new ImageRun({ type: doc.seal.mime === 'image/png' ? 'png' : 'jpg', data: doc.seal.bytes, transformation: { width: SEAL_PX, height: SEAL_PX }, altText: { name: '电子印章', description: `${doc.bodyName}印章`, title: '电子印章' } })] })]
    : [right('（盖章）')];
  const document = new Document({
    styles: { default: { document: { run: { font, size: 32 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, bold: true, size: 44, font: { eastAsia: '方正小标宋简体', ascii: 'SimSun', hAnsi: 'SimSun' } })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 320 }, children: [new TextRun(doc.docNumber ?? DRAFT_NUMBER)] }),
          ...doc.paragraphs.map((p, i) => new Paragraph({ indent: i === 0 ? undefined : { firstLine: 640 }, spacing: { line: 560 }, children: [new TextRun(p)] })),
          new Paragraph({ spacing: { before: 480 }, children: [] }),
          ...seal,
          right(doc.bodyName),
          right(doc.dateText),
          new Paragraph({ spacing: { before: 480 }, children: [] }),
          ...doc.contact.map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 28 })] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function body(doc: LetterDocument): SafeHtml {
  const seal = doc.seal
    ? html`<img class="seal" alt="${doc.bodyName}电子印章" src="${`data:${doc.seal.mime};base64,${doc.seal.bytes.toString('base64')}`}">`
    : html`<span class="seal-area">（盖章）</span>`;
  return html`<article class="letter">
<h1>${doc.title}</h1>
<p class="docno">${doc.docNumber ?? DRAFT_NUMBER}</p>
${doc.paragraphs.map((p, i) => html`<p class="${i === 0 ? 'salutation' : 'para'}">${p}</p>`)}
<div class="sign">${seal}<p>${doc.bodyName}</p><p>${doc.dateText}</p></div>
<div class="contact">${doc.contact.map((l) => html`<p>${l}</p>`)}</div>
</article>`;
}

/** The letter as a fragment for the admin app's preview (every value escaped). */
export function letterFragmentHtml(doc: LetterDocument): string {
  return body(doc).toString();
}

const PRINT_STYLE = `@page{size:A4;margin:37mm 26mm 35mm 28mm}
body{font-family:FangSong,'Noto Serif CJK SC',serif;font-size:16pt;line-height:28pt;margin:0}
h1{font-size:22pt;line-height:1.4;text-align:center;font-weight:bold;margin:0 0 6pt}
.docno{text-align:center;margin:0 0 18pt}
p{margin:0}
.para{text-indent:2em}
.sign{position:relative;text-align:right;margin-top:36pt;padding-right:2em;min-height:40mm}
.sign p{position:relative;z-index:1}
.seal{position:absolute;right:6mm;top:-8mm;width:40mm;height:40mm;opacity:.85;z-index:2}
.seal-area{display:inline-block;width:40mm;text-align:center;color:#666}
.contact{margin-top:24pt;font-size:14pt;line-height:22pt}`;

export function letterDocumentHtml(doc: LetterDocument): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${html`${doc.title}`}</title><style>${PRINT_STYLE}</style></head><body>${body(doc)}</body></html>`;
}

/**
 * Letters are issued one after another through a working day: one browser is kept for them and
 * closed after a minute without work (launching Chromium costs more than printing a letter).
 */
const IDLE_MS = 60_000;
interface SharedBrowser {
  browser: Promise<Browser>;
  users: number;
  timer: NodeJS.Timeout | null;
}
let shared: SharedBrowser | null = null;

/** Closes the kept browser now (the server calls this when it closes). */
export async function closeLetterBrowser(): Promise<void> {
  const entry = shared;
  shared = null;
  if (!entry) return;
  if (entry.timer) clearTimeout(entry.timer);
  await entry.browser.then((b) => b.close()).catch(() => undefined);
}

async function withSharedBrowser<T>(work: (b: Browser) => Promise<T>): Promise<T> {
  if (!chromiumAvailable()) throw chromiumMissingError();
  if (!shared) {
    const entry: SharedBrowser = { browser: launchChromium(), users: 0, timer: null };
    shared = entry;
    entry.browser.then((b) => b.on('disconnected', () => { if (shared === entry) shared = null; }), () => { if (shared === entry) shared = null; });
  }
  const entry: SharedBrowser = shared;
  if (entry.timer) clearTimeout(entry.timer);
  entry.users += 1;
  try {
    return await work(await entry.browser);
  } finally {
    entry.users -= 1;
    if (entry.users === 0 && shared === entry) {
      entry.timer = setTimeout(() => {
        if (shared === entry && entry.users === 0) {
          shared = null;
          void entry.browser.then((b) => b.close()).catch(() => undefined);
        }
      }, IDLE_MS);
      entry.timer.unref();
    }
  }
}

export function letterPdfBytes(doc: LetterDocument): Promise<Buffer> {
  return withSharedBrowser((browser) => printHtmlToPdf(letterDocumentHtml(doc), { browser }));
}
