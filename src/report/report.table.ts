/**
 * Tables of the annual report: figures entered per body and year, and report versions.
 * A version moves draft → submitted → approved → published; a published version never changes
 * (its model is frozen as JSON text); a correction is a new version with a note.
 */
import type { Generated, Selectable } from 'kysely';

export interface ReportFiguresTable {
  id: Generated<number>;
  organization_id: number;
  year: number;
  /** JSON [制发, 废止, 现行有效] when no registry provides them; null = not entered. */
  rules: string | null;
  normative_documents: string | null;
  licensing: number | null;
  punishment: number | null;
  enforcement: number | null;
  /** 万元, decimal text. */
  fees_wan: string | null;
  updated_at: string;
  updated_by: number | null;
}

export interface ReportVersionsTable {
  id: Generated<number>;
  organization_id: number;
  year: number;
  version: number;
  /** draft | submitted | approved | published */
  status: string;
  /** Moves on with every write; writes are conditional on the revision their writer read. */
  revision: Generated<number>;
  /** JSON object of narrative parts (sanitized HTML with placeholders). */
  narrative: string;
  correction_note: string | null;
  /** JSON AnnualReport frozen at approval (null while a draft). */
  model: string | null;
  /** JSON drill-down ids frozen with the model. */
  cells: string | null;
  /** JSON findings at approval. */
  findings: string | null;
  published_on: string | null;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  submitted_by: number | null;
  approved_by: number | null;
  published_by: number | null;
}

export interface ReportTables {
  report_figures: ReportFiguresTable;
  report_versions: ReportVersionsTable;
}

export type ReportVersionRow = Selectable<ReportVersionsTable>;
export type ReportFiguresRow = Selectable<ReportFiguresTable>;
