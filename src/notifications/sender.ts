/**
 * The sender loop, one in each server process: claims due messages from the outbox, sends each
 * and records sent / failed (retried with backoff) / unconfigured. Sending never happens inside
 * a case action: the action only writes the outbox row, so a slow or failing mail server can
 * neither delay nor undo it.
 */
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp } from '../shared/clock.ts';
import { createOutboxRepository } from './outbox.repository.ts';
import { retryDelayMs } from './applicant-messages.rules.ts';
import type { Transports } from './transports.ts';
import { isOneTimeCodeMessage, oneTimeCodeStale, redactOneTimeCode } from './one-time-code.rules.ts';

export interface SendReport {
  sent: number;
  failed: number;
  unconfigured: number;
}

/** One pass: every message due now is tried once. */
export async function deliverDue(deps: AppDeps, transports: Transports, options: { retryBaseMs?: number } = {}): Promise<SendReport> {
  const repo = createOutboxRepository(deps);
  const report: SendReport = { sent: 0, failed: 0, unconfigured: 0 };
  for (;;) {
    const claimed = await repo.claimDue(isoTimestamp(deps.clock.now()));
    if (!claimed.length) return report;
    for (const m of claimed) {
      const transport = m.channel === 'email' ? transports.email : m.channel === 'sms' ? transports.sms : null;
      const at = isoTimestamp(deps.clock.now());
      // A one-time code leaves the stored body once its message is done (one-time-code.rules.ts).
      const oneTime = isOneTimeCodeMessage(m.kind);
      const done = oneTime ? { body: redactOneTimeCode(m.body) } : {};
      if (!transport) {
        await repo.finish(m, { status: 'unconfigured', at, ...done });
        report.unconfigured++;
        continue;
      }
      if (oneTime && oneTimeCodeStale(m.created_at, deps.clock.now())) {
        await repo.finish(m, { status: 'failed', at, error: '验证码已过期，不再发送', nextAttemptAt: null, ...done });
        report.failed++;
        continue;
      }
      try {
        await transport.send(m);
        await repo.finish(m, { status: 'sent', at, ...done });
        report.sent++;
      } catch (e) {
        const delay = retryDelayMs(m.attempts, options.retryBaseMs);
        const nextAttemptAt = delay === null ? null : new Date(deps.clock.now().getTime() + delay).toISOString();
        await repo.finish(m, { status: 'failed', at, error: (e as Error).message.slice(0, 500), nextAttemptAt, ...(delay === null ? done : {}) });
        report.failed++;
      }
    }
  }
}
