/**
 * Where `/a11y?back=` may send the visitor back to (pure): a path on this site only. The value is
 * resolved as a browser would (a backslash counts as a slash, so `/\evil.example/` is another
 * host) and re-serialized, so the Location header holds only percent-encoded ASCII: a Chinese
 * character or a line break in `back` can no longer break the response.
 */
const BASE = 'http://same.origin.invalid';

export function sameOriginPath(back: unknown): string {
  if (typeof back !== 'string' || !back.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(back, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const out = `${url.pathname}${url.search}${url.hash}`;
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(out) ? out : '/';
}
