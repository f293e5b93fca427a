/**
 * The Content-Disposition of a download: an ASCII fallback name for old clients and the real
 * (often Chinese) name as RFC 5987 `filename*`. Quotes, backslashes and control characters never
 * reach the header.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
