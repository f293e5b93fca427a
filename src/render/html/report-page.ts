/**
 * The annual report as HTML: the six sections in statutory order, narrative and tables.
 * `fragment` embeds in a page (its styles are `css`, to be served or inlined by the host page);
 * `document` is a standalone page with its own <style>, which the PDF renderer prints.
 */
import type { AnnualReport } from '../../report/report.model.ts';
import { narrativeOf, reportTitle, reportTitleParts, sectionHeading, sectionSixParagraphs, SECTION_NUMBERS, type SectionNumber } from '../report-content.ts';
import { applicationsTable } from './applications-table.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { narrativeBody, paragraphs } from './narrative.ts';
import { proactiveTable } from './proactive-table.ts';
import { reportCss } from './report-style.ts';
import { reviewLitigationTable } from './review-table.ts';

export interface ReportHtml {
  title: string;
  fragment: string;
  css: string;
  document: string;
}

function sectionBody(report: AnnualReport, n: SectionNumber): SafeHtml {
  const narrative = narrativeOf(report, n);
  switch (n) {
    case '二':
      return html`${narrativeBody(narrative, false)}${proactiveTable(report)}`;
    case '三':
      return html`${narrativeBody(narrative, false)}${applicationsTable(report)}`;
    case '四':
      return html`${narrativeBody(narrative, false)}${reviewLitigationTable(report)}`;
    case '六': {
      if (narrative?.format === 'html') return narrativeBody(narrative, true);
      const texts = sectionSixParagraphs(report);
      return texts.length ? paragraphs(texts.join('\n')) : narrativeBody(undefined, true);
    }
    default:
      return narrativeBody(narrative, true);
  }
}

export function reportFragment(report: AnnualReport): SafeHtml {
  return html`<article class="gk-report" lang="zh-CN">
<h1>${reportTitleParts(report).map((part) => html`<span class="title-part">${part}</span>`)}</h1>
${SECTION_NUMBERS.map(
  (n) => html`<section id="section-${n}" data-section="${n}">
<h2>${sectionHeading(n, report)}</h2>
${sectionBody(report, n)}</section>
`,
)}</article>`;
}

export function renderReportHtml(report: AnnualReport): ReportHtml {
  const title = reportTitle(report);
  const fragment = reportFragment(report).toString();
  const document = html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${raw(reportCss)}</style>
</head>
<body>
<main>${raw(fragment)}</main>
</body>
</html>
`.toString();
  return { title, fragment, css: reportCss, document };
}
