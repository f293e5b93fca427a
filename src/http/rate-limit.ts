/**
 * Fixed-window rate limits for the public forms, per client address: IPv6 counts by its /64
 * (client-key.ts), so one host cannot rotate through its own 2^64 addresses. The counters live in
 * the database (rate-limit.repository.ts): shared by every app process, bounded by time rather
 * than by a table size an attacker could overflow to reset them.
 *
 * Two kinds of use: `hit` counts every attempt (a cap on floods, invalid ones included); `take`
 * reserves one of a budget of accepted submissions and is given back when the submission is
 * refused as invalid, so a citizen's typing mistakes do not use up the submissions allowed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import type { Clock } from '../shared/clock.ts';
import { clientKey } from './client-key.ts';
import { createRateLimitRepository, type Counter, type HitCounts } from './rate-limit.repository.ts';

export interface RateLimit {
  /** Names the counter (one per form and purpose); part of every row's key. */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateSlot {
  /** Returns the slot: the submission it was taken for was not accepted. */
  giveBack(): Promise<void>;
}

export interface RateLimiter {
  /** Counts one attempt from `ip`; throws 429 when the window's limit is passed. */
  hit(ip: string): Promise<void>;
  /** Takes one slot of `ip`'s budget; throws 429 (taking nothing) when none is left. */
  take(ip: string): Promise<RateSlot>;
}

/** How often a limiter drops the rows of ended windows. */
const PURGE_EVERY_MS = 10 * 60_000;

/**
 * The hits of a form's limits, to be counted by a statement of the caller's that also does the
 * work they allow (PostgreSQL intake: one autocommit statement, applications.repository.ts):
 * `countHits(…, counters, now)` as one of its CTEs, its work done only when every count is
 * within its `limit`; `settle` then reads the counts it returned.
 */
export interface HitsInStatement {
  counters: Array<Counter & { limit: number }>;
  now: Date;
  /** The slot taken, or 429 (the slot given back at once, the attempt counted). */
  settle(counts: HitCounts): Promise<RateSlot>;
}

/**
 * A form's two limits counted together, in one statement: every post counts as an attempt and
 * takes a slot of the budget of accepted submissions, which the caller gives back when the post
 * is not accepted (invalid, or refused for its files). Over either limit: 429, the slot given
 * back at once (the attempt stays counted).
 */
export function createAttemptsAndBudget(deps: { db: Kysely<Database>; clock: Clock }, attempts: RateLimit, budget: RateLimit) {
  const repo = createRateLimitRepository(deps);
  const purge = purgeEvery(repo, [attempts, budget]);
  /** The two hits for a statement of the caller's (see HitsInStatement). */
  async function inStatement(ip: string): Promise<HitsInStatement> {
    const now = deps.clock.now();
    await purge(now);
    const client = clientKey(ip);
    const counters = [attempts, budget].map((l) => ({ key: `${l.name}:${client}`, windowMs: l.windowMs, limit: l.limit }));
    const budgetKey = counters[1]!.key;
    return {
      counters,
      now,
      async settle(counts) {
        for (const c of counters) {
          const n = counts.get(c.key)!;
          if (n.count > c.limit) {
            await repo.giveBack(budgetKey);
            throw refusal(n.windowStart, c.windowMs, now);
          }
        }
        return slotOf(repo, budgetKey);
      },
    };
  }
  return {
    inStatement,
    async hitAndTake(ip: string): Promise<RateSlot> {
      const hits = await inStatement(ip);
      return hits.settle(await repo.hitAll(hits.counters, hits.now));
    },
  };
}

export type AttemptsAndBudget = ReturnType<typeof createAttemptsAndBudget>;

type Repository = ReturnType<typeof createRateLimitRepository>;

/** Drops the rows of ended windows of `limits`, at most once per PURGE_EVERY_MS. */
function purgeEvery(repo: Repository, limits: RateLimit[]): (now: Date) => Promise<void> {
  let lastPurge = 0;
  return async (now) => {
    if (now.getTime() - lastPurge < PURGE_EVERY_MS) return;
    lastPurge = now.getTime();
    for (const l of limits) await repo.purge(l.name, new Date(now.getTime() - l.windowMs));
  };
}

/** A taken slot of `key`'s budget, given back at most once. */
function slotOf(repo: Repository, key: string): RateSlot {
  let given = false;
  return {
    async giveBack() {
      if (given) return;
      given = true;
      await repo.giveBack(key);
    },
  };
}

/** 429 naming the minutes until the window that began at `windowStart` ends. */
function refusal(windowStart: string, windowMs: number, now: Date): AppError {
  const waitMinutes = Math.max(1, Math.ceil((Date.parse(windowStart) + windowMs - now.getTime()) / 60_000));
  return new AppError('request.rate_limited', `提交过于频繁，请约 ${waitMinutes} 分钟后再试`, 429);
}

export function createRateLimiter(deps: { db: Kysely<Database>; clock: Clock }, limit: RateLimit): RateLimiter {
  const repo = createRateLimitRepository(deps);
  const purge = purgeEvery(repo, [limit]);

  /** Counts one hit; the 429 to throw when it passed the limit, else null. */
  async function count(ip: string): Promise<{ key: string; over: AppError | null }> {
    const now = deps.clock.now();
    await purge(now);
    const key = `${limit.name}:${clientKey(ip)}`;
    const { count: n, windowStart } = await repo.hit(key, now, limit.windowMs);
    return { key, over: n > limit.limit ? refusal(windowStart, limit.windowMs, now) : null };
  }

  return {
    async hit(ip) {
      const c = await count(ip);
      if (c.over) throw c.over;
    },
    async take(ip) {
      const c = await count(ip);
      if (c.over) {
        await repo.giveBack(c.key);
        throw c.over;
      }
      return slotOf(repo, c.key);
    },
  };
}
