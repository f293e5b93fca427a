/** Styles of the 图解 page, scoped under .gk-charts; SVG text takes the page's CJK font. */
import { REPORT_FONTS } from '../html/report-style.ts';

export const chartsCss = `
.gk-charts { font-family: ${REPORT_FONTS.heading}; color: #111; max-width: 680px; margin: 0 auto; padding: 0 12px; line-height: 1.6; }
.gk-charts h1 { font-size: 22px; text-align: center; }
.gk-charts h1 .subtitle { display: block; font-size: 18px; color: #1f5fa8; }
.gk-charts h2 { font-size: 18px; border-left: 4px solid #1f5fa8; padding-left: 8px; margin-top: 1.6em; }
.gk-charts figure { margin: 0.8em 0 1.4em; }
.gk-charts svg.chart { max-width: 100%; height: auto; display: block; }
.gk-charts svg text { font-family: ${REPORT_FONTS.heading}; font-size: 13px; fill: #222; }
.gk-charts svg text.value { font-weight: 700; }
.gk-charts svg text.small, .gk-charts svg text.tick { font-size: 11px; }
.gk-charts svg text.missing, .gk-charts .missing { fill: #8a5a00; color: #8a5a00; font-style: italic; font-weight: 400; }
.gk-charts table.figures { border-collapse: collapse; margin-top: 0.4em; font-size: 13px; }
.gk-charts table.figures caption { text-align: left; color: #555; white-space: nowrap; }
.gk-charts table.figures th, .gk-charts table.figures td { border: 1px solid #bbb; padding: 2px 8px; font-weight: 400; }
.gk-charts table.figures td { text-align: right; font-variant-numeric: tabular-nums; }
@media print { .gk-charts figure, .gk-charts table { break-inside: avoid; } }
`;
