/**
 * A small fixed-window rate limiter for public forms (per client address and key). In memory:
 * with several app processes each counts on its own, which still bounds abuse per process.
 */
import { AppError } from '../shared/app-error.ts';
import type { Clock } from '../shared/clock.ts';

export interface RateLimiter {
  /** Counts one hit; throws 429 with a Chinese message when the window's limit is passed. */
  hit(key: string): void;
}

export function createRateLimiter({ limit, windowMs, clock }: { limit: number; windowMs: number; clock: Clock }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key) {
      const now = clock.now().getTime();
      const w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (windows.size > 10_000) windows.clear(); // bounded memory under address floods
        windows.set(key, { start: now, count: 1 });
        return;
      }
      w.count += 1;
      if (w.count > limit) {
        const wait = Math.ceil((w.start + windowMs - now) / 60_000);
        throw new AppError('request.rate_limited', `提交过于频繁，请约 ${wait} 分钟后再试`, 429);
      }
    },
  };
}
