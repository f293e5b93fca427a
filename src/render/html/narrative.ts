/**
 * Narrative paragraphs of a section. Plain text becomes escaped <p> paragraphs, with a run-in
 * sub-heading "（一）主动公开情况。" set off in its own span; narrative stored as HTML was sanitized
 * on input (src/publishing rich-text rules) and is inserted as is.
 */
import type { NarrativeSection } from '../../report/report.model.ts';
import { MISSING_LABEL, paragraphsOf } from '../report-content.ts';
import { html, raw, type SafeHtml } from './html.ts';

export function paragraphs(text: string): SafeHtml {
  return html`${paragraphsOf(text).map(
    (p) => html`<p>${p.lead && html`<span class="lead">${p.lead}</span>`}${p.text}</p>\n`,
  )}`;
}

export function narrativeBody(section: NarrativeSection | undefined, required: boolean): SafeHtml {
  if (!section || section.text.trim() === '') {
    return html`${required && html`<p class="missing-text">本部分${MISSING_LABEL}。</p>`}`;
  }
  if (section.format === 'html') return html`<div class="rich-text">${raw(section.text)}</div>`;
  return paragraphs(section.text);
}
