/**
 * The clock is a dependency: usecases never read the system time themselves, so tests can
 * pin "now". Legal dates are local dates in Asia/Shanghai (UTC+8, no daylight saving).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (v) => {
      t = new Date(v).getTime();
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. China has had no DST since 1991. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** UTC ISO-8601 timestamp text, the stored form of every timestamp. */
export function isoTimestamp(instant: Date): string {
  return instant.toISOString();
}
