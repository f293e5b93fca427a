/**
 * Registering an application: from the public form (via 'portal') or by a clerk for paper,
 * mail, fax and e-mail applications (via 'clerk'). Gives the tracking number and, once, the
 * query code; only the code's hash is stored.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { AppError } from '../shared/app-error.ts';
import { isUniqueViolationOn } from '../db/db-errors.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp, shanghaiDate } from '../shared/clock.ts';
import type { Actor } from '../auth/access.rules.ts';
import { cachedTree, createOrganizationsRepository, type Organization } from '../auth/organizations.repository.ts';
import { contentOf, createAuditRepository, sealAfterCommit, sealSoon } from '../auth/audit.repository.ts';
import type { CaseEvent } from './applications.events.ts';
import { createApplicationsRepository } from './applications.repository.ts';
import { createIntakeRepository } from './intake.repository.ts';
import { deadlineContext, projectNewCase } from './case-projection.ts';
import { assertCanAct, defaultHandlingUnit } from './case-access.ts';
import { createCaseFilesRepository, discardFiles, type SpooledFile } from './case-files.storage.ts';
import { eventsNotify, notifyCaseEvents } from '../notifications/case-notifications.ts';
import type { AttemptsAndBudget, HitsInStatement, RateSlot } from '../http/rate-limit.ts';
import {
  RECEIPT_RULES,
  applicantKey,
  checkApplicationInput,
  idNumberHash,
  maskIdNumber,
} from './intake.rules.ts';
import { beforeCommit, inTransaction } from '../db/transaction.ts';
import { dialectOf, takeIntakeNumber } from '../db/dialect.ts';

/** Query codes avoid look-alike characters (0/O, 1/I/L) since people copy them by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function codeFrom(bytes: Buffer): string {
  return [...bytes.subarray(0, 8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** A fresh random query code (a lost one is replaced by one of these, query-code-recovery.usecases.ts). */
export function randomQueryCode(): string {
  return codeFrom(randomBytes(8));
}

export interface SubmitRequest {
  raw: Record<string, unknown>;
  via: 'portal' | 'clerk';
  actor?: (Actor & { user?: { displayName?: string } }) | null;
  /** Clerk intake: the Art. 31 receipt date when already known (签收 / 确认). */
  receivedDate?: string | null;
  /** Clerk intake: the day the application arrived (default today). */
  submittedDate?: string | null;
  /** Public form: the hidden one-time token that makes a repeated POST return the same case. */
  idempotencyKey?: string | null;
  ip?: string | null;
  /** Public form: attachments already checked and written to disk; recorded with the case or removed. */
  files?: SpooledFile[];
  /**
   * Public form: its limits (an attempt and a slot of the budget, rate-limit.ts), not yet
   * counted. On PostgreSQL counted by the case's own statement (one round trip for the whole
   * submission), else just before the case's transaction; a submission refused before they are
   * counted counts its attempt then. Any refusal gives the slot back.
   */
  rateLimits?: { limits: AttemptsAndBudget; ip: string };
  deps: AppDeps;
}

export interface SubmitResult {
  id: number;
  trackingNumber: string;
  queryCode: string;
  /** True when the same form had already been submitted: nothing new was created. */
  repeated: boolean;
}

/** The organization tree changed since the submission was checked against it: rolled back, checked again. */
class StaleTree extends Error {}

/** A form's limits through one submission: counted once, by the case's statement or on their own. */
type HeldLimits = ReturnType<typeof heldLimits>;

function heldLimits({ limits, ip }: NonNullable<SubmitRequest['rateLimits']>) {
  let counted = false;
  let slot: RateSlot | undefined;
  /** Counts them on their own (before a transaction), if not yet. */
  async function take(): Promise<void> {
    if (counted) return;
    counted = true;
    slot = await limits.hitAndTake(ip);
  }
  return {
    get counted() {
      return counted;
    },
    /** The hits for the case's statement; `settle` its counts (429 over a limit). */
    async inStatement(): Promise<HitsInStatement> {
      const hits = await limits.inStatement(ip);
      return {
        ...hits,
        async settle(counts) {
          counted = true;
          return (slot = await hits.settle(counts));
        },
      };
    },
    take,
    /** The submission was refused: its attempt counted (429 instead when over a limit), its slot given back. */
    async refused(): Promise<void> {
      await take();
      await slot?.giveBack();
    },
  };
}

export async function submitApplication(req: SubmitRequest): Promise<SubmitResult> {
  const files = req.files ?? [];
  const limits = req.rateLimits && heldLimits(req.rateLimits);
  let result: SubmitResult | undefined;
  try {
    result = await submit(req, files, limits);
    return result;
  } catch (e) {
    await limits?.refused();
    throw e;
  } finally {
    // A refused or repeated submission keeps none of the files it brought.
    if (files.length && (!result || result.repeated)) await discardFiles(req.deps.config.dataDir, files);
  }
}

