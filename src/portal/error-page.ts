import { html } from '../render/html/html.ts';
import type { SiteConfig } from '../config/config.ts';
import { renderPage } from './layout.ts';

const TITLES: Record<number, string> = {
  400: '请求有误',
  401: '请先登录',
  403: '无权访问',
  404: '页面不存在',
  408: '请求超时',
  413: '提交的内容过大',
  429: '操作过于频繁',
  431: '请求地址过长',
};

/** A proper Chinese error page in the portal frame; never a stack trace. */
export function renderErrorPage(site: SiteConfig, status: number, message: string): string {
  const title = TITLES[status] ?? (status >= 500 ? '服务暂时不可用' : '请求无法完成');
  return renderPage(site, {
    title,
    path: '',
    prefs: { largeText: false, highContrast: false },
    body: html`<section class="error-page" aria-labelledby="error-title">
      <h1 id="error-title">${title}</h1>
      <p>${message}</p>
      <p class="error-code">错误代码：${status}</p>
      <p><a href="/">返回首页</a></p>
    </section>`,
  });
}
