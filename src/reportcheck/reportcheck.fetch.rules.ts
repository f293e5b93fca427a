/**
 * Pure rules of the crawler's HTTP client: which character set a fetched page is in, and whether
 * a URL goes through a proxy (the HTTPS_PROXY / HTTP_PROXY / NO_PROXY conventions of curl).
 */
import { decodeText } from './reportcheck.text.ts';

/**
 * WHATWG labels that TextDecoder knows, with the Chinese government sites' favourites mapped to
 * GB18030: it is a superset of GB2312 and GBK, so a page declared as either (and often written
 * with characters beyond it) reads whole.
 */
const CHINESE = /^(?:gb2312|gb_2312(?:-80)?|gbk|x-gbk|cp936|windows-936|ms936|gb18030|csgb2312|iso-ir-58|chinese)$/;

function normalCharset(label: string): string | null {
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  if (CHINESE.test(l)) return 'gb18030';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** The charset named by a Content-Type value (`text/html; charset=GBK`), if any and known. */
export function headerCharset(contentType: string): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m ? normalCharset(m[2]) : null;
}

/** The charset a page declares in its first bytes: `<meta charset>` or `<meta http-equiv … content="…charset=…">`. */
export function metaCharset(bytes: Uint8Array): string | null {
  // Declarations are ASCII and must come early (HTML: within the first 1024 bytes; old pages are laxer).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([-\w:.]+)/i.exec(head);
  return meta ? normalCharset(meta[1]) : null;
}

/**
 * A fetched page's text: in the charset its header names, else the one its markup declares,
 * else UTF-8 when it is valid UTF-8 and GB18030 otherwise. A declared charset decodes leniently,
 * so that a page cut at the byte limit inside a character keeps all it had before the cut.
 */
export function decodePage(bytes: Uint8Array, contentType: string): string {
  const charset = headerCharset(contentType) ?? metaCharset(bytes);
  if (!charset) return decodeText(bytes);
  return new TextDecoder(charset).decode(bytes).replace(/^\uFEFF/, '');
}

/** The proxy settings a crawl reads from its environment (lower case wins, as curl has it). */
export interface ProxyEnv {
  https: string | null;
  http: string | null;
  noProxy: string;
}

export function proxyEnv(env: NodeJS.ProcessEnv): ProxyEnv {
  const pick = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || null;
  return { https: pick('https_proxy'), http: pick('http_proxy'), noProxy: pick('no_proxy') ?? '' };
}

/** Hosts excluded by NO_PROXY: `*`, exact names, domain suffixes (`.gov.cn` or `gov.cn`), with an optional port. */
export function bypassesProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
    if (!m) continue;
    const name = m[1].replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
    if (m[2] && m[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** A proxy setting that cannot be used; the message says why. */
export class ProxyError extends Error {}

/** The proxy for `url`, or null for a direct connection. Only http:// proxies are supported (CONNECT for https). */
export function proxyFor(url: URL, env: ProxyEnv): URL | null {
  const setting = url.protocol === 'https:' ? env.https : env.http;
  if (!setting || bypassesProxy(url, env.noProxy)) return null;
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(setting) ? setting : `http://${setting}`);
  } catch {
    throw new ProxyError(`代理地址 ${setting} 无效`);
  }
  if (proxy.protocol !== 'http:') throw new ProxyError(`代理地址 ${proxy.protocol}// 不受支持，只支持 http:// 代理（https 网址经其 CONNECT 隧道访问）`);
  return proxy;
}
