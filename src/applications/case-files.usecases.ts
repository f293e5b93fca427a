/**
 * Files of a case for staff: the case's readers (need-to-know, case-access.ts) list and download
 * what the applicant attached and what was released; its handlers attach the files released with
 * the 答复. Every read of an applicant's file leaves an audit row, as every read of the case does.
 */
import type { AppDeps } from '../shared/deps.ts';
import { isoTimestamp } from '../shared/clock.ts';
import { AppError } from '../shared/app-error.ts';
import type { Actor } from '../auth/access.rules.ts';
import { createOrganizationsRepository } from '../auth/organizations.repository.ts';
import { createAuditRepository } from '../auth/audit.repository.ts';
import { createApplicationsRepository } from './applications.repository.ts';
import { reduceEvents } from './applications.state.rules.ts';
import { assertCanAct, canReadCase } from './case-access.ts';
import { auditPersonalDataRead } from './case-view.usecases.ts';
import { checkCaseFiles } from './case-files.rules.ts';
import { createCaseFilesRepository, discardFiles, presentCaseFile, readCaseFile, writeCaseFiles } from './case-files.storage.ts';

async function readableCase(deps: AppDeps, caseId: number, actor: Actor) {
  const row = await createApplicationsRepository(deps).byId(caseId);
  const orgs = await createOrganizationsRepository(deps).list();
  if (!row || !canReadCase(actor, row, orgs)) throw new AppError('applications.not_found', '没有找到该申请', 404);
  return { row, orgs };
}

export async function listCaseFiles({ caseId, actor, deps }: { caseId: number; actor: Actor; deps: AppDeps }) {
  await readableCase(deps, caseId, actor);
  return (await createCaseFilesRepository(deps).list(caseId)).map(presentCaseFile);
}

export async function caseFileForStaff({ caseId, fileId, actor, ip, deps }: { caseId: number; fileId: number; actor: Actor; ip?: string; deps: AppDeps }) {
  await readableCase(deps, caseId, actor);
  const row = await createCaseFilesRepository(deps).byId(caseId, fileId);
  if (!row) throw new AppError('applications.file_not_found', '没有找到该文件', 404);
  await auditPersonalDataRead(deps, actor, 'applications.file_read', [caseId], ip);
  return { row, bytes: await readCaseFile(deps.config.dataDir, row) };
}

/** 答复 with released information: the handler attaches the files; the applicant sees them once decided. */
export async function addReleasedFiles({ caseId, files, actor, ip, deps }: { caseId: number; files: { fileName: string; bytes: Buffer }[]; actor: Actor & { user?: { displayName?: string } }; ip?: string; deps: AppDeps }) {
  const { row, orgs } = await readableCase(deps, caseId, actor);
  assertCanAct(actor, 'case_handler', row, orgs);
  if (files.length === 0) throw new AppError('applications.file_missing', '请选择要上传的文件', 400);
  const state = reduceEvents(await createApplicationsRepository(deps).events(caseId));
  if (state.archived) throw new AppError('applications.invalid_transition', '案件已归档，不能再添加公开的信息文件', 409);
  const spooled = await writeCaseFiles(deps.config.dataDir, checkCaseFiles(files));
  const now = deps.clock.now();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await createCaseFilesRepository({ db: trx }).insert(caseId, 'released', spooled, { id: actor.id, name: actor.user?.displayName ?? actor.username }, isoTimestamp(now));
      await createAuditRepository({ db: trx }).append(
        { userId: actor.id, username: actor.username, action: 'applications.file_released', targetType: 'application', targetId: caseId, ip: ip ?? null, detail: { files: spooled.map((f) => ({ fileName: f.fileName, size: f.size, sha256: f.sha256 })) } },
        now,
        trx,
      );
    });
  } catch (e) {
    await discardFiles(deps.config.dataDir, spooled);
    throw e;
  }
  return listCaseFiles({ caseId, actor, deps });
}
