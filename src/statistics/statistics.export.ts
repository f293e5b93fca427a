/** The statistics page as a workbook: one sheet per table, with the same headings as the page. */
import type { Grid } from '../reportcheck/reportcheck.batch.ts';
import { gridsToXlsx } from '../reportcheck/reportcheck.export.ts';
import { CHANNELS, CHANNEL_LABELS } from '../applications/applications.events.ts';
import { FRESHNESS_LABELS } from './statistics.labels.ts';
import type { Statistics } from './statistics.usecases.ts';

export function statisticsGrids(s: Statistics): Grid[] {
  const a = s.applications;
  return [
    {
      title: '申请按月按渠道',
      header: ['月份', ...CHANNELS.map((c) => CHANNEL_LABELS[c]), '合计'],
      rows: [...a.months.map((m) => [m.month, ...CHANNELS.map((c) => m.byChannel[c]), m.total]), ['合计', ...a.channels.map((c) => c.count), a.channels.reduce((n, c) => n + c.count, 0)]],
    },
    { title: '办理结果', header: ['办理结果', '件数'], rows: a.outcomes.map((o) => [o.label, o.count]) },
    {
      title: '办理时效',
      header: ['本年办结', '按期办结', '按期办结率', '平均答复工作日'],
      rows: [[a.decided, a.onTime, a.onTimeRate === null ? null : `${(a.onTimeRate * 100).toFixed(1)}%`, a.averageWorkingDays]],
    },
    { title: '发布按单位栏目', header: ['单位', '栏目', '发布条数'], rows: s.published.flatMap((u) => u.columns.map((c) => [u.organizationName, c.columnName, c.count])) },
    {
      title: '栏目更新情况',
      header: ['单位', '栏目', '更新周期（天）', '最近发布', '距今天数', '状态'],
      rows: s.freshness.map((c) => [c.organizationName, c.name, c.intervalDays, c.lastPublishDate, c.daysSince, FRESHNESS_LABELS[c.state] ?? c.state]),
    },
  ];
}

export const statisticsXlsx = (s: Statistics): Promise<Buffer> => gridsToXlsx(statisticsGrids(s));
