// Times are stored as UTC instants (ISO text); clerks read them in Beijing time, whatever the
// browser's own time zone.
const FORMAT = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** '2026-03-02T02:00:00Z' → '2026-03-02 10:00:00'; `seconds: false` → '2026-03-02 10:00'. */
export function beijingTime(iso: string, { seconds = true } = {}): string {
  const text = FORMAT.format(new Date(iso));
  return seconds ? text : text.slice(0, 16);
}
