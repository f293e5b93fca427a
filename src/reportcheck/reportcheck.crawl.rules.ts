/**
 * Pure rules of reading a portal's 年报 column (no I/O): which links of a page are annual
 * reports, which are the column's further list pages, which are attached documents; robots.txt
 * as RFC 9309 reads it; which addresses a crawl may never reach.
 */
import { parse } from 'node-html-parser';

/** The product token robots.txt groups name; the User-Agent header starts with it. */
export const ROBOTS_TOKEN = 'Gongkai';
export const USER_AGENT = 'Gongkai-check-report/0.1 (annual report checker of the Gongkai open government information platform)';

export interface PageLink {
  url: string;
  text: string;
}

/** Only web pages are fetched: mailto:, javascript:, file:, ftp: and the like never are. */
export function isWebUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** `null` for anything that is not an absolute http(s) URL; the fragment is dropped. */
export function webUrl(href: string, base?: string): URL | null {
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    return null;
  }
  if (!isWebUrl(url)) return null;
  url.hash = '';
  return url;
}

/** Every link of a page, resolved against the page (or its `<base href>`), non-web ones dropped. */
export function pageLinks(html: string, pageUrl: string): PageLink[] {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const base = webUrl(root.querySelector('base[href]')?.getAttribute('href') ?? '', pageUrl)?.href ?? pageUrl;
  const links: PageLink[] = [];
  for (const a of root.querySelectorAll('a[href]')) {
    const url = webUrl(a.getAttribute('href') ?? '', base);
    if (!url) continue;
    const text = `${a.text} ${a.getAttribute('title') ?? ''}`.replace(/\s+/g, ' ').trim();
    links.push({ url: url.href, text });
  }
  return links;
}

/** A link to an annual report names it and its year: "2023年政府信息公开工作年度报告", "2022年年报". */
export function looksLikeReport(link: PageLink): boolean {
  return /(年度报告|年报)/.test(link.text) && /(?:19|20)\d{2}/.test(link.text) && !isDocument(link.url);
}

const DOCUMENT = /\.(pdf|docx|doc|wps)$/i;

/** Attached documents a report page offers: PDF, Word, WPS. */
export function isDocument(url: string): boolean {
  return DOCUMENT.test(new URL(url).pathname);
}

/**
 * Further pages of a list: within the column's folder, "下一页", "尾页", bare page numbers, and
 * the `index_N.html` pages that the common portal systems generate beside the column's
 * `index.html`. A site's "首页" (home) and menus lead out of the folder and are not followed.
 */
export function looksLikeListPage(link: PageLink, columnUrl: string): boolean {
  const column = new URL(columnUrl);
  const url = new URL(link.url);
  const dir = column.pathname.replace(/[^/]*$/, '');
  if (url.host !== column.host || !url.pathname.startsWith(dir)) return false;
  if (/^(下一?页|上一?页|尾页|末页|\d{1,3}|>|>>|»|next)$/i.test(link.text)) return true;
  const rest = url.pathname.slice(dir.length);
  return /^index_\d{1,3}\.s?html?$/i.test(rest) || (/^(index\.\w+)?$/.test(rest) && /[?&](page|pageIndex|pageNo|p|curpage)=\d+/i.test(url.search));
}

/**
 * List pages written by script: TRS-built columns print `createPageHTML(10, 0, "index", "shtml")`
 * (pages in all, this page, name, extension) and the browser builds the links from it.
 */
export function scriptedListPages(html: string, pageUrl: string): string[] {
  const m = /createPageHTML\(\s*(\d{1,3})\s*,\s*\d{1,3}\s*,\s*["']([\w-]+)["']\s*,\s*["'](\w+)["']/.exec(html);
  if (!m) return [];
  const pages = Number(m[1]);
  const urls: string[] = [];
  for (let i = 1; i < pages; i++) urls.push(new URL(`${m[2]}_${i}.${m[3]}`, pageUrl).href);
  return urls;
}

interface RobotsGroup {
  agents: string[];
  rules: { allow: boolean; path: string }[];
}

export interface Robots {
  allows(url: URL): boolean;
}

export const ALLOW_ALL: Robots = { allows: () => true };
export const DISALLOW_ALL: Robots = { allows: () => false };

function patternMatches(pattern: string, path: string): boolean {
  // `*` is any run of characters, a final `$` anchors at the end (RFC 9309 §2.2.3).
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  const regex = body
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${regex}${anchored ? '$' : ''}`).test(path);
}

/**
 * robots.txt (RFC 9309): the group naming our product token applies, else the `*` group; within
 * it the longest matching rule wins, Allow over Disallow on a tie; no matching rule allows.
 */
export function parseRobots(text: string, token = ROBOTS_TOKEN): Robots {
  const groups: RobotsGroup[] = [];
  let current: RobotsGroup | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const field = m[1].toLowerCase();
    const value = m[2].trim();
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
    } else if ((field === 'allow' || field === 'disallow') && current) {
      if (value) current.rules.push({ allow: field === 'allow', path: value });
      lastWasAgent = false;
    } else lastWasAgent = false;
  }
  const ours = groups.filter((g) => g.agents.some((a) => a !== '*' && token.toLowerCase().startsWith(a)));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  return {
    allows(url: URL) {
      let path: string;
      try {
        path = decodeURI(url.pathname) + url.search;
      } catch {
        path = url.pathname + url.search;
      }
      let best: { allow: boolean; length: number } | null = null;
      for (const rule of rules) {
        let pattern: string;
        try {
          pattern = decodeURI(rule.path);
        } catch {
          pattern = rule.path;
        }
        if (!patternMatches(pattern, path)) continue;
        const length = pattern.length;
        if (!best || length > best.length || (length === best.length && rule.allow)) best = { allow: rule.allow, length };
      }
      return best ? best.allow : true;
    },
  };
}

/**
 * Addresses a crawl must not reach unless told: loopback, private networks, link-local (cloud
 * metadata at 169.254.169.254), carrier-grade NAT, unique-local, multicast and unspecified.
 */
export function isPrivateAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.(\d+)\.(\d+)$/i.exec(address);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  return v6 === '::' || v6 === '::1' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || /^ff/.test(v6);
}
