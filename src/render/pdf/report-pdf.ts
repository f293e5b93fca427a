/**
 * The annual report as PDF: the standalone HTML document printed by the system Chromium to A4,
 * margins from the document's own @page rule (official-document margins). One browser per call;
 * a batch can pass its own launched browser to reuse it.
 */
import type { Browser } from 'playwright-core';
import type { AnnualReport } from '../../report/report.model.ts';
import { AppError } from '../../shared/app-error.ts';
import { chromiumAvailable, launchChromium } from '../../shared/chromium.ts';
import { renderReportHtml } from '../html/report-page.ts';

const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;text-align:center;font-size:11pt;font-family:\'Noto Serif CJK SC\',serif;margin-bottom:12mm">— <span class="pageNumber"></span> —</div>';

export function chromiumMissingError(): AppError {
  return new AppError('render.chromium_missing', '生成 PDF 需要 Chromium：请安装 Debian 软件包 chromium 和 fonts-noto-cjk', 503);
}

/** Prints any standalone HTML document to an A4 PDF. */
export async function printHtmlToPdf(documentHtml: string, options: { browser?: Browser } = {}): Promise<Buffer> {
  if (!options.browser && !chromiumAvailable()) throw chromiumMissingError();
  const browser = options.browser ?? (await launchChromium());
  try {
    const page = await browser.newPage();
    try {
      // The document is self-contained (inline styles, system fonts): nothing to fetch.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(documentHtml, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        preferCSSPageSize: true,
        tagged: true,
        outline: true,
        // Page number centred in the bottom margin, as official documents print it: — 1 —
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: PAGE_NUMBER_FOOTER,
      });
      return Buffer.from(pdf);
    } finally {
      await page.close();
    }
  } finally {
    if (!options.browser) await browser.close();
  }
}

export function renderReportPdf(report: AnnualReport, options: { browser?: Browser } = {}): Promise<Buffer> {
  return printHtmlToPdf(renderReportHtml(report).document, options);
}
