/**
 * Styles of the report page, scoped under .gk-report so the fragment can sit inside the portal.
 * Screen and print share one sheet; print adds A4 pages with the official-document margins
 * (GB/T 9704: top 37mm, bottom 35mm, left 28mm, right 26mm) and keeps table rows unbroken.
 */
export const REPORT_FONTS = {
  body: `"Noto Serif CJK SC", "FangSong_GB2312", "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "Source Han Serif SC", serif`,
  heading: `"Noto Sans CJK SC", "SimHei", "黑体", "Source Han Sans SC", "Microsoft YaHei", sans-serif`,
  title: `"FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", "SimSun", "宋体", serif`,
  table: `"Noto Serif CJK SC", "SimSun", "宋体", "Source Han Serif SC", serif`,
} as const;

export const reportCss = `
.gk-report { font-family: ${REPORT_FONTS.body}; font-size: 16px; line-height: 1.75; color: #111; max-width: 60em; margin: 0 auto; }
.gk-report h1 { font-family: ${REPORT_FONTS.title}; font-weight: 700; font-size: 22pt; line-height: 1.4; text-align: center; margin: 0 0 1.2em; }
.gk-report h2 { font-family: ${REPORT_FONTS.heading}; font-weight: 700; font-size: 1.05em; margin: 1.4em 0 0.5em; }
.gk-report p { text-indent: 2em; margin: 0 0 0.35em; text-align: justify; }
.gk-report h1 .title-part { display: inline-block; }
.gk-report .lead { font-weight: 700; }
.gk-report .missing-text { color: #8a5a00; font-style: italic; }
.gk-report .report-table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; font-family: ${REPORT_FONTS.table}; font-size: 10.5pt; line-height: 1.35; table-layout: fixed; }
.gk-report .report-table th, .gk-report .report-table td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; text-align: center; font-weight: 400; word-break: break-all; }
.gk-report .report-table th.label { text-align: left; }
.gk-report .report-table thead th, .gk-report .report-table th.group { word-break: keep-all; }
.gk-report .report-table th.note { font-size: 9pt; text-align: left; }
.gk-report .report-table th.vertical { writing-mode: vertical-rl; letter-spacing: 0.2em; }
.gk-report .report-table tr.block th, .gk-report .report-table thead th { font-weight: 700; }
.gk-report .report-table td.num { font-variant-numeric: tabular-nums; }
.gk-report .report-table td.missing { background: repeating-linear-gradient(135deg, #fff 0 4px, #f1dfb8 4px 6px); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.gk-report .report-table td.missing::after { content: "未填报"; font-size: 7pt; color: #8a5a00; }
.gk-report .applications col.c-outcome { width: 2.2em; }
.gk-report .applications col.c-group { width: 5.2em; }
.gk-report .applications col.c-label { width: 14em; }
.gk-report .review { font-size: 9pt; }
.gk-report .proactive col.c-content { width: 30%; }
.gk-report .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
  .gk-report { max-width: none; font-size: 16pt; line-height: 1.6; }
  .gk-report .report-table { font-size: 9pt; }
  .gk-report .report-table.review { font-size: 8pt; }
  /* A statutory table fits one page: move it whole rather than split it after a row or two. */
  .gk-report .report-table, .gk-report .report-table tr, .gk-report .report-table thead { break-inside: avoid; page-break-inside: avoid; }
  .gk-report h2 { break-after: avoid; page-break-after: avoid; }
  /* No line left alone at a page top or bottom (Chromium keeps a 1-line widow with the value 2). */
  .gk-report p { widows: 3; orphans: 3; }
  .gk-report thead { display: table-header-group; }
}
`;
