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
import { createCaseFilesRepository, readCaseFile } from './case-files.storage.ts';
import { attachmentDisposition } from '../http/content-disposition.ts';

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
