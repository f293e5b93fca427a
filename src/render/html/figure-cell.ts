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
