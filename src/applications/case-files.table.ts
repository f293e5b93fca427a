/**
 * Files of a case, on disk under `<data folder>/attachments/cases/` (case-files.storage.ts):
 * - `application`: attached by the applicant to the online form (ID copy, supporting documents);
 * - `correction`: attached to the applicant's online 补正 answer;
 * - `released`: attached by the clerk to the 答复 as the information released; the applicant
 *   downloads these from the status page once the case is decided.
 */
import type { Generated, Selectable } from 'kysely';

export type CaseFileKind = 'application' | 'correction' | 'released';

export interface ApplicationFilesTable {
  id: Generated<number>;
  application_id: number;
  kind: CaseFileKind;
  /** The name as uploaded, made safe (no path, no control characters). */
  file_name: string;
  /** Decided from the file's first bytes, never from the name or the browser's claim. */
  mime: string;
  size: number;
  sha256: string;
  /** Relative to the case-files folder; random, so a name never reveals the case. */
  storage_path: string;
  /** Null for the applicant. */
  uploaded_by_id: number | null;
  uploaded_by_name: string;
  created_at: string;
}

export interface CaseFilesTables {
  application_files: ApplicationFilesTable;
}

export type CaseFileRow = Selectable<ApplicationFilesTable>;
