// Form values → API request fields: dates as YYYY-MM-DD (what every API date field takes).
import dayjs from 'dayjs';

export function isoDate(value: unknown): string | undefined {
  return dayjs.isDayjs(value) ? value.format('YYYY-MM-DD') : undefined;
}

/** The filled-in fields only (empty ones are left out, not sent as ''), dates formatted. */
export function requestBody(values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    body[k] = isoDate(v) ?? v;
  }
  return body;
}
