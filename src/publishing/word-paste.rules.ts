/**
 * What is pasted from Word or WPS into an item's body, cleaned (pure; the admin editor runs it on
 * every paste). Their clipboard HTML carries a style sheet, `mso-` styles and classes on every
 * element, `<o:p>` and VML, conditional comments, fonts and spans in dozens, and lists written
 * as indented paragraphs with their number as text. Kept: headings, paragraphs, real lists (the
 * Word ones rebuilt from `mso-list`), tables with merged cells, bold, italic, underline, sub/sup,
 * line breaks and web links. Images are dropped and counted: a pasted picture points at the
 * author's own disk and has no alternative text, so the publisher inserts it again by hand.
 *
 * The server's sanitizer (sanitize.ts) stays the last word on what is saved; this only spares
 * the publisher the debris. The HTML is parsed by the caller's parser (the browser's DOMParser in
 * the editor, node-html-parser in tests), seen through the small `HtmlNode` view below.
 */

/** A parsed node: element (1) or text (3); anything else is ignored. */
export interface HtmlNode {
  nodeType: number;
  /** Lower-case tag name with any namespace prefix (`o:p`, `st1:chsdate`); '' for a text node. */
  tag: string;
  attr(name: string): string | null;
  children: HtmlNode[];
  /** The decoded text (of the node and everything inside it). */
  text: string;
}

/** Parses an HTML document or fragment and returns its body (or the fragment's root). */
export type ParseHtml = (html: string) => HtmlNode;

export interface CleanedPaste {
  html: string;
  droppedImages: number;
}

const ELEMENT = 1;
const TEXT = 3;
/** Removed with their content. */
const DROP = new Set(['head', 'style', 'script', 'meta', 'link', 'title', 'xml', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'colgroup', 'col', 'input', 'button', 'select', 'textarea']);
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'blockquote', 'hr', 'section', 'article', 'center', 'pre']);
/** Word's heading 1 is the item's first heading below its title (h1 on the portal page). */
const HEADING_LEVEL: Record<string, number> = { h1: 2, h2: 3, h3: 4, h4: 4, h5: 4, h6: 4 };
const INLINE_KEPT: Record<string, string> = { b: 'strong', strong: 'strong', i: 'em', em: 'em', u: 'u', sub: 'sub', sup: 'sup' };

const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f]';
const BREAK_BETWEEN_CJK = new RegExp(`(${CJK})[ \\t]*[\\r\\n]+[ \\t]*(?=${CJK})`, 'g');

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Word wraps its HTML source inside sentences; a line end between two Chinese characters is no space. */
function cleanText(text: string): string {
  return escapeText(text).replace(BREAK_BETWEEN_CJK, '$1').replace(/[\r\n]+/g, ' ');
}

const styleOf = (el: HtmlNode) => (el.attr('style') ?? '').toLowerCase().replace(/\s+/g, '');

function listLevel(el: HtmlNode): number | null {
  if (el.tag !== 'p') return null;
  const m = /mso-list:l\d+level(\d+)/.exec(styleOf(el));
  return m ? Number(m[1]) : null;
}

const isMarker = (n: HtmlNode) => n.nodeType === ELEMENT && styleOf(n as HtmlNode).includes('mso-list:ignore');

function findMarker(el: HtmlNode): HtmlNode | null {
  for (const c of el.children) {
    if (c.nodeType !== ELEMENT) continue;
    if (isMarker(c)) return c as HtmlNode;
    const inner = findMarker(c as HtmlNode);
    if (inner) return inner;
  }
  return null;
}

/**
 * 1. 一、（一） a) iv. are numbers; ·, §, o and Wingdings bullets (typed as letters: n ■, l ●, q ❑)
 * are not, so a letter counts as a number only with its dot or bracket.
 */
const ORDERED_MARKER = /^[(（]?(?:[0-9０-９]+|[一二三四五六七八九十百]+)[.．、)）]?$|^[(（]?(?:[a-zA-Z]|[ivxlcIVXLC]+)[.．、)）]$/;

const isBlank = (html: string) => !/<(?:img|br|table)\b/i.test(html) && html.replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;|\u00a0|\s/g, '') === '';

class Cleaner {
  droppedImages = 0;

