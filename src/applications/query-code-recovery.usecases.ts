/**
 * An applicant who lost the query code gets a new one (issue 13 item 4): the tracking number and
 * the e-mail address or mobile number of the application bring a one-time code to that contact
 * (through the outbox, logged on the case like every message); the right code, within 10 minutes
 * and 5 tries, replaces the query code once, the old one stops opening the case, and the case's
 * event log says 查询码已重置 (without either code). The first step answers alike whether or not
 * the number and contact match, so it tells nobody which numbers exist or whose they are.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp } from '../shared/clock.ts';
import { inTransaction } from '../db/transaction.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createOutboxRepository } from '../notifications/outbox.repository.ts';
import { ONE_TIME_CODE_KIND } from '../notifications/one-time-code.rules.ts';
import { createApplicationsRepository } from './applications.repository.ts';
import type { ApplicationRow } from './applications.table.ts';
import { appendCaseEvents, asCaseConflict, deadlineContext } from './case-projection.ts';
import { queryCodeHash } from './intake.rules.ts';
import { randomQueryCode } from './intake.usecases.ts';
import { createQueryCodeRecoveryRepository } from './query-code-recovery.repository.ts';
import {
  RECOVERY_CODE_TTL_MS, RECOVERY_CODES_PER_HOUR, matchingContact, recoveryCodeHash, recoveryCodeMatches, recoveryMessage, sixDigits, type RecoveryChannel,
} from './query-code-recovery.rules.ts';

export const RECOVERY_REFUSED = '验证码不正确或已失效（验证码10分钟内有效，最多可输入5次），请核对后重试，或重新获取验证码';

const refused = () => new AppError('applications.recovery_code_invalid', RECOVERY_REFUSED, 400);

async function caseByNumber(deps: AppDeps, trackingNumber: string): Promise<ApplicationRow | undefined> {
  const tn = trackingNumber.trim();
  return /^\d{6,20}$/.test(tn) ? createApplicationsRepository(deps).byTrackingNumber(tn) : undefined;
}

/**
 * Step 1: sends a code when the number and contact match a case, else nothing; the caller shows
 * the same page either way. Also nothing beyond RECOVERY_CODES_PER_HOUR codes per case and hour.
 */
export async function requestQueryCodeRecovery({ trackingNumber, contact, ip, deps }: { trackingNumber: string; contact: string; ip?: string; deps: AppDeps }): Promise<void> {
  const row = await caseByNumber(deps, trackingNumber);
  const to = row ? matchingContact(contact, row) : null;
  if (!row || !to) return;
  const now = deps.clock.now();
  const repo = createQueryCodeRecoveryRepository(deps);
  if ((await repo.countSince(row.id, isoTimestamp(new Date(now.getTime() - 3600_000)))) >= RECOVERY_CODES_PER_HOUR) return;
  const code = sixDigits(randomInt(0, 1_000_000));
  const bodyName = (await createOrganizationsRepository(deps).byId(row.organization_id))?.name ?? '';
  const at = isoTimestamp(now);
  await inTransaction(deps.db, async (trx) => {
    await createQueryCodeRecoveryRepository({ db: trx }).insert({
      applicationId: row.id, channel: to.channel, codeHash: recoveryCodeHash(deps.config.sessionSecret, randomBytes(9).toString('base64url'), row.id, code),
      createdAt: at, expiresAt: isoTimestamp(new Date(now.getTime() + RECOVERY_CODE_TTL_MS)),
    });
    await createOutboxRepository({ db: trx }).enqueue([{ ...recoveryMessage({ code, trackingNumber: row.tracking_number, bodyName, ...to }), applicationId: row.id, kind: ONE_TIME_CODE_KIND }], at);
    await createAuditRepository({ db: trx }).append(
      { userId: null, username: null, action: 'applications.query_code_recovery_requested', targetType: 'application', targetId: row.id, ip: ip ?? null, detail: { channel: to.channel } },
      now, trx,
    );
  });
}

/**
 * Step 2: the right code of the case's newest request, unused, in time and within its tries,
 * replaces the query code and returns the new one (shown once). Every miss is the one 400; of two
 * confirmations of one code at once one wins, the other gets 409.
 */
export async function confirmQueryCodeRecovery({ trackingNumber, code, ip, deps }: { trackingNumber: string; code: string; ip?: string; deps: AppDeps }): Promise<{ trackingNumber: string; queryCode: string }> {
  const row = await caseByNumber(deps, trackingNumber);
  if (!row) throw refused();
  const repo = createQueryCodeRecoveryRepository(deps);
  const recovery = await repo.latest(row.id);
  const now = deps.clock.now();
  const at = isoTimestamp(now);
  if (!recovery || !(await repo.spendTry(recovery.id, at))) throw refused();
  if (!recoveryCodeMatches(deps.config.sessionSecret, recovery.code_hash, row.id, code)) throw refused();
  const queryCode = randomQueryCode();
  const ctx = await deadlineContext(deps);
  try {
    await inTransaction(deps.db, async (trx) => {
      if (!(await createQueryCodeRecoveryRepository({ db: trx }).use(recovery.id, at))) {
        throw new AppError('applications.recovery_code_used', '该验证码已经使用过：查询码已重置，请使用重置后显示的新查询码；如未看到新查询码，请重新获取验证码', 409);
      }
      const trepo = createApplicationsRepository({ db: trx });
      const current = (await trepo.byId(row.id))!;
      await trepo.setQueryCodeHash(row.id, queryCodeHash(current.tracking_number, queryCode));
      const via = recovery.channel as RecoveryChannel;
      await appendCaseEvents(trx, current, await trepo.events(row.id), [{ type: 'query_code_reset', data: { via } }], { id: null, name: current.contact_person || current.applicant_name }, at, ctx);
      await createAuditRepository({ db: trx }).append(
        { userId: null, username: null, action: 'applications.query_code_reset', targetType: 'application', targetId: row.id, ip: ip ?? null, detail: { via } },
        now, trx,
      );
    });
  } catch (e) {
    const c = asCaseConflict(e);
    if (c instanceof AppError && c.code === 'applications.concurrent_change') throw new AppError('applications.concurrent_change', '案件刚有更新，请重新输入验证码', 409);
    throw c;
  }
  return { trackingNumber: row.tracking_number, queryCode };
}