async function submit(req: SubmitRequest, files: SpooledFile[], limits: HeldLimits | undefined): Promise<SubmitResult> {
  const { deps } = req;
  const { input, errors } = checkApplicationInput(req.raw);
  if (Object.keys(errors).length) {
    throw new AppError('applications.invalid_application', '申请内容不完整或有误，请按提示修改', 400, { fields: errors });
  }
  const secret = deps.config.sessionSecret;
  const key = req.idempotencyKey && /^[A-Za-z0-9_-]{16,64}$/.test(req.idempotencyKey) ? req.idempotencyKey : null;
  // A repeated form gets the same code back, so the code derives from its token; else random.
  const queryCode = key ? codeFrom(createHmac('sha256', secret).update(`query-code:${key}`).digest()) : codeFrom(randomBytes(8));
  // A form posted again is not looked up first: its insert meets the unique idempotency key,
  // rolls back (no number taken) and answers the first receipt (below), a round trip fewer for
  // every other submission.
  // PostgreSQL: the tree this process holds, checked by the case's insert (a tree changed since
  // by any process is read again, and the submission checked again with it); else read now.
  const postgres = dialectOf(deps.db) === 'postgres';
  let tree: { orgs: readonly Organization[]; version?: number } | undefined = postgres ? cachedTree(deps.db) : undefined;
  tree ??= { orgs: await createOrganizationsRepository(deps).list() };
  for (;;) {
    const checked = await submitWithTree(req, files, input, key, queryCode, tree, limits);
    if (checked) return checked;
    tree = { orgs: await createOrganizationsRepository(deps).list() };
  }
}

