/**
 * sanitize-html, loaded on the first call instead of at start-up: with its HTML parser and
 * PostCSS it was about a tenth of a server's start, and only writes of rich text need it.
 * It is CommonJS, so it loads synchronously and callers stay synchronous.
 */
import { createRequire } from 'node:module';
import type sanitizeHtmlType from 'sanitize-html';

let loaded: typeof sanitizeHtmlType | null = null;

export function sanitizeHtml(dirty: string, options: sanitizeHtmlType.IOptions): string {
  loaded ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtmlType;
  return loaded(dirty, options);
}