  /** Children of a block container: block elements stay blocks, Word's list paragraphs become lists. */
  blocks(nodes: HtmlNode[]): string {
    let out = '';
    let inline = '';
    const flushInline = () => {
      if (!isBlank(inline)) out += `<p>${inline.trim()}</p>`;
      inline = '';
    };
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.nodeType === ELEMENT && listLevel(n as HtmlNode) !== null) {
        flushInline();
        const run: HtmlNode[] = [];
        let j = i;
        for (; j < nodes.length; j++) {
          const m = nodes[j];
          if (m.nodeType === TEXT && !m.text.trim()) continue;
          if (m.nodeType !== ELEMENT || listLevel(m as HtmlNode) === null) break;
          run.push(m as HtmlNode);
        }
        out += this.list(run);
        i = j - 1;
      } else if (n.nodeType === ELEMENT && this.isBlock(n as HtmlNode)) {
        flushInline();
        out += this.element(n as HtmlNode);
      } else {
        inline += this.node(n);
      }
    }
    flushInline();
    return out;
  }

  isBlock(el: HtmlNode): boolean {
    const tag = el.tag;
    return BLOCKS.has(tag) || ((tag === 'span' || tag === 'font' || tag.includes(':')) && el.children.some((c) => c.nodeType === ELEMENT && this.isBlock(c as HtmlNode)));
  }

  /** Word's numbered and bulleted paragraphs as nested <ol>/<ul>, the typed numbers removed. */
  list(paragraphs: HtmlNode[]): string {
    let out = '';
    const open: { type: string; level: number }[] = [];
    const close = () => `</li></${open.pop()!.type}>`;
    for (const p of paragraphs) {
      const level = listLevel(p)!;
      const marker = findMarker(p);
      const markerText = (marker?.text ?? '').replace(/[\s\u00a0]/g, '');
      const type = ORDERED_MARKER.test(markerText) ? 'ol' : 'ul';
      while (open.length && open[open.length - 1].level > level) out += close();
      if (open.length && open[open.length - 1].level === level && open[open.length - 1].type !== type) out += close();
      if (!open.length || open[open.length - 1].level < level) {
        out += `<${type}><li>`;
        open.push({ type, level });
      } else out += '</li><li>';
      out += `<p>${this.inline(p.children).trim()}</p>`;
    }
    while (open.length) out += close();
    return out;
  }

  inline(nodes: HtmlNode[]): string {
    return nodes.map((n) => this.node(n)).join('');
  }

  node(n: HtmlNode): string {
    if (n.nodeType === TEXT) return cleanText(n.text);
    if (n.nodeType !== ELEMENT) return '';
    return this.element(n as HtmlNode);
  }

  element(el: HtmlNode): string {
    const tag = el.tag;
    if (!tag) return this.blocks(el.children);
    if (DROP.has(tag) || tag === 'o:p' || tag.startsWith('v:')) return '';
    if (tag === 'img') {
      this.droppedImages++;
      return '';
    }
    if (tag === 'br') return '<br>';
    if (tag === 'hr') return '<hr>';
    if (tag === 'p' || tag === 'pre') {
      const inner = this.inline(el.children).trim();
      return isBlank(inner) ? '' : `<p>${inner}</p>`;
    }
    if (tag in HEADING_LEVEL) {
      const inner = this.inline(el.children).trim();
      return isBlank(inner) ? '' : `<h${HEADING_LEVEL[tag]}>${inner}</h${HEADING_LEVEL[tag]}>`;
    }
    if (tag === 'div' || tag === 'section' || tag === 'article' || tag === 'center' || tag === 'body' || tag === 'html') {
      // A layout wrapper (Word's WordSection1) is dropped; a <div> holding only text is a paragraph.
      return this.blocks(el.children);
    }
    if (tag === 'ul' || tag === 'ol') {
      const items = el.children.filter((c) => c.nodeType === ELEMENT).map((c) => this.element(c as HtmlNode)).join('');
      return items ? `<${tag}>${items}</${tag}>` : '';
    }
    if (tag === 'li') return `<li>${this.blocks(el.children)}</li>`;
    if (tag === 'blockquote') return `<blockquote>${this.blocks(el.children)}</blockquote>`;
    if (tag === 'table') return this.table(el);
    if (tag === 'a') {
      const href = (el.attr('href') ?? '').trim();
      const inner = this.inline(el.children);
      return /^(?:https?:|mailto:)/i.test(href) && !isBlank(inner) ? `<a href="${escapeAttr(href)}">${inner}</a>` : inner;
    }
    if (tag in INLINE_KEPT) return this.wrap(INLINE_KEPT[tag], this.inline(el.children));
    if (tag === 'span' || tag === 'font') {
      if (isMarker(el)) return '';
      const style = styleOf(el);
      let inner = this.inline(el.children);
      // WPS and web pages mark emphasis by style rather than by element.
      if (/font-weight:(?:bold|[6-9]00)/.test(style)) inner = this.wrap('strong', inner);
      if (/font-style:italic/.test(style)) inner = this.wrap('em', inner);
      return inner;
    }
    // Anything else (Word's st1: smart tags, <nobr>, <label>…): its content without it.
    return this.isBlock(el) ? this.blocks(el.children) : this.inline(el.children);
  }

  wrap(tag: string, inner: string): string {
    return isBlank(inner) ? inner.replace(/<[^>]*>/g, '') : `<${tag}>${inner}</${tag}>`;
  }

  table(el: HtmlNode): string {
    const rows: string[] = [];
    const collect = (parent: HtmlNode) => {
      for (const c of parent.children) {
        if (c.nodeType !== ELEMENT) continue;
        const tag = (c as HtmlNode).tag;
        if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') collect(c as HtmlNode);
        else if (tag === 'tr') rows.push(this.row(c as HtmlNode));
      }
    };
    collect(el);
    return rows.length ? `<table><tbody>${rows.join('')}</tbody></table>` : '';
  }

  row(tr: HtmlNode): string {
    const cells = tr.children.filter((c) => c.nodeType === ELEMENT && /^t[dh]$/.test((c as HtmlNode).tag)).map((c) => {
      const cell = c as HtmlNode;
      const tag = cell.tag;
      let attrs = '';
      for (const name of ['colspan', 'rowspan']) {
        const v = Number(cell.attr(name));
        if (Number.isInteger(v) && v > 1) attrs += ` ${name}="${v}"`;
      }
      return `<${tag}${attrs}>${this.blocks(cell.children)}</${tag}>`;
    });
    return `<tr>${cells.join('')}</tr>`;
  }
}

/** The clipboard's HTML (a whole Word document or a fragment) reduced to the body's markup. */
export function cleanPastedHtml(html: string, parseHtml: ParseHtml): CleanedPaste {
  // Word's "downlevel-revealed" conditionals (<![if !supportLists]> … <![endif]>) keep their
  // content; the commented ones (<!--[if gte vml 1]> … <![endif]-->) go with the comments.
  const source = html.replace(/<!\[(?:if[^\]]*|endif)\]>/gi, '');
  const cleaner = new Cleaner();
  const out = cleaner.blocks(parseHtml(source).children);
  return { html: out, droppedImages: cleaner.droppedImages };
}
