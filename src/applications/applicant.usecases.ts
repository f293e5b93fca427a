/**
 * The applicant's side of a case, opened with the tracking number and the query code: the
 * letters issued to the applicant and the released files, each downloadable as stored. An
 * unknown number and a wrong code get the same answer (no enumeration of numbers).
 */
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../shared/app-error.ts';
import type { AppDeps } from '../shared/deps.ts';
import { createApplicationsRepository } from './applications.repository.ts';
import type { ApplicationRow } from './applications.table.ts';
import { reduceEvents } from './applications.state.rules.ts';
import { queryCodeHash } from './intake.rules.ts';
import { createLettersRepository } from './letters.repository.ts';
import { createCaseFilesRepository, discardFiles, readCaseFile, writeCaseFiles } from './case-files.storage.ts';
import { checkCaseFiles } from './case-files.rules.ts';
import { onlineReceiptDate } from './receipt-date.rules.ts';
import { calendarFor } from './case-projection.ts';
import { recordApplicantCorrection } from './case-actions.usecases.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';

export const CORRECTION_TEXT_MAX = 5000;

export const STATUS_NOT_FOUND = '没有找到与该受理编号和查询码相符的申请，请核对后重试';

/** Letters addressed to the applicant; a 征求意见书 goes to a third party or agency and stays internal. */
const APPLICANT_LETTER_KINDS = new Set(['receipt', 'correction', 'extension', 'fee', 'reply']);

/** The case the number and code open, or the one refusal for every miss. */
export async function caseByCode({ trackingNumber, queryCode, deps }: { trackingNumber: string; queryCode: string; deps: AppDeps }): Promise<ApplicationRow> {
  const tn = trackingNumber.trim();
  const row = /^\d{6,20}$/.test(tn) ? await createApplicationsRepository(deps).byTrackingNumber(tn) : undefined;
  const given = Buffer.from(queryCodeHash(tn, queryCode));
  const expected = Buffer.from(row?.query_code_hash ?? queryCodeHash('none', 'none'));
  if (!row || !timingSafeEqual(given, expected)) throw new AppError('applications.status_not_found', STATUS_NOT_FOUND, 404);
  return row;
}

/** What the status page offers for download: current letters (a corrected one is replaced) and, once decided, the released files. */
export async function applicantDocuments(deps: AppDeps, row: ApplicationRow, decided: boolean) {
  const letters = (await createLettersRepository(deps).listForCase(row.id)).filter((l) => APPLICANT_LETTER_KINDS.has(l.kind));
  const replaced = new Set(letters.map((l) => l.replaces_id).filter((x) => x !== null));
  const files = await createCaseFilesRepository(deps).list(row.id);
  return {
    letters: letters.filter((l) => !replaced.has(l.id)).map((l) => ({ id: l.id, title: l.title, docNumber: l.doc_number, issueDate: l.issue_date })),
    released: decided ? files.filter((f) => f.kind === 'released').map((f) => ({ id: f.id, fileName: f.file_name, size: f.size })) : [],
    submitted: files.filter((f) => f.kind !== 'released').map((f) => ({ id: f.id, fileName: f.file_name, kind: f.kind })),
  };
}

export interface ApplicantDownload {
  bytes: Buffer;
  mime: string;
  sha256: string;
  disposition: string;
}

const MIME = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' } as const;

/** One document of the status page, exactly as stored; anything not offered there is the same 404. */
export async function applicantDownload({ trackingNumber, queryCode, what, deps }: { trackingNumber: string; queryCode: string; what: string; deps: AppDeps }): Promise<ApplicantDownload> {
  const row = await caseByCode({ trackingNumber, queryCode, deps });
  const state = reduceEvents(await createApplicationsRepository(deps).events(row.id));
  const offered = await applicantDocuments(deps, row, state.decision !== null);
  const notOffered = () => new AppError('applications.status_not_found', STATUS_NOT_FOUND, 404);
  const letter = /^letter-(\d{1,12})-(docx|pdf)$/.exec(what);
  if (letter) {
    const id = Number(letter[1]);
    const format = letter[2] as 'docx' | 'pdf';
    const l = offered.letters.find((x) => x.id === id);
    if (!l) throw notOffered();
    const f = (await createLettersRepository(deps).file(id, format))!;
    return { bytes: f.bytes, mime: MIME[format], sha256: f.sha256, disposition: attachmentDisposition(`${l.title}（${l.docNumber}）.${format}`, `letter-${id}.${format}`) };
  }
  const file = /^file-(\d{1,12})$/.exec(what);
  if (file && offered.released.some((x) => x.id === Number(file[1]))) {
    const r = (await createCaseFilesRepository(deps).byId(row.id, Number(file[1])))!;
    return { bytes: await readCaseFile(deps.config.dataDir, r), mime: r.mime, sha256: r.sha256, disposition: attachmentDisposition(r.file_name, `file-${r.id}.${r.storage_path.split('.').pop()}`) };
  }
  throw notOffered();
}

/**
 * The applicant answers a 补正 online: text and/or files, once per request. Recorded through the
 * clerk's 收到补正 path (recordApplicantCorrection), dated by the Art. 31 online rule, so the
 * answer period restarts from that day exactly as when a clerk records it.
 */
export async function answerCorrection({ trackingNumber, queryCode, text, files, ip, deps }: {
  trackingNumber: string; queryCode: string; text: string; files: { fileName: string; bytes: Buffer }[]; ip?: string; deps: AppDeps;
}) {
  const row = await caseByCode({ trackingNumber, queryCode, deps });
  const state = reduceEvents(await createApplicationsRepository(deps).events(row.id));
  if (!state.correction || state.correction.received || state.decision) throw new AppError('applications.no_correction_pending', '本申请没有等待中的补正，或补正已经提交过', 409);
  const answer = text.trim();
  if (!answer && files.length === 0) throw new AppError('applications.correction_empty', '请填写补正内容或上传补正材料', 400);
  if (answer.length > CORRECTION_TEXT_MAX) throw new AppError('applications.correction_too_long', `补正内容不能超过${CORRECTION_TEXT_MAX}个字`, 400);
  if ([...answer].some((c) => { const n = c.charCodeAt(0); return (n < 0x20 && c !== '\n' && c !== '\r' && c !== '\t') || n === 0x7f; })) {
    throw new AppError('applications.correction_invalid', '补正内容含有不能识别的控制字符', 400);
  }
  const spooled = await writeCaseFiles(deps.config.dataDir, checkCaseFiles(files));
  const receipt = onlineReceiptDate(deps.clock.now(), (await calendarFor(deps.db)).reader());
  try {
    const result = await recordApplicantCorrection({
      caseId: row.id,
      applicantName: row.contact_person || row.applicant_name,
      data: { date: receipt.date, via: 'portal', submittedAt: receipt.submittedAt, postponed: receipt.postponed, text: answer, files: spooled.map((f) => ({ fileName: f.fileName, sha256: f.sha256 })) },
      alongside: (trx) => createCaseFilesRepository({ db: trx }).insert(row.id, 'correction', spooled, { id: null, name: row.applicant_name }, deps.clock.now().toISOString()).then(() => undefined),
      ip, deps,
    });
    return { receivedDate: receipt.date, submittedAt: receipt.submittedAt, postponed: receipt.postponed, dueDate: result.deadline?.dueDate ?? null };
  } catch (e) {
    await discardFiles(deps.config.dataDir, spooled);
    // Two answers at once: the loser is told as if it came second.
    if (e instanceof AppError && e.status === 409) throw new AppError('applications.no_correction_pending', '本申请没有等待中的补正，或补正已经提交过', 409);
    throw e;
  }
}
