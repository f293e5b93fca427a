/**
 * Due-date computations per second over generated timelines (receipts 2019–2026, some with
 * 补正, consultations, extension). A plain script: `node --import tsx bench/deadline.bench.ts`.
 */
import { computeDeadline, type DeadlineTimeline } from '../src/applications/deadline.rules.ts';
import { addCalendarDays } from '../src/calendar/calendar-dates.ts';
import { shippedCalendar } from '../src/calendar/shipped-holidays.ts';

const COUNT = Number(process.argv[2] ?? 20_000);

// Deterministic pseudo-random numbers so that runs compare.
let seed = 20190515;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

function timeline(): DeadlineTimeline {
  const received = addCalendarDays('2019-01-01', rand(365 * 8 - 60));
  const t: DeadlineTimeline = { received };
  if (rand(5) === 0) {
    t.correctionRequested = addCalendarDays(received, 1 + rand(6));
    t.correctionReceived = addCalendarDays(t.correctionRequested, rand(15));
  }
  const consultations = rand(4) === 0 ? 1 + rand(3) : 0;
  t.consultations = Array.from({ length: consultations }, () => {
    const sent = addCalendarDays(received, 1 + rand(20));
    return { sent, replied: rand(3) === 0 ? null : addCalendarDays(sent, rand(25)) };
  });
  if (rand(6) === 0) t.extensionDays = 1 + rand(20);
  return t;
}

const calendar = shippedCalendar();
const timelines = Array.from({ length: COUNT }, timeline);
for (const t of timelines.slice(0, 500)) computeDeadline(calendar, t); // warm up

const started = process.hrtime.bigint();
let checksum = 0;
for (const t of timelines) checksum += computeDeadline(calendar, t).explanation.length;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;

console.log(`deadline: ${COUNT} timelines in ${seconds.toFixed(3)} s → ${Math.round(COUNT / seconds)} due-date computations/s (checksum ${checksum})`);
