/**
 * The bytes of case files on disk under `<data folder>/attachments/cases/` (so backups and
 * exports carry them with the item attachments), and their rows. A file is written before the
 * transaction that records it (so no disk write happens inside one) and removed again when that
 * transaction fails: a refused or lost submission leaves nothing behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { AppError } from '../shared/app-error.ts';
import type { CheckedFile } from './case-files.rules.ts';
import type { CaseFileKind, CaseFileRow } from './case-files.table.ts';

export interface SpooledFile {
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  storagePath: string;
}

function root(dataDir: string): string {
  return resolve(dataDir, 'attachments', 'cases');
}

function fullPath(dataDir: string, storagePath: string): string {
  const base = root(dataDir);
  const full = resolve(base, storagePath);
  if (!full.startsWith(base + sep)) throw new AppError('applications.file_not_found', '没有找到该文件', 404);
  return full;
}

/** Writes checked files under random names; the caller records them or calls `discardFiles`. */
export async function writeCaseFiles(dataDir: string, files: CheckedFile[]): Promise<SpooledFile[]> {
  const out: SpooledFile[] = [];
  try {
    for (const f of files) {
      const id = randomBytes(12).toString('hex');
      const storagePath = join(id.slice(0, 2), `${id}.${f.extension}`);
      const full = fullPath(dataDir, storagePath);
      await mkdir(dirname(full), { recursive: true, mode: 0o700 });
      await writeFile(full, f.bytes, { flag: 'wx', mode: 0o600 });
      out.push({ fileName: f.fileName, mime: f.mime, size: f.bytes.length, sha256: createHash('sha256').update(f.bytes).digest('hex'), storagePath });
    }
    return out;
  } catch (e) {
    await discardFiles(dataDir, out);
    throw e;
  }
}

export async function discardFiles(dataDir: string, files: SpooledFile[]): Promise<void> {
  await Promise.all(files.map((f) => rm(fullPath(dataDir, f.storagePath), { force: true })));
}

export function readCaseFile(dataDir: string, row: Pick<CaseFileRow, 'storage_path'>): Promise<Buffer> {
  return readFile(fullPath(dataDir, row.storage_path));
}

export function createCaseFilesRepository({ db }: { db: Kysely<Database> }) {
  return {
    async insert(caseId: number, kind: CaseFileKind, files: SpooledFile[], by: { id: number | null; name: string }, at: string): Promise<number[]> {
      const ids: number[] = [];
      for (const f of files) {
        const r = await db
          .insertInto('application_files')
          .values({ application_id: caseId, kind, file_name: f.fileName, mime: f.mime, size: f.size, sha256: f.sha256, storage_path: f.storagePath, uploaded_by_id: by.id, uploaded_by_name: by.name, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(Number(r.id));
      }
      return ids;
    },
    list(caseId: number, kinds?: CaseFileKind[]): Promise<CaseFileRow[]> {
      let q = db.selectFrom('application_files').selectAll().where('application_id', '=', caseId);
      if (kinds) q = q.where('kind', 'in', kinds);
      return q.orderBy('id').execute();
    },
    byId(caseId: number, fileId: number): Promise<CaseFileRow | undefined> {
      return db.selectFrom('application_files').selectAll().where('application_id', '=', caseId).where('id', '=', fileId).executeTakeFirst();
    },
  };
}

export function presentCaseFile(r: CaseFileRow) {
  return { id: r.id, kind: r.kind, fileName: r.file_name, mime: r.mime, size: r.size, sha256: r.sha256, uploadedBy: r.uploaded_by_name, createdAt: r.created_at };
}
