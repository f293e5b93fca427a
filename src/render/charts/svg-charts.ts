/**
 * Server-rendered SVG charts, no JavaScript: a horizontal bar chart (long Chinese labels read
 * best on the left) and a grouped vertical bar chart for trends over years. Each SVG is an
 * accessible image (role="img", <title> and <desc> listing every figure); a missing figure (null)
 * draws no bar and is labelled 未填报, never drawn as 0.
 */
import { MISSING_LABEL } from '../report-content.ts';
import { html, type SafeHtml } from './../html/html.ts';

export interface BarItem {
  label: string;
  value: number | null;
}

export const CHART_COLORS = ['#1f5fa8', '#d9822b', '#2e8b57', '#8e44ad', '#b03a2e'] as const;

let idCounter = 0;
/** Unique ids per rendered chart, so several charts on one page keep their own <title>. */
function nextId(prefix: string): string {
  idCounter = (idCounter + 1) % 1_000_000;
  return `${prefix}-${idCounter}`;
}

const fmt = (v: number | null) => (v === null ? MISSING_LABEL : String(v));

/** The largest value rounded up to a readable axis maximum (1, 2, 5 × 10ⁿ). */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * p).find((v) => v >= max)!;
}

function accessible(id: string, title: string, desc: string): SafeHtml {
  return html`<title id="${id}-t">${title}</title><desc id="${id}-d">${desc}</desc>`;
}

export function horizontalBarChart(opts: { title: string; items: BarItem[]; unit?: string; color?: string; width?: number }): SafeHtml {
  const { title, items, unit = '件', color = CHART_COLORS[0], width = 640 } = opts;
  const id = nextId('bar');
  const labelW = 210;
  const valueW = 70;
  const rowH = 30;
  const top = 8;
  const plotW = width - labelW - valueW;
  const height = top * 2 + rowH * items.length;
  const max = niceMax(Math.max(0, ...items.map((i) => i.value ?? 0)));
  const desc = items.map((i) => `${i.label}：${fmt(i.value)}${i.value === null ? '' : unit}`).join('；');
  const rows = items.map((item, i) => {
    const y = top + i * rowH;
    const w = item.value === null ? 0 : Math.max(item.value > 0 ? 2 : 0, (item.value / max) * plotW);
    return html`<g class="bar-row">
<text x="${labelW - 8}" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="central" class="label">${item.label}</text>
${w > 0 && html`<rect x="${labelW}" y="${y + 5}" width="${w.toFixed(1)}" height="${rowH - 10}" fill="${color}"></rect>`}
<text x="${labelW + w + 6}" y="${y + rowH / 2}" dominant-baseline="central" class="${item.value === null ? 'value missing' : 'value'}">${fmt(item.value)}</text>
</g>`;
  });
  return html`<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
${accessible(id, title, desc)}
<line x1="${labelW}" y1="${top}" x2="${labelW}" y2="${height - top}" stroke="#444"></line>
${rows}</svg>`;
}

export interface Series {
  name: string;
  values: (number | null)[];
}

export function groupedBarChart(opts: { title: string; categories: string[]; series: Series[]; unit?: string; width?: number }): SafeHtml {
  const { title, categories, series, unit = '件', width = 640 } = opts;
  const id = nextId('trend');
  const left = 44;
  const right = 10;
  const legendH = 28;
  const plotTop = legendH + 18;
  const plotH = 200;
  const height = plotTop + plotH + 30;
  const plotW = width - left - right;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0))));
  const groupW = plotW / Math.max(1, categories.length);
  const barW = Math.min(36, (groupW * 0.8) / Math.max(1, series.length));
  const y = (v: number) => plotTop + plotH - (v / max) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(max * f * 100) / 100);
  const desc = categories
    .map((c, ci) => `${c}：${series.map((s) => `${s.name}${fmt(s.values[ci] ?? null)}`).join('，')}`)
    .join('；');
  const legend = series.map(
    (s, i) => html`<g transform="translate(${left + i * 130},6)"><rect width="14" height="14" fill="${CHART_COLORS[i % CHART_COLORS.length]}"></rect><text x="20" y="7" dominant-baseline="central" class="label">${s.name}</text></g>`,
  );
  const bars = categories.map((c, ci) => {
    const x0 = left + ci * groupW + (groupW - barW * series.length) / 2;
    return html`<g class="group">
${series.map((s, si) => {
  const v = s.values[ci] ?? null;
  const x = x0 + si * barW;
  if (v === null) {
    // No bar: the word 未填报 stands upright in its place, reading bottom to top.
    const cx = (x + barW / 2).toFixed(1);
    const by = plotTop + plotH - 4;
    return html`<text x="${cx}" y="${by}" transform="rotate(-90 ${cx} ${by})" dominant-baseline="central" class="value missing">${MISSING_LABEL}</text>`;
  }
  return html`<rect x="${(x + 1).toFixed(1)}" y="${y(v).toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(plotTop + plotH - y(v)).toFixed(1)}" fill="${CHART_COLORS[si % CHART_COLORS.length]}"></rect>
<text x="${(x + barW / 2).toFixed(1)}" y="${(y(v) - 4).toFixed(1)}" text-anchor="middle" class="value small">${v}</text>`;
})}
<text x="${(left + ci * groupW + groupW / 2).toFixed(1)}" y="${plotTop + plotH + 18}" text-anchor="middle" class="label">${c}</text>
</g>`;
  });
  return html`<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">
${accessible(id, title, `${desc}（单位：${unit}）`)}
${legend}
${ticks.map((t) => html`<line x1="${left}" x2="${width - right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${t === 0 ? '#444' : '#ddd'}"></line><text x="${left - 6}" y="${y(t).toFixed(1)}" text-anchor="end" dominant-baseline="central" class="tick">${t}</text>`)}
${bars}</svg>`;
}
