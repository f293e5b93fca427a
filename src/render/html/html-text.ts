/**
 * Plain text of (sanitized) HTML: block ends become line breaks, tags go, the five entities the
 * `html` tag writes (and &nbsp;) are decoded. Used for the search index, for narrative checks and
 * for putting rich text into Word. Not a general HTML parser: input is our own sanitized markup.
 */
const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

export function htmlToText(markup: string): string {
  return markup
    .replace(/<(br|\/p|\/div|\/li|\/h\d|\/tr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(nbsp|lt|gt|quot|#39|amp);/g, (e) => ENTITIES[e])
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The non-empty paragraphs (lines) of a rich text, trimmed. */
export function htmlParagraphs(markup: string): string[] {
  return htmlToText(markup)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
