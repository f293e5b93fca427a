/**
 * One table figure. A missing figure (null) is an empty cell marked visibly as 未填报 (class,
 * tooltip, screen-reader label and a CSS mark), never a 0 that would pass a cross-check silently.
 */
import type { Cell } from '../../report/report.model.ts';
import { MISSING_LABEL } from '../report-content.ts';
import { html, type SafeHtml } from './html.ts';

export function figureCell(value: Cell | string, colSpan = 1): SafeHtml {
  const span = colSpan > 1 ? colSpan : null;
  if (value === null || value === undefined) {
    return html`<td class="num missing"${span && html` colspan="${span}"`} title="${MISSING_LABEL}" aria-label="${MISSING_LABEL}"></td>`;
  }
  return html`<td class="num"${span && html` colspan="${span}"`}>${value}</td>`;
}

/**
 * A column header of four or more characters with line-break chances between character pairs
 * (商业<wbr>企业), so a narrow printed column wraps it as 商业 / 企业 rather than 商业企 / 业.
 * Header cells use `word-break: keep-all`, so these are their only break points.
 */
export function pairedHeader(label: string): SafeHtml {
  const chars = [...label];
  if (chars.length < 4) return html`${label}`;
  const pairs: string[] = [];
  for (let i = 0; i < chars.length; i += 2) pairs.push(chars.slice(i, i + 2).join(''));
  return html`${pairs.map((p, i) => html`${i > 0 && html`<wbr>`}${p}`)}`;
}
