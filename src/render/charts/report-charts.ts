/**
 * 图解: the annual report as a server-rendered page of inline SVG charts (no JavaScript):
 * this year's applications by outcome, the proactive-disclosure figures, and — given several
 * years' reports — the trend. Every chart is followed by its figures as a table, so nothing is
 * only in a picture.
 */
import type { AnnualReport, ApplicantRow, Cell } from '../../report/report.model.ts';
import { MISSING_LABEL, reportTitle } from '../report-content.ts';
import { html, raw, type SafeHtml } from '../html/html.ts';
import { groupedBarChart, horizontalBarChart, type BarItem, type Series } from './svg-charts.ts';
import { chartsCss } from './charts-style.ts';

const TOTAL = 6; // the 总计 column of section 三

/** Sum of figures; null when any part is missing (a partial sum would understate). */
export function sumCells(cells: readonly Cell[]): Cell {
  return cells.some((c) => c === null || c === undefined) ? null : cells.reduce<number>((a, c) => a + (c as number), 0);
}
const total = (row: ApplicantRow | undefined): Cell => (row ? (row[TOTAL] ?? null) : null);

/** This year's decided applications by outcome group (总计 column), in the order of the table. */
export function outcomeItems(report: AnnualReport): BarItem[] {
  const r = report.applications.rows;
  const group = (prefix: string) => sumCells(Object.entries(r).filter(([k]) => k.startsWith(prefix) && /\d$/.test(k)).map(([, row]) => total(row)));
  const otherSplit = group('otherHandling');
  const other = r.otherHandling && otherSplit === null ? total(r.otherHandling) : otherSplit;
  return [
    { label: '予以公开', value: total(r.disclosed) },
    { label: '部分公开', value: total(r.partiallyDisclosed) },
    { label: '不予公开', value: group('withheld') },
    { label: '无法提供', value: group('unable') },
    { label: '不予处理', value: group('notProcessed') },
    { label: '其他处理', value: other },
  ];
}

export function proactiveItems(report: AnnualReport): { documents: BarItem[]; decisions: BarItem[]; feesWanYuan: string | null } {
  const p = report.proactive;
  const three = ['本年制发', '本年废止', '现行有效'];
  return {
    documents: [
      ...three.map((t, i) => ({ label: `规章·${t}`, value: p.rules[i] ?? null })),
      ...three.map((t, i) => ({ label: `行政规范性文件·${t}`, value: p.normativeDocuments[i] ?? null })),
    ],
    decisions: [
      { label: '行政许可', value: p.licensing },
      { label: '行政处罚', value: p.punishment },
      { label: '行政强制', value: p.enforcement },
    ],
    feesWanYuan: p.feesAmountWanYuan,
  };
}

export function trendSeries(reports: readonly AnnualReport[]): { years: string[]; series: Series[] } {
  const sorted = [...reports].sort((a, b) => a.year - b.year);
  const rl = (r: AnnualReport) => r.reviewLitigation;
  return {
    years: sorted.map((r) => `${r.year}年`),
    series: [
      { name: '本年新收申请', values: sorted.map((r) => total(r.applications.rows.newReceived)) },
      { name: '本年办结', values: sorted.map((r) => total(r.applications.rows.total)) },
      { name: '行政复议', values: sorted.map((r) => rl(r).review[4] ?? null) },
      { name: '行政诉讼', values: sorted.map((r) => sumCells([rl(r).litigationDirect[4] ?? null, rl(r).litigationAfterReview[4] ?? null])) },
    ],
  };
}

const show = (v: Cell | string) => (v === null ? html`<span class="missing">${MISSING_LABEL}</span>` : v);

function itemsTable(caption: string, items: BarItem[], unit: string): SafeHtml {
  return html`<table class="figures"><caption>${caption}（单位：${unit}）</caption>
<tbody>${items.map((i) => html`<tr><th scope="row">${i.label}</th><td>${show(i.value)}</td></tr>`)}</tbody></table>`;
}

function trendTable(years: string[], series: Series[]): SafeHtml {
  return html`<table class="figures"><caption>历年数据（单位：件）</caption>
<thead><tr><th scope="col">年度</th>${series.map((s) => html`<th scope="col">${s.name}</th>`)}</tr></thead>
<tbody>${years.map((y, i) => html`<tr><th scope="row">${y}</th>${series.map((s) => html`<td>${show(s.values[i] ?? null)}</td>`)}</tr>`)}</tbody></table>`;
}

export interface ChartsOptions {
  /** Reports of several years (this one included or not) for the trend chart. */
  history?: readonly AnnualReport[];
}

export function reportChartsFragment(report: AnnualReport, options: ChartsOptions = {}): SafeHtml {
  const outcomes = outcomeItems(report);
  const proactive = proactiveItems(report);
  const history = [...(options.history ?? []).filter((r) => r.year !== report.year), report];
  const trend = history.length > 1 ? trendSeries(history) : null;
  return html`<article class="gk-charts" lang="zh-CN">
<h1>${reportTitle(report)}<span class="subtitle">图解</span></h1>
<section id="chart-outcomes">
<h2>依申请公开：本年度办理结果</h2>
<p>本年新收申请 ${show(total(report.applications.rows.newReceived))} 件，上年结转 ${show(total(report.applications.rows.carriedOver))} 件，办结 ${show(total(report.applications.rows.total))} 件，结转下年度 ${show(total(report.applications.rows.carriedForward))} 件。</p>
<figure>${horizontalBarChart({ title: `${report.year}年政府信息公开申请办理结果`, items: outcomes })}
<figcaption>${itemsTable('办理结果', outcomes, '件')}</figcaption></figure>
</section>
<section id="chart-proactive">
<h2>主动公开</h2>
<figure>${horizontalBarChart({ title: `${report.year}年规章和行政规范性文件`, items: proactive.documents, color: '#2e8b57' })}
<figcaption>${itemsTable('规章和行政规范性文件', proactive.documents, '件')}</figcaption></figure>
<figure>${horizontalBarChart({ title: `${report.year}年行政许可、处罚、强制决定数量`, items: proactive.decisions, color: '#d9822b' })}
<figcaption>${itemsTable('本年处理决定数量', proactive.decisions, '件')}</figcaption></figure>
<p class="fees">行政事业性收费：本年收费金额 ${show(proactive.feesWanYuan)}${proactive.feesWanYuan !== null && ' 万元'}。</p>
</section>
${trend && html`<section id="chart-trend">
<h2>历年趋势</h2>
<figure>${groupedBarChart({ title: `${trend.years[0]}至${trend.years[trend.years.length - 1]}政府信息公开申请与复议诉讼`, categories: trend.years, series: trend.series })}
<figcaption>${trendTable(trend.years, trend.series)}</figcaption></figure>
</section>`}
</article>`;
}

export function renderReportCharts(report: AnnualReport, options: ChartsOptions = {}): { title: string; fragment: string; css: string; document: string } {
  const title = `${reportTitle(report)}（图解）`;
  const fragment = reportChartsFragment(report, options).toString();
  const document = html`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${raw(chartsCss)}</style></head>
<body><main>${raw(fragment)}</main></body></html>
`.toString();
  return { title, fragment, css: chartsCss, document };
}
