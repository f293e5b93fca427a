/**
 * A body's letter settings: numbering pattern per kind, the office's contact block and the
 * electronic-seal image. Changed by the body's administrator or a clerk who handles its cases.
 */
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp } from '../shared/clock.ts';
import type { Actor } from '../auth/access.rules.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { officeBody } from './office-access.ts';
import { LETTER_KEYS } from './letters.templates.ts';
import { defaultPattern, patternProblem } from './letters.issue.rules.ts';
import { createLettersRepository } from './letters.repository.ts';
import { letterSettingsOf } from './letters.issue.usecases.ts';
import { inTransaction } from '../db/transaction.ts';

export const MAX_SEAL_BYTES = 1024 * 1024;

const bodyFor = async (actor: Actor, organizationId: number, deps: AppDeps, write: boolean) =>
  (await officeBody(actor, organizationId, deps, { write, what: '文书设置' })).body;

export async function getLetterSettings({ organizationId, actor, deps }: { organizationId: number; actor: Actor; deps: AppDeps }) {
  const { body, mayEdit } = await officeBody(actor, organizationId, deps, { write: false, what: '文书设置' });
  const s = await letterSettingsOf(deps, body.id, body.name);
  return {
    organizationId: body.id,
    /** The auditor reads them; the body's administrator and its 公开办 clerks change them. */
    canEdit: mayEdit,
    patterns: Object.fromEntries(LETTER_KEYS.map((k) => [k, s.patterns[k] ?? defaultPattern(k)])),
    contactBlock: s.contactBlock,
    hasSeal: s.seal !== null,
  };
}

async function save(organizationId: number, actor: Actor, deps: AppDeps, change: (cur: Awaited<ReturnType<typeof letterSettingsOf>>) => { patterns: Record<string, string>; contactBlock: string; seal: { bytes: Buffer; mime: string } | null }, detail: unknown) {
  const body = await bodyFor(actor, organizationId, deps, true);
  const next = change(await letterSettingsOf(deps, body.id, body.name));
  const now = deps.clock.now();
  await inTransaction(deps.db, async (trx) => {
    await createLettersRepository({ db: trx }).saveSettings({
      organization_id: body.id,
      patterns: JSON.stringify(next.patterns),
      contact_block: next.contactBlock,
      seal_image: next.seal?.bytes ?? null,
      seal_mime: next.seal?.mime ?? null,
      updated_at: isoTimestamp(now),
      updated_by: actor.username,
    }, trx);
    await createAuditRepository(deps).append({ userId: actor.id, username: actor.username, action: 'letters.settings', targetType: 'organization', targetId: body.id, detail }, now, trx);
  });
}

export async function saveLetterSettings({ organizationId, patterns, contactBlock, actor, deps }: { organizationId: number; patterns: Record<string, string>; contactBlock: string; actor: Actor; deps: AppDeps }) {
  const clean: Record<string, string> = {};
  for (const [kind, pattern] of Object.entries(patterns)) {
    if (!LETTER_KEYS.includes(kind)) throw new AppError('letters.invalid', `没有这种文书：${kind}`, 400);
    const problem = patternProblem(pattern);
    if (problem) throw new AppError('letters.invalid_pattern', problem, 400);
    clean[kind] = pattern.trim();
  }
  if (contactBlock.length > 1000) throw new AppError('letters.invalid', '联系方式不能超过1000个字', 400);
  await save(organizationId, actor, deps, (cur) => ({ patterns: clean, contactBlock: contactBlock.trim(), seal: cur.seal }), { patterns: clean, contactBlock });
}

/** The seal image: PNG or JPEG by its first bytes, at most 1 MB; null removes it. */
export async function saveSeal({ organizationId, bytes, actor, deps }: { organizationId: number; bytes: Buffer | null; actor: Actor; deps: AppDeps }) {
  let seal: { bytes: Buffer; mime: string } | null = null;
  if (bytes) {
    if (bytes.length > MAX_SEAL_BYTES) throw new AppError('letters.seal_too_large', '印章图片不能超过1MB', 400);
    const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
    if (!png && !jpeg) throw new AppError('letters.seal_type', '印章图片必须是PNG或JPEG格式', 400);
    seal = { bytes, mime: png ? 'image/png' : 'image/jpeg' };
  }
  await save(organizationId, actor, deps, (cur) => ({ patterns: cur.patterns, contactBlock: cur.contactBlock, seal }), { seal: seal ? { mime: seal.mime, bytes: bytes!.length } : null });
}