/** The submission checked against the tree `tree`; undefined when its version is no longer the tree's (nothing written). */
async function submitWithTree(
  req: SubmitRequest,
  files: SpooledFile[],
  input: ReturnType<typeof checkApplicationInput>['input'],
  key: string | null,
  queryCode: string,
  tree: { orgs: readonly Organization[]; version?: number },
  limits: HeldLimits | undefined,
): Promise<SubmitResult | undefined> {
  const { deps } = req;
  const { orgs } = tree;
  const repo = createApplicationsRepository(deps);
  const body = orgs.find((o) => o.id === input.organizationId && o.isBody && !o.disabled);
  // A refusal is given by the tree as it is now, not by a held copy not yet checked.
  const unchecked = () => tree.version !== undefined;
  if (!body) {
    if (unchecked()) return undefined;
    throw new AppError('applications.invalid_application', '请选择受理申请的行政机关', 400, { fields: { organizationId: '所选机关不存在或不受理申请' } });
  }
  const unitId = defaultHandlingUnit(body, orgs);
  if (req.via === 'clerk') {
    if (!req.actor) throw new AppError('auth.required', '请先登录', 401);
    try {
      assertCanAct(req.actor, 'case_handler', { organization_id: body.id, unit_id: unitId }, orgs);
    } catch (e) {
      if (unchecked()) return undefined;
      throw e;
    }
  } else if (input.channel !== 'online') {
    throw new AppError('applications.invalid_application', '网上申请的提交方式只能是网上申请', 400, { fields: { channel: '提交方式不正确' } });
  }

  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const submittedDate = req.submittedDate ?? today;
  const rule = RECEIPT_RULES[input.channel];
  const receivedDate = rule.atSubmission ? submittedDate : (req.receivedDate ?? null);
  if (submittedDate > today || (receivedDate && receivedDate > today)) {
    throw new AppError('applications.invalid_input', '提交日期和收到日期不能晚于今天', 400);
  }
  const events: CaseEvent[] = [{ type: 'submitted', data: { channel: input.channel, submittedDate, via: req.via } }];
  if (receivedDate) events.push({ type: 'receipt_confirmed', data: { receivedDate } });
  events.push({ type: 'assigned', data: { unitId, assigneeId: null, assigneeName: null } });

  const postgres = dialectOf(deps.db) === 'postgres';
  const ctx = await deadlineContext(deps);
  const year = Number(submittedDate.slice(0, 4));
  const at = isoTimestamp(now);
  const actorName = req.actor ? req.actor.username : input.applicantName;
  const actorRef = { id: req.actor?.id ?? null, name: actorName };
  const appended = projectNewCase(events, actorRef, at, ctx, unitId);
  // Until it is numbered (PostgreSQL: at commit, migration 0015; SQLite: as its transaction's
  // last work, below) the case carries a provisional number of its own, and the notices and the
  // audit row name `marker`, its provisional tracking number.
  const newCase = () => {
    const marker = `#tracking-${randomBytes(12).toString('hex')}#`;
    // unit_id, received_date, status and due date come from the projection (spread last).
    const fields = {
      organization_id: body.id,
      tracking_number: marker,
      query_code_hash: '',
      year,
      seq: -randomInt(1, 2 ** 31),
      channel: input.channel,
      submitted_date: submittedDate,
      applicant_type: input.applicantType,
      applicant_name: input.applicantName,
      applicant_id_kind: input.idKind,
      applicant_id_masked: maskIdNumber(input.idNumber),
      applicant_id_hash: idNumberHash(input.idNumber),
      applicant_key: applicantKey(input),
      contact_person: input.contactPerson,
      phone: input.phone,
      email: input.email,
      address: input.address,
      postcode: input.postcode,
      request_description: input.description,
      request_document_no: input.documentNo,
      purpose: input.purpose,
      form_wanted: input.formWanted,
      delivery_wanted: input.deliveryWanted,
      item_count: input.itemCount,
      idempotency_key: key,
      event_count: events.length,
      created_at: at,
      updated_at: at,
      ...appended.projection,
    };
    const fileDetail = files.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256 }));
    const audit = { userId: req.actor?.id ?? null, username: req.actor?.username ?? null, action: 'applications.submit', targetType: 'application', ip: req.ip ?? null, detail: { tracking: marker, channel: input.channel, via: req.via, ...(files.length && { files: fileDetail }) } };
    return { marker, fields, audit };
  };
  const first = { events, actor: actorRef, at };
  for (let attempt = 0; ; attempt++) {
    try {
      // PostgreSQL, a case with no files that tells nobody anything yet (an online application):
      // the case, its events, its audit row and the form's limits in one autocommit statement,
      // numbered by its commit; not inserted when a limit refuses it (429), the tree changed or
      // the form was posted before.
      if (postgres && !files.length && !eventsNotify(events) && !limits?.counted) {
        const { marker, fields, audit } = newCase();
        const hits = await limits?.inStatement();
        const { id, counts } = await createIntakeRepository(deps).insertCaseAlone(fields, { marker, queryCode }, first, { audit: contentOf(audit, now), treeVersion: tree.version, hits });
        await hits?.settle(counts);
        if (id === undefined) {
          const existing = key ? await repo.byIdempotencyKey(key) : undefined;
          if (existing) return { id: existing.id, trackingNumber: existing.tracking_number, queryCode, repeated: true };
          // The tree changed: checked again with the tree as it is now (the limits stay counted).
          return undefined;
        }
        sealSoon(deps.db);
        return { id, trackingNumber: takeIntakeNumber(marker) ?? (await repo.numberOf(id)).tracking, queryCode, repeated: false };
      }
      await limits?.take();
      let numbered: { seq: number; tracking: string } | undefined;
      let marker = '';
      const id = await inTransaction(deps.db, async (trx) => {
        const trepo = createApplicationsRepository({ db: trx });
        const made = newCase();
        marker = made.marker;
        const { fields, audit } = made;
        // PostgreSQL: the audit row is written by the insert's own statement (its target the new case).
        const id = await trepo.insertCase(fields, { marker, queryCode }, first, { audit: contentOf(audit, now), treeVersion: tree.version });
        if (id === undefined) throw new StaleTree();
        const row = { ...fields, id };
        await createCaseFilesRepository({ db: trx }).insert(id, 'application', files, actorRef, at);
        await notifyCaseEvents(trx, { row: { ...row, tracking_number: marker }, events, dueDate: appended.deadline?.dueDate ?? null, at, siteUrl: deps.config.siteUrl, orgs });
        if (postgres) sealAfterCommit(trx);
        else await createAuditRepository(deps).append({ ...audit, targetId: id }, now, trx);
        // The counter row of (body, year) serialises every submission to the body until commit:
        // on SQLite taken after everything else (the audit row's pending insert included).
        if (!postgres && !beforeCommit(trx, async () => void (numbered = await trepo.numberCase({ caseId: id, organizationId: body.id, year, queryCode, marker })))) {
          throw new Error('intake runs in inTransaction');
        }
        return id;
      });
      // PostgreSQL numbered the case in its commit, which told the number (migration 0016); read
      // it back only if that notice did not come.
      const tracking = numbered?.tracking ?? takeIntakeNumber(marker) ?? (await repo.numberOf(id)).tracking;
      return { id, trackingNumber: tracking, queryCode, repeated: false };
    } catch (e) {
      if (e instanceof StaleTree) return undefined;
      // The same form posted twice at once: the second insert meets the first's idempotency key
      // (its transaction, counter increment included, is rolled back) and answers its receipt.
      // Else two provisional numbers met (one chance in 2³¹): try again.
      if (isUniqueViolationOn(e, 'applications')) {
        const existing = key ? await repo.byIdempotencyKey(key) : undefined;
        if (existing) return { id: existing.id, trackingNumber: existing.tracking_number, queryCode, repeated: true };
        if (attempt < 3) continue;
      }
      throw e;
    }
  }
}
