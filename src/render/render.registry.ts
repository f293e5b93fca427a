/**
 * One entry point for every document made from an annual report, keyed by format. Routes and CLI
 * commands ask the registry instead of importing renderers, so adding a format touches one file.
 * Word and PDF load their libraries on first use (docx, playwright-core), keeping start-up light.
 */
import type { Browser } from 'playwright-core';
import type { AnnualReport } from '../report/report.model.ts';
import { AppError } from '../shared/app-error.ts';
import { renderReportCharts } from './charts/report-charts.ts';
import { renderReportHtml } from './html/report-page.ts';
import { renderReportJson } from './json/report-json.ts';
import { reportTitle } from './report-content.ts';

export const RENDER_FORMATS = ['html', 'docx', 'pdf', 'json', 'charts'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export interface RenderOptions {
  /** Other years' reports of the same body, for the trend in 图解. */
  history?: readonly AnnualReport[];
  /** A launched Chromium to reuse across many PDFs (otherwise one is started per PDF). */
  browser?: Browser;
  /** html: the embeddable fragment instead of the standalone page (its styles are then the host page's job). */
  fragment?: boolean;
}

export interface Renderer {
  format: RenderFormat;
  /** Chinese name for menus and download links. */
  label: string;
  contentType: string;
  extension: string;
  render(report: AnnualReport, options?: RenderOptions): Promise<Buffer | string>;
}

export const renderers: Record<RenderFormat, Renderer> = {
  html: {
    format: 'html',
    label: '网页',
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    render: async (report, options) => {
      const page = renderReportHtml(report);
      return options?.fragment ? page.fragment : page.document;
    },
  },
  docx: {
    format: 'docx',
    label: 'Word 文档',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    render: async (report) => (await import('./docx/report-docx.ts')).renderReportDocx(report),
  },
  pdf: {
    format: 'pdf',
    label: 'PDF',
    contentType: 'application/pdf',
    extension: 'pdf',
    render: async (report, options) => (await import('./pdf/report-pdf.ts')).renderReportPdf(report, { browser: options?.browser }),
  },
  json: {
    format: 'json',
    label: '开放数据（JSON）',
    contentType: 'application/json; charset=utf-8',
    extension: 'json',
    render: async (report) => renderReportJson(report),
  },
  charts: {
    format: 'charts',
    label: '图解',
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    render: async (report, options) => {
      const page = renderReportCharts(report, { history: options?.history });
      return options?.fragment ? page.fragment : page.document;
    },
  },
};

export function isRenderFormat(value: string): value is RenderFormat {
  return (RENDER_FORMATS as readonly string[]).includes(value);
}

export function getRenderer(format: string): Renderer {
  if (!isRenderFormat(format)) {
    throw new AppError('render.unknown_format', `不支持的格式：${format}（可选：${RENDER_FORMATS.join('、')}）`, 400);
  }
  return renderers[format];
}

/** Download names: a Chinese one for people, an ASCII one for the Content-Disposition fallback. */
export function reportFileNames(report: AnnualReport, format: RenderFormat): { fileName: string; asciiFileName: string } {
  const r = renderers[format];
  const suffix = format === 'charts' ? '（图解）' : '';
  const ascii = `${report.body.code ?? 'report'}-${report.year}-annual-report${format === 'charts' ? '-charts' : ''}`;
  return { fileName: `${reportTitle(report)}${suffix}.${r.extension}`, asciiFileName: `${ascii}.${r.extension}` };
}

export interface RenderedReport {
  body: Buffer | string;
  contentType: string;
  fileName: string;
  asciiFileName: string;
}

export async function renderReport(report: AnnualReport, format: string, options: RenderOptions = {}): Promise<RenderedReport> {
  const renderer = getRenderer(format);
  const body = await renderer.render(report, options);
  return { body, contentType: renderer.contentType, ...reportFileNames(report, renderer.format) };
}
