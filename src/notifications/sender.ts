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
      if (!transport) {
        await repo.finish(m, { status: 'unconfigured', at });
        report.unconfigured++;
        continue;
      }
      try {
        await transport.send(m);
        await repo.finish(m, { status: 'sent', at });
        report.sent++;
      } catch (e) {
        const delay = retryDelayMs(m.attempts, options.retryBaseMs);
        const nextAttemptAt = delay === null ? null : new Date(deps.clock.now().getTime() + delay).toISOString();
        await repo.finish(m, { status: 'failed', at, error: (e as Error).message.slice(0, 500), nextAttemptAt });
        report.failed++;
      }
    }
  }
}
