/**
 * Issuing a letter: the letter is filled from the case as it stands, numbered from the body's
 * pattern, dated the issue date, rendered once to Word and PDF, and stored with the SHA-256 of
 * both in the case's letter register and the audit log. Downloads serve those stored bytes, so
 * the copy pulled for a 行政复议 file is the one that was sent. A correction is a new numbered
 * letter of the same kind that names the one it replaces; a letter is replaced at most once.
 */
import { createHash } from 'node:crypto';
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp, shanghaiDate } from '../shared/clock.ts';
import type { Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { getCase } from './case-view.usecases.ts';
import { assertCanAct } from './case-access.ts';
import { buildLetter } from './letters.usecases.ts';
import { chineseDate, defaultPattern, formatDocNumber, letterNotReady, replacesNote } from './letters.issue.rules.ts';
import { createLettersRepository, type IssuedLetterMeta } from './letters.repository.ts';
import { letterDocxBytes, letterPdfBytes, type LetterDocument, type LetterSeal } from './letters.render.ts';
import { inTransaction } from '../db/transaction.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return code === '23505' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

/** The body's patterns, contact block and seal as a letter prints them. */
export async function letterSettingsOf(deps: AppDeps, organizationId: number, bodyName: string) {
  const row = await createLettersRepository(deps).settings(organizationId);
  const patterns = row ? (JSON.parse(row.patterns) as Record<string, string>) : {};
  const contact = row?.contact_block.split('\n').map((l) => l.trim()).filter(Boolean) ?? [];
  const seal: LetterSeal | null = row?.seal_image && row.seal_mime ? { bytes: Buffer.from(row.seal_image), mime: row.seal_mime as LetterSeal['mime'] } : null;
  return {
    patterns,
    contactBlock: row?.contact_block ?? '',
    contact: contact.length ? contact : [`联系机关：${bodyName}`],
    seal,
  };
}

/**
 * The unissued draft as the preview and the draft download show it: the same layout, no 文号,
 * today's date (the issued letter carries its issue date).
 */
export async function draftDocument({ caseId, key, actor, deps }: { caseId: number; key: string; actor: Actor; deps: AppDeps }): Promise<LetterDocument> {
  const c = await getCase({ caseId, actor, deps });
  const filled = await buildLetter({ caseId, key, actor, deps });
  const settings = await letterSettingsOf(deps, c.organizationId, c.organizationName);
  return { title: filled.title, docNumber: null, paragraphs: filled.paragraphs, bodyName: c.organizationName, dateText: chineseDate(shanghaiDate(deps.clock.now())), contact: settings.contact, seal: null };
}

export function presentIssued(m: IssuedLetterMeta, replacedBy?: { id: number; doc_number: string }) {
  return {
    id: m.id,
    kind: m.kind,
    title: m.title,
    docNumber: m.doc_number,
    issueDate: m.issue_date,
    replacesId: m.replaces_id,
    replacedBy: replacedBy ? { id: replacedBy.id, docNumber: replacedBy.doc_number } : null,
    docxSha256: m.docx_sha256,
    pdfSha256: m.pdf_sha256,
    issuedBy: m.issued_by_name,
    issuedAt: m.issued_at,
    /** The body's template version the letter was rendered from; null: the shipped default. */
    templateVersion: m.template_version_id === null ? null : { id: Number(m.template_version_id), version: m.template_version },
  };
}
export type IssuedLetter = ReturnType<typeof presentIssued>;

export async function issueLetter({ caseId, kind, replacesId, actor, deps }: { caseId: number; kind: string; replacesId?: number | null; actor: Actor & { user?: { displayName?: string } }; deps: AppDeps }): Promise<IssuedLetter> {
  const c = await getCase({ caseId, actor, deps });
  const orgs = await createOrganizationsRepository(deps).list();
  assertCanAct(actor, 'case_handler', { organization_id: c.organizationId, unit_id: c.unitId }, orgs);
  const notReady = letterNotReady(kind, c.state);
  if (notReady) throw new AppError('letters.not_ready', notReady, 409);
  const repo = createLettersRepository(deps);
  let replaced: IssuedLetterMeta | undefined;
  if (replacesId) {
    replaced = await repo.meta(replacesId);
    if (!replaced || replaced.application_id !== caseId) throw new AppError('letters.not_found', '要更正的文书不属于本案', 404);
    if (replaced.kind !== kind) throw new AppError('letters.invalid', '更正文书必须与原文书是同一种文书', 400);
    const by = await repo.replacement(replaced.id);
    if (by) throw new AppError('letters.already_replaced', `该文书已由 ${by.doc_number} 更正，请更正最新的文书`, 409);
  }

  const filled = await buildLetter({ caseId, key: kind, actor, deps });
  const settings = await letterSettingsOf(deps, c.organizationId, c.organizationName);
  const now = deps.clock.now();
  const issueDate = shanghaiDate(now);
  const year = Number(issueDate.slice(0, 4));
  const number = await repo.takeNumber(c.organizationId, kind, year);
  const docNumber = formatDocNumber(settings.patterns[kind] ?? defaultPattern(kind), year, number);
  const [salutation, ...rest] = filled.paragraphs;
  const doc: LetterDocument = {
    title: filled.title,
    docNumber,
    paragraphs: replaced ? [salutation, replacesNote({ docNumber: replaced.doc_number, title: replaced.title, issueDate: replaced.issue_date }), ...rest] : filled.paragraphs,
    bodyName: c.organizationName,
    dateText: chineseDate(issueDate),
    contact: settings.contact,
    seal: settings.seal,
  };
  const audit = createAuditRepository(deps);
  const who = actor.user?.displayName ?? actor.username;
  // The number is taken; if anything below fails it stays unused, and the audit log says why.
  const voided = async (reason: string) =>
    audit.append({ userId: actor.id, username: actor.username, action: 'letters.number_void', targetType: 'application', targetId: caseId, detail: { kind, docNumber, reason } }, deps.clock.now());
  try {
    const docx = await letterDocxBytes(doc);
    const pdf = await letterPdfBytes(doc);
    const row = {
      application_id: caseId,
      organization_id: c.organizationId,
      kind,
      year,
      number,
      doc_number: docNumber,
      title: filled.title,
      issue_date: issueDate,
      replaces_id: replaced?.id ?? null,
      content: JSON.stringify(doc, (k, v) => (k === 'seal' ? (v ? { mime: (v as LetterSeal).mime } : null) : v)),
      docx,
      docx_sha256: sha256(docx),
      pdf,
      pdf_sha256: sha256(pdf),
      issued_by_id: actor.id,
      issued_by_name: who,
      issued_at: isoTimestamp(now),
      template_version_id: filled.templateVersionId,
    };
    const id = await inTransaction(deps.db, async (trx) => {
      const newId = await repo.insert(row, trx);
      await audit.append({
        userId: actor.id, username: actor.username, action: 'letters.issued', targetType: 'application', targetId: caseId,
        detail: { letterId: newId, kind, docNumber, issueDate, replacesId: row.replaces_id, docxSha256: row.docx_sha256, pdfSha256: row.pdf_sha256 },
      }, now, trx);
      return newId;
    });
    return presentIssued({ ...row, id, template_version: filled.templateVersionId === null ? null : (await repo.meta(id))?.template_version ?? null });
  } catch (e) {
    if (isUniqueViolation(e)) {
      await voided('同一文书已被同时更正');
      throw new AppError('letters.already_replaced', '该文书刚刚已被他人更正，请刷新后查看', 409);
    }
    await voided(e instanceof Error ? e.message : String(e));
    throw e;
  }
}

export async function listIssued({ caseId, actor, deps }: { caseId: number; actor: Actor; deps: AppDeps }): Promise<IssuedLetter[]> {
  await getCase({ caseId, actor, deps });
  const rows = await createLettersRepository(deps).listForCase(caseId);
  return rows.map((m) => {
    const by = rows.find((r) => r.replaces_id === m.id);
    return presentIssued(m, by && { id: by.id, doc_number: by.doc_number });
  });
}

/** The stored bytes of an issued letter, exactly as issued. */
export async function issuedFile({ caseId, letterId, format, actor, deps }: { caseId: number; letterId: number; format: 'docx' | 'pdf'; actor: Actor; deps: AppDeps }) {
  await getCase({ caseId, actor, deps });
  const repo = createLettersRepository(deps);
  const meta = await repo.meta(letterId);
  if (!meta || meta.application_id !== caseId) throw new AppError('letters.not_found', '没有找到该文书', 404);
  const file = (await repo.file(letterId, format))!;
  return { ...file, fileName: `${meta.title}（${meta.doc_number}）.${format}`, asciiFileName: `letter-${meta.id}.${format}` };
}
