/**
 * The portal's page frame, following Chinese government website conventions (国办发〔2017〕47号
 * 政府网站发展指引): header with the body's name, main navigation, footer with the 网站标识码,
 * ICP and 公安 record numbers and contact. Works without JavaScript; landmarks, a skip link,
 * visible focus, and the 适老化 modes (larger text, high contrast) chosen by a cookie.
 */
import { html, type HtmlValue, type SafeHtml } from '../render/html/html.ts';
import type { SiteConfig } from '../config/config.ts';

export interface PortalPrefs {
  largeText: boolean;
  highContrast: boolean;
}

export interface PageOptions {
  title: string;
  /** Path of the current page, to mark the active navigation entry and return from mode switches. */
  path: string;
  prefs: PortalPrefs;
  breadcrumbs?: { href: string; label: string }[];
  body: HtmlValue;
  /** Extra stylesheet paths (must be same-origin: the CSP allows 'self' only). */
  styles?: string[];
  /** Absolute URL of this page under SITE_URL (GET pages that answered 200). */
  canonical?: string;
}

export const NAV = [
  { href: '/', label: '首页' },
  { href: '/xxgk/', label: '政府信息公开' },
  { href: '/ysqgk/', label: '依申请公开' },
  { href: '/hdjl/', label: '互动交流' },
] as const;

function isActive(path: string, href: string): boolean {
  return href === '/' ? path === '/' : path.startsWith(href);
}

function modeLinks(path: string, prefs: PortalPrefs): SafeHtml {
  const back = encodeURIComponent(path);
  return html`<ul class="modes" aria-label="无障碍浏览">
    <li><a href="/a11y?large=${prefs.largeText ? '0' : '1'}&amp;back=${back}">${prefs.largeText ? '标准字号' : '大字版'}</a></li>
    <li><a href="/a11y?contrast=${prefs.highContrast ? '0' : '1'}&amp;back=${back}">${prefs.highContrast ? '标准配色' : '高对比度'}</a></li>
  </ul>`;
}

export function renderPage(site: SiteConfig, o: PageOptions): string {
  const classes = [o.prefs.largeText && 'large-text', o.prefs.highContrast && 'high-contrast'].filter(Boolean).join(' ');
  const page = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="${site.bodyName}">
<meta name="SiteIDCode" content="${site.siteCode}">
<title>${o.title} - ${site.bodyName}</title>
<link rel="stylesheet" href="/static/portal.css">
${o.canonical ? html`<link rel="canonical" href="${o.canonical}">` : ''}
${(o.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}">`)}
</head>
<body class="${classes}">
<a class="skip-link" href="#main">跳到主要内容</a>
<header class="site-header">
  <div class="wrap header-row">
    <p class="site-name"><a href="/">${site.bodyName}</a></p>
    ${modeLinks(o.path, o.prefs)}
    <form class="header-search" action="/search" method="get" role="search">
      <label for="header-q" class="visually-hidden">站内搜索</label>
      <input id="header-q" name="q" type="search" placeholder="搜索本站信息">
      <button type="submit">搜索</button>
    </form>
  </div>
  <nav class="main-nav" aria-label="主导航">
    <ul class="wrap">
      ${NAV.map((n) => html`<li><a href="${n.href}"${isActive(o.path, n.href) ? html` aria-current="page"` : ''}>${n.label}</a></li>`)}
    </ul>
  </nav>
</header>
${o.breadcrumbs?.length
  ? html`<nav class="wrap breadcrumbs" aria-label="当前位置"><ol>
      <li><a href="/">首页</a></li>
      ${o.breadcrumbs.map((b, i) =>
        i === o.breadcrumbs!.length - 1 ? html`<li aria-current="page">${b.label}</li>` : html`<li><a href="${b.href}">${b.label}</a></li>`,
      )}
    </ol></nav>`
  : ''}
<main id="main" class="wrap" tabindex="-1">
${o.body}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>主办：${site.bodyName}　地址：${site.address}</p>
    <p>${site.contact}</p>
    <p>网站标识码：${site.siteCode}　${site.icp}　${site.publicSecurityRecord}</p>
  </div>
</footer>
</body>
</html>`;
  return page.toString();
}

/** Reads the 适老化 preferences from the request cookies. */
export function prefsFromCookies(cookies: Record<string, string | undefined>): PortalPrefs {
  return { largeText: cookies.gk_large === '1', highContrast: cookies.gk_contrast === '1' };
}
