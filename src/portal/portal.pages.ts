/**
 * The portal's shell pages. The 政府信息公开 column follows the unified layout of
 * 国办公开办函〔2019〕61号: 指南, 制度, 法定主动公开内容, 年报. A column with no records says so
 * honestly; nothing here is made up.
 */
import { html, type HtmlValue, type SafeHtml } from '../render/html/html.ts';
import type { SiteConfig } from '../config/config.ts';
import type { GuideContent } from '../publishing/guide.schema.ts';
import { paragraphs } from '../publishing/guide.rules.ts';

export const XXGK_SECTIONS = [
  { href: '/xxgk/zn/', label: '政府信息公开指南' },
  { href: '/xxgk/zd/', label: '政府信息公开制度' },
  { href: '/xxgk/fdzdgknr/', label: '法定主动公开内容' },
  { href: '/xxgk/nb/', label: '政府信息公开年报' },
] as const;

export function xxgkSideNav(path: string): SafeHtml {
  return html`<nav class="side-nav" aria-label="政府信息公开栏目"><ul>
    ${XXGK_SECTIONS.map((s) => html`<li><a href="${s.href}"${path.startsWith(s.href) ? html` aria-current="page"` : ''}>${s.label}</a></li>`)}
  </ul></nav>`;
}

/**
 * A page with a side navigation: the content comes first in the document, so a phone (one
 * column) and a screen reader meet the page before a navigation of up to 30 columns; on a wide
 * screen the stylesheet places the navigation on the left.
 */
export function sideLayout(nav: SafeHtml, content: HtmlValue): SafeHtml {
  return html`<div class="side-layout"><section class="side-content" aria-labelledby="page-title">${content}</section>${nav}</div>`;
}

export function emptyColumn(what: string): SafeHtml {
  return html`<p class="empty">本栏目暂无${what}。</p>`;
}

/** Home page; publishing fills in the latest items and the special topics (专题专栏). */
export function homeBody(site: SiteConfig, parts: { latest?: SafeHtml; topics?: SafeHtml } = {}): SafeHtml {
  return html`<h1 class="visually-hidden">${site.bodyName}门户网站</h1>
  <div class="columns">
    <section class="panel" aria-labelledby="h-latest"><h2 id="h-latest">最新信息</h2>${parts.latest ?? emptyColumn('已发布的信息')}</section>
    <section class="panel" aria-labelledby="h-xxgk"><h2 id="h-xxgk">政府信息公开</h2>
      <ul>${XXGK_SECTIONS.map((s) => html`<li><a href="${s.href}">${s.label}</a></li>`)}
        <li><a href="/xxgk/bm/">部门信息公开</a></li><li><a href="/xmt/">政务新媒体</a></li></ul>
    </section>
    <section class="panel" aria-labelledby="h-apply"><h2 id="h-apply">依申请公开</h2>
      <p>公民、法人或者其他组织可以向本机关申请获取相关政府信息。</p>
      <p><a href="/ysqgk/">查看申请须知</a></p>
    </section>
    <section class="panel" aria-labelledby="h-search"><h2 id="h-search">站内搜索</h2>
      <form action="/search" method="get" role="search" aria-label="首页站内搜索">
        <label for="home-q">搜索政府信息（标题、正文、文号、附件）</label>
        <input id="home-q" name="q" type="search">
        <button type="submit">搜索</button>
      </form>
    </section>
    ${parts.topics ? html`<section class="panel" aria-labelledby="h-topics"><h2 id="h-topics">专题专栏</h2>${parts.topics}</section>` : ''}
  </div>`;
}

/** 政府信息公开指南 (Art. 12): classification, how to obtain, the office's name, address, hours, phone. */
export function guideBody(g: GuideContent): SafeHtml {
  const contact: [string, string][] = [['地址', g.address], ['邮政编码', g.postcode], ['办公时间', g.hours], ['联系电话', g.phone], ['传真', g.fax], ['电子邮箱', g.email]];
  return html`<h1>政府信息公开指南</h1>
  <p>为了更好地提供政府信息公开服务，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），编制本指南。</p>
  <h2>一、主动公开</h2>
  <p>本机关依照《条例》第十九条、第二十条、第二十一条的规定主动公开政府信息，主要通过本网站“政府信息公开”专栏公开，并在形成或者变更之日起20个工作日内予以公开。</p>
  <h2>二、依申请公开</h2>
  <p>公民、法人或者其他组织可以向本机关提出政府信息公开申请。本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日。</p>
  ${paragraphs(g.channels).length ? html`<ul>${paragraphs(g.channels).map((c) => html`<li>${c}</li>`)}</ul>` : ''}
  <p>本机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，依照《政府信息公开信息处理费管理办法》收取信息处理费。</p>
  <h2>三、政府信息公开工作机构</h2>
  <p>${g.officeName}</p>
  <dl class="guide-contact">${contact.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
  <h2>四、监督和救济</h2>
  <p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。</p>
  ${paragraphs(g.extra).length ? html`<h2>五、其他</h2>${paragraphs(g.extra).map((p) => html`<p>${p}</p>`)}` : ''}`;
}
