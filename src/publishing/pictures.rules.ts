/**
 * Pictures in an item's body (pure; the admin app imports it). The editor inserts an image
 * attachment as `<img src="/xxgk/tp/N">`: a picture seen on the page is part of reading it, not a
 * download, so it is served by its own address that does not count (the 附件 list's `/xxgk/fj/N`
 * does, and its 已下载 N 次 then means someone fetched the file). Bodies saved before pointed
 * pictures at `/xxgk/fj/N`; the portal rewrites those when it shows the page.
 */
import { pictureHref } from './portal/portal.links.ts';

/** `src` of a picture attachment (either address): the attachment id, or null for anything else. */
export function pictureAttachmentId(src: string): number | null {
  const m = /^\/xxgk\/(?:fj|tp)\/([1-9]\d{0,11})$/.exec(src);
  return m ? Number(m[1]) : null;
}

/**
 * The sanitized body with every `<img src="/xxgk/fj/N">` pointing at the picture address instead.
 * Only `src` attributes of `img` tags written by the sanitizer (double-quoted) are touched: a
 * link to the same file in the text (`<a href="/xxgk/fj/N">`) stays a counted download.
 */
export function picturesForPortal(bodyHtml: string): string {
  return bodyHtml.replace(/(<img\b[^>]*?\ssrc=")\/xxgk\/fj\/([1-9]\d{0,11})"/g, (_m, head: string, id: string) => `${head}${pictureHref(Number(id))}"`);
}
