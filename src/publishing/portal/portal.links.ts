/** URLs of the public pages of publishing (one place, so pages, feeds and the sitemap agree). */
export const columnHref = (orgCode: string, columnCode: string) => `/xxgk/lm/${orgCode}/${columnCode}/`;
export const itemHref = (id: number) => `/xxgk/xx/${id}/`;
export const fileHref = (id: number) => `/xxgk/fj/${id}`;
export const rssHref = (orgCode: string, columnCode: string) => `/xxgk/lm/${orgCode}/${columnCode}/rss.xml`;
export const STYLESHEET = '/static/publishing.css';
