/**
 * HTML pages (and Word files, through mammoth's HTML) → source lines.
 *
 * Paragraphs and headings become one line each. Tables are laid out as a grid first, so that a
 * cell spanning rows or columns (rowspan/colspan) occupies all its positions; its text is written
 * once, in its top-left position, and the other positions are blank. Each grid row becomes a
 * tab-delimited line, which the table readers handle like any tab-separated text. A line's
 * number is the line of the HTML source where its element starts.
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import type { SourceLine } from './reportcheck.text.ts';
import { normaliseChars, splitCells } from './reportcheck.text.ts';

// Menus, forms' controls and frames of a saved portal page carry no report content.
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'nav', 'aside', 'select', 'button', 'iframe', 'object', 'svg']);
const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'blockquote', 'pre', 'header', 'footer', 'center']);

function lineNumberAt(source: string): (offset: number) => number {
  const starts: number[] = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

function cellText(cell: HTMLElement): string {
  // <br> and block children inside a cell are line wraps of one label.
  return normaliseChars(cell.structuredText.replace(/\s*\n\s*/g, '')).trim();
}

function span(cell: HTMLElement, name: string): number {
  const n = Number(cell.getAttribute(name) ?? '1');
  return Number.isInteger(n) && n > 0 && n < 100 ? n : 1;
}

const tagOf = (node: Node): string => (node.nodeType === 1 ? ((node as HTMLElement).rawTagName ?? '').toLowerCase() : '');

/**
 * The rows of this table and not of a table nested in one of its cells, found by one walk of
 * its subtree. (`closest('table')` per row compiles a selector for every ancestor of every row:
 * on a Word-exported page that was most of the time spent reading it.)
 */
function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      const tag = tagOf(child);
      if (tag === 'tr') rows.push(child as HTMLElement);
      if (tag && tag !== 'table') visit(child);
    }
  };
  visit(table);
  return rows;
}

function rowCells(tr: HTMLElement): HTMLElement[] {
  return tr.childNodes.filter((n): n is HTMLElement => tagOf(n) === 'td' || tagOf(n) === 'th');
}

/** Table → rows of cells, spans expanded (text in the top-left position only). */
export function tableGrid(table: HTMLElement): { cells: string[]; offset: number }[] {
  const rows = ownRows(table);
  const grid: { cells: (string | undefined)[]; offset: number }[] = rows.map((tr) => ({ cells: [], offset: tr.range[0] }));
  rows.forEach((tr, r) => {
    let c = 0;
    const cells = rowCells(tr);
    for (const cell of cells) {
      while (grid[r].cells[c] !== undefined) c++;
      const rowspan = span(cell, 'rowspan');
      const colspan = span(cell, 'colspan');
      const text = cellText(cell);
      for (let dr = 0; dr < rowspan && r + dr < grid.length; dr++) {
        for (let dc = 0; dc < colspan; dc++) grid[r + dr].cells[c + dc] = dr === 0 && dc === 0 ? text : '';
      }
      c += colspan;
    }
  });
  return grid.map((row) => ({ cells: Array.from(row.cells, (x) => x ?? ''), offset: row.offset }));
}

/** A table somewhere below `node`, found by a plain walk (querySelector compiles a selector each call). */
function holdsTable(node: Node): boolean {
  return node.childNodes.some((child) => tagOf(child) === 'table' || (child.nodeType === 1 && holdsTable(child)));
}

/** Direct rows of a table with at least this many cells hold figures (section 三 has 8–10). */
const DATA_ROW_CELLS = 4;

/**
 * A table is read as data unless it only lays out the page around other tables. Word's HTML
 * export nests a table in a cell of the data table now and then: a table with nested ones is
 * still data when several of its own rows have many cells.
 */
function isDataTable(table: HTMLElement): boolean {
  if (!holdsTable(table)) return true;
  return ownRows(table).filter((tr) => rowCells(tr).length >= DATA_ROW_CELLS).length >= 3;
}

export interface PageMetadata {
  /** ArticleTitle, then <title>, then the first heading: the report's title as the page names it. */
  titles: string[];
  /** PubDate as YYYY-MM-DD. */
  publishedOn: string | null;
  /** ContentSource: the publishing body or office. */
  source: string | null;
}

function metaContent(html: string, name: string): string | null {
  const tag = new RegExp(`<meta\\s[^>]*name\\s*=\\s*["']?${name}["']?[^>]*>`, 'i').exec(html)?.[0];
  const value = tag ? /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag) : null;
  const text = value ? (value[1] ?? value[2]).trim() : '';
  return text ? decodeEntities(text) : null;
}

function decodeEntities(text: string): string {
  // Most titles hold neither entities nor markup: no parser needed.
  if (!/[&<]/.test(text)) return text.trim();
  return parse(`<p>${text}</p>`).text.trim();
}

/**
 * What a saved government page says about its article outside the text: the metadata fields
 * that portals built on the common site systems write (ArticleTitle, PubDate, ContentSource),
 * the page title and the first heading.
 */
export function pageMetadata(html: string): PageMetadata {
  const head = html.slice(0, 200_000);
  const titles: string[] = [];
  const article = metaContent(head, 'ArticleTitle');
  if (article) titles.push(article);
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
  if (title && decodeEntities(title)) titles.push(decodeEntities(title));
  const heading = /<h[12][^>]*>([\s\S]*?)<\/h[12]>/i.exec(head)?.[1];
  if (heading) titles.push(decodeEntities(heading.replace(/<[^>]+>/g, '')));
  const date = /(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})/.exec(metaContent(head, 'PubDate') ?? metaContent(head, 'pubdate') ?? '');
  return {
    titles,
    publishedOn: date ? `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}` : null,
    source: metaContent(head, 'ContentSource'),
  };
}

export function htmlToLines(html: string): SourceLine[] {
  // Doctype and comments carry no content; blanked in place so that line numbers stay true.
  html = html.replace(/<!(?:DOCTYPE[^>]*|--[\s\S]*?--)>/gi, (m) => m.replace(/[^\n]/g, ' '));
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const lineAt = lineNumberAt(html);
  const lines: SourceLine[] = [];
  let inline = '';
  let inlineOffset = 0;

  const flush = () => {
    const text = normaliseChars(inline).replace(/\s+/g, ' ').trim();
    if (text) {
      const { cells, delimited } = splitCells(text);
      lines.push({ no: lineAt(inlineOffset), raw: text, cells, delimited });
    }
    inline = '';
  };

  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      if (!inline.trim()) inlineOffset = node.range[0];
      inline += node.text;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as HTMLElement;
    const tag = el.tagName?.toLowerCase() ?? '';
    if (SKIP.has(tag)) return;
    // A table holding other tables is page layout (common on older government sites): its
    // cells are read as blocks and only the innermost tables as data.
    if (tag === 'table' && isDataTable(el)) {
      flush();
      for (const row of tableGrid(el)) {
        if (row.cells.every((c) => c === '')) continue;
        lines.push({ no: lineAt(row.offset), raw: row.cells.join('\t'), cells: row.cells, delimited: true });
      }
      return;
    }
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCK.has(tag) || tag === 'tr' || tag === 'td' || tag === 'th';
    if (block) flush();
    if (block) inlineOffset = el.range[0];
    for (const child of el.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}
