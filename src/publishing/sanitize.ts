/**
 * Rich text is sanitized on input (DESIGN: security baseline): only the markup an official
 * document needs survives; scripts, styles, event handlers and foreign URLs schemes do not.
 */
import { sanitizeHtml } from '../shared/sanitize-html.lazy.ts';
import type sanitizeHtmlType from 'sanitize-html';

const OPTIONS: sanitizeHtmlType.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'blockquote',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'a', 'img', 'span', 'div', 'sub', 'sup', 'hr',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
};

export function sanitizeBody(htmlText: string): string {
  return sanitizeHtml(htmlText, OPTIONS).trim();
}
