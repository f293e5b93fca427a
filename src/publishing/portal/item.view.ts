/** The page of one item: the catalogue metadata table, the body, attachments, linked interpretation, 相关信息. */
import { html, raw, type SafeHtml } from '../../render/html/html.ts';
import { ITEM_KINDS, VALIDITY, type ItemKind } from '../items.rules.ts';
import type { AttachmentRow, ItemRow } from '../publishing.table.ts';
import { fileHref, itemHref } from './portal.links.ts';
import { picturesForPortal } from '../pictures.rules.ts';

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function validityText(i: ItemRow): string {
  if (!i.validity) return '—';
  const label = VALIDITY[i.validity as keyof typeof VALIDITY] ?? i.validity;
  if (i.validity === 'abolished' && i.abolished_date) return `${label}（${i.abolished_date}${i.abolished_reason ? `，${i.abolished_reason}` : ''}）`;
  if (i.validity === 'amended' && i.amended_date) return `${label}（${i.amended_date}）`;
  return label;
}

export function itemPage(p: {
  item: ItemRow;
  attachments: AttachmentRow[];
  interprets?: { id: number; title: string };
  interpretations: ItemRow[];
  /** Published items linked both ways (related-items.usecases.ts). */
  related?: { id: number; title: string; publish_date: string | null }[];
}): SafeHtml {
  const i = p.item;
  return html`<article class="item">
  <table class="data meta">
    <caption class="visually-hidden">信息目录</caption>
    <tbody>
      <tr><th scope="row">索引号</th><td>${i.index_no}</td><th scope="row">主题分类</th><td>${i.topic || '—'}</td></tr>
      <tr><th scope="row">发布机构</th><td>${i.publisher_name}</td><th scope="row">成文日期</th><td>${i.written_date ?? '—'}</td></tr>
      <tr><th scope="row">文号</th><td>${i.doc_number || '—'}</td><th scope="row">发布日期</th><td>${i.publish_date ?? '—'}</td></tr>
      <tr><th scope="row">信息类别</th><td>${ITEM_KINDS[i.kind as ItemKind] ?? i.kind}</td><th scope="row">有效性</th><td>${validityText(i)}</td></tr>
    </tbody>
  </table>
  <h1 id="page-title">${i.title}</h1>
  ${p.interprets ? html`<p class="related">解读文件：<a href="${itemHref(p.interprets.id)}">${p.interprets.title}</a></p>` : ''}
  <div class="item-body">${raw(picturesForPortal(i.body_html))}</div>
  ${p.attachments.length
    ? html`<section aria-labelledby="h-files"><h2 id="h-files">附件</h2><ul class="files">${p.attachments.map(
        (a) => html`<li><a href="${fileHref(a.id)}">${a.file_name}</a>（${sizeText(a.size)}，已下载 ${a.download_count} 次）</li>`,
      )}</ul></section>`
    : ''}
  ${p.interpretations.length
    ? html`<section aria-labelledby="h-interp"><h2 id="h-interp">相关解读</h2><ul>${p.interpretations.map(
        (r) => html`<li><a href="${itemHref(r.id)}">${r.title}</a></li>`,
      )}</ul></section>`
    : ''}
  ${p.related?.length
    ? html`<section aria-labelledby="h-related"><h2 id="h-related">相关信息</h2><ul>${p.related.map(
        (r) => html`<li><a href="${itemHref(r.id)}">${r.title}</a>${r.publish_date ? html` <span class="hit-meta">${r.publish_date}</span>` : ''}</li>`,
      )}</ul></section>`
    : ''}
</article>`;
}
