/** sitemap.xml (sitemaps.org 0.9) and RSS 2.0 feeds, escaped as XML. */
import type { ItemRow } from '../publishing.table.ts';
import { itemHref } from './portal.links.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sitemap(base: string, urls: { loc: string; lastmod?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${xml(base + u.loc)}</loc>${u.lastmod ? `<lastmod>${xml(u.lastmod)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}

export function rssFeed(base: string, title: string, link: string, items: ItemRow[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${xml(title)}</title><link>${xml(base + link)}</link><description>${xml(title)}</description><language>zh-cn</language>
${items.map((i) => `<item><title>${xml(i.title)}</title><link>${xml(base + itemHref(i.id))}</link><guid isPermaLink="false">${xml(i.index_no)}</guid>${i.published_at ? `<pubDate>${new Date(i.published_at).toUTCString()}</pubDate>` : ''}<description>${xml(i.body_text.slice(0, 200))}</description></item>`).join('\n')}
</channel></rss>
`;
}
