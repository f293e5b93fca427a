/** URLs of the public pages of publishing (one place, so pages, feeds and the sitemap agree). */
export const columnHref = (orgCode: string, columnCode: string) => `/xxgk/lm/${orgCode}/${columnCode}/`;
export const itemHref = (id: number) => `/xxgk/xx/${id}/`;
/** An attachment as a download: counted (已下载 N 次). */
export const fileHref = (id: number) => `/xxgk/fj/${id}`;
/** A picture attachment shown in an item's body: served inline, not counted as a download. */
export const pictureHref = (id: number) => `/xxgk/tp/${id}`;
/** The same picture for signed-in staff while the item is not public (the editor's preview). */
export const staffPictureHref = (id: number) => `/api/v1/publishing/attachments/${id}/file`;
export const rssHref = (orgCode: string, columnCode: string) => `/xxgk/lm/${orgCode}/${columnCode}/rss.xml`;
export const STYLESHEET = '/static/publishing.css';
