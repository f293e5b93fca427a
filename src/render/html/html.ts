/**
 * A tiny auto-escaping HTML template tag, shared by the report renderer and the public portal.
 *
 *   html`<p title="${title}">${text}</p>`   interpolations are escaped (& < > " ')
 *   html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>`   arrays and nested fragments compose
 *   raw(trustedMarkup)   opts out of escaping, for markup that is already safe (sanitized rich text)
 *
 * null, undefined, false and true render nothing, so `${cond && html`…`}` works; numbers render
 * as their decimal text. The result is a SafeHtml object; `String(x)` or `x.toString()` gives the markup.
 * Escaping quotes as well as < > & makes interpolations safe inside quoted attribute values too;
 * it does NOT make them safe as unquoted attributes, URLs (javascript:) or inside <script>/<style>.
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Marks markup as trusted: it is inserted verbatim. Only for markup you produced or sanitized. */
export function raw(trustedHtml: string): SafeHtml {
  return new SafeHtml(trustedHtml);
}

function renderValue(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(renderValue).join('');
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  // Anything else (objects slipping past the types) is rendered as escaped text, never as markup.
  return escapeHtml(String(value));
}

/** The template tag. Literal parts are trusted (they are in the source); interpolations are escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += renderValue(values[i]) + strings[i + 1];
  }
  return new SafeHtml(out);
}

/** Joins fragments (or escaped strings) with an optional trusted separator. */
export function joinHtml(parts: readonly HtmlValue[], separator: SafeHtml | string = ''): SafeHtml {
  const sep = separator instanceof SafeHtml ? separator.value : escapeHtml(separator);
  return new SafeHtml(parts.map(renderValue).filter((s) => s !== '').join(sep));
}

/** Renders any value to a markup string (escaped unless it is SafeHtml). */
export function renderToString(value: HtmlValue): string {
  return renderValue(value);
}
