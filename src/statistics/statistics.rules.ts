/**
 * Back-office statistics (pure): applications per month by channel, decisions by outcome, the
 * on-time rate and the average working days to answer, items published per unit and column, and
 * how fresh each column is. Working days follow the same calendar as the due dates.
 */
import type { WorkingCalendar } from '../calendar/calendar.rules.ts';
import { toDayNumber } from '../calendar/calendar-dates.ts';
import { CHANNELS, CHANNEL_LABELS, type Channel } from '../applications/applications.events.ts';
import { APPLICATION_ROWS, type OutcomeKey } from '../report/report.model.ts';
import type { ColumnActivity } from '../publishing/monitoring.rules.ts';

export interface MonthChannelCount { month: string; channel: string; count: number }
export interface DecidedCase { receivedDate: string | null; decisionDate: string; dueDate: string | null; outcome: string | null }

export interface ApplicationStatistics {
  /** 12 rows, 01–12: per channel and in all. */
  months: { month: string; total: number; byChannel: Record<Channel, number> }[];
  channels: { key: Channel; label: string; count: number }[];
  outcomes: { key: string; label: string; count: number }[];
  decided: number;
  onTime: number;
  /** Share of decided cases answered on or before their due date; null when none was decided. */
  onTimeRate: number | null;
  /** Mean working days from receipt (exclusive) to decision; null when none was decided. */
  averageWorkingDays: number | null;
}

const outcomeLabel = (key: string): string => {
  const row = APPLICATION_ROWS.find((r) => r.key === key) as { label: string; group?: string } | undefined;
  // The report's labels carry footnotes ("区分处理的，只计这一情形…"): a chart wants the plain name.
  return row ? [row.group, row.label.replace(/（区分处理的.*）$/, '')].filter(Boolean).join(' · ') : key;
};

export function applicationStatistics(year: number, received: MonthChannelCount[], decided: DecidedCase[], calendar: WorkingCalendar): ApplicationStatistics {
  const months = Array.from({ length: 12 }, (_, i) => {
    const month = `${year}-${String(i + 1).padStart(2, '0')}`;
    const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
    for (const r of received) if (r.month === month && r.channel in byChannel) byChannel[r.channel as Channel] += r.count;
    return { month, total: CHANNELS.reduce((n, c) => n + byChannel[c], 0), byChannel };
  });
  const channels = CHANNELS.map((key) => ({ key, label: CHANNEL_LABELS[key], count: months.reduce((n, m) => n + m.byChannel[key], 0) }));
  const outcomeCounts = new Map<string, number>();
  for (const c of decided) if (c.outcome) outcomeCounts.set(c.outcome, (outcomeCounts.get(c.outcome) ?? 0) + 1);
  const order = APPLICATION_ROWS.map((r) => r.key as string);
  const outcomes = [...outcomeCounts].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([key, count]) => ({ key, label: outcomeLabel(key as OutcomeKey), count }));
  const onTime = decided.filter((c) => c.dueDate !== null && c.decisionDate <= c.dueDate).length;
  const timed = decided.filter((c) => c.receivedDate !== null && toDayNumber(c.decisionDate) >= toDayNumber(c.receivedDate));
  const reader = calendar.reader();
  const days = timed.reduce((n, c) => n + reader.workingDaysBetween(c.receivedDate!, c.decisionDate), 0);
  return {
    months,
    channels,
    outcomes,
    decided: decided.length,
    onTime,
    onTimeRate: decided.length ? onTime / decided.length : null,
    averageWorkingDays: timed.length ? Math.round((days / timed.length) * 10) / 10 : null,
  };
}

export interface PublishedCount { organizationId: number; organizationName: string; columnId: number; columnName: string; count: number }

/** Items published per unit (with its columns), largest first. */
export function publishedByUnit(rows: PublishedCount[]) {
  const units = new Map<number, { organizationId: number; organizationName: string; count: number; columns: { columnId: number; columnName: string; count: number }[] }>();
  for (const r of rows) {
    const u = units.get(r.organizationId) ?? { organizationId: r.organizationId, organizationName: r.organizationName, count: 0, columns: [] };
    u.count += r.count;
    u.columns.push({ columnId: r.columnId, columnName: r.columnName, count: r.count });
    units.set(r.organizationId, u);
  }
  return [...units.values()].map((u) => ({ ...u, columns: u.columns.sort((a, b) => b.count - a.count) })).sort((a, b) => b.count - a.count);
}

/** Each column's days since its last item against its interval: 正常, 即将到期 (last fifth), 逾期, 从未更新; a column without an interval (a parent, 规章) is not judged. */
export function columnFreshness(columns: (ColumnActivity & { organizationName: string })[], today: string) {
  const t = toDayNumber(today);
  return columns.map((c) => {
    const daysSince = c.lastPublishDate ? t - toDayNumber(c.lastPublishDate) : null;
    const state = c.intervalDays === null ? 'no_interval' : daysSince === null ? 'never' : daysSince > c.intervalDays ? 'overdue' : daysSince > c.intervalDays * 0.8 ? 'due_soon' : 'fresh';
    return { ...c, daysSince, state };
  }).sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity));
}
