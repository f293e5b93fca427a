/**
 * Wires notifications into a running server: the sender loop (every `pollMs`) and the daily jobs
 * (checked every minute; each runs once a day across all processes, see daily-jobs.ts). Stopped
 * when the server closes, after the pass in progress.
 */
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../shared/deps.ts';
import { deliverDue } from './sender.ts';
import { createTransports } from './transports.ts';
import { runDailyJobs } from './daily-jobs.ts';

const DAILY_CHECK_MS = 60_000;

export interface NotificationOptions {
  /** Sender loop period in ms (default 2000); 0 turns the loop off (tests drive it themselves). */
  pollMs?: number;
}

export function installNotifications(app: FastifyInstance, deps: AppDeps, options: NotificationOptions = {}): void {
  const pollMs = options.pollMs ?? 2000;
  if (pollMs <= 0) return;
  const transports = createTransports(deps.config);
  let running: Promise<unknown> | null = null;
  const pass = () => {
    if (running) return;
    running = deliverDue(deps, transports)
      .catch((e: unknown) => app.log.error({ err: e }, '通知发送失败'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(pass, pollMs);
  timer.unref();
  let daily: Promise<unknown> | null = null;
  const check = () => {
    if (daily) return;
    daily = runDailyJobs(deps)
      .catch((e: unknown) => app.log.error({ err: e }, '每日提醒或待办摘要失败'))
      .finally(() => {
        daily = null;
      });
  };
  const dailyTimer = setInterval(check, DAILY_CHECK_MS);
  dailyTimer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    clearInterval(dailyTimer);
    await running;
    await daily;
    transports.email?.close();
  });
}
