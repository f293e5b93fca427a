/** Storage of entered figures and report versions (both databases, one code path). */
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../db/database.ts';
import type { ReportVersionRow, ReportVersionsTable } from './report.table.ts';
import type { EnteredFigures } from './report.compute.ts';
import type { NarrativeParts } from './report.narrative.ts';
import type { ReportStatus } from './report.workflow.ts';

/** Figures a clerk enters; 第二十条第（一）项 only when no registry provides them. */
export interface StoredFigures extends EnteredFigures {
  rules: [number, number, number] | null;
  normativeDocuments: [number, number, number] | null;
}

export const NO_STORED_FIGURES: StoredFigures = {
  rules: null,
  normativeDocuments: null,
  licensing: null,
  punishment: null,
  enforcement: null,
  feesAmountWanYuan: null,
};

export interface ReportVersion {
  id: number;
  organizationId: number;
  year: number;
  version: number;
  status: ReportStatus;
  revision: number;
  narrative: NarrativeParts;
  correctionNote: string | null;
  model: string | null;
  cells: string | null;
  findings: string | null;
  publishedOn: string | null;
  createdAt: string;
  updatedAt: string;
  submittedBy: number | null;
  approvedBy: number | null;
  publishedBy: number | null;
}

function toVersion(r: ReportVersionRow): ReportVersion {
  return {
    id: Number(r.id),
    organizationId: Number(r.organization_id),
    year: Number(r.year),
    version: Number(r.version),
    status: r.status as ReportStatus,
    revision: Number(r.revision),
    narrative: JSON.parse(r.narrative) as NarrativeParts,
    correctionNote: r.correction_note,
    model: r.model,
    cells: r.cells,
    findings: r.findings,
    publishedOn: r.published_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    submittedBy: r.submitted_by,
    approvedBy: r.approved_by,
    publishedBy: r.published_by,
  };
}

const parseTriple = (v: string | null) => (v === null ? null : (JSON.parse(v) as [number, number, number]));

export function createReportRepository({ db }: { db: Kysely<Database> }) {
  return {
    async figures(organizationId: number, year: number): Promise<StoredFigures> {
      const r = await db.selectFrom('report_figures').selectAll().where('organization_id', '=', organizationId).where('year', '=', year).executeTakeFirst();
      if (!r) return NO_STORED_FIGURES;
      return {
        rules: parseTriple(r.rules),
        normativeDocuments: parseTriple(r.normative_documents),
        licensing: r.licensing === null ? null : Number(r.licensing),
        punishment: r.punishment === null ? null : Number(r.punishment),
        enforcement: r.enforcement === null ? null : Number(r.enforcement),
        feesAmountWanYuan: r.fees_wan,
      };
    },

    async saveFigures(organizationId: number, year: number, f: StoredFigures, userId: number | null, at: string): Promise<void> {
      const values = {
        rules: f.rules && JSON.stringify(f.rules),
        normative_documents: f.normativeDocuments && JSON.stringify(f.normativeDocuments),
        licensing: f.licensing,
        punishment: f.punishment,
        enforcement: f.enforcement,
        fees_wan: f.feesAmountWanYuan,
        updated_at: at,
        updated_by: userId,
      };
      await db
        .insertInto('report_figures')
        .values({ organization_id: organizationId, year, ...values })
        .onConflict((oc) => oc.columns(['organization_id', 'year']).doUpdateSet(values))
        .execute();
    },

    async byId(id: number): Promise<ReportVersion | undefined> {
      const r = await db.selectFrom('report_versions').selectAll().where('id', '=', id).executeTakeFirst();
      return r && toVersion(r);
    },

    /** All versions of a body, newest year and version first. */
    async list(organizationId: number): Promise<ReportVersion[]> {
      const rows = await db.selectFrom('report_versions').selectAll().where('organization_id', '=', organizationId).orderBy('year', 'desc').orderBy('version', 'desc').execute();
      return rows.map(toVersion);
    },

    async latest(organizationId: number, year: number): Promise<ReportVersion | undefined> {
      const r = await db.selectFrom('report_versions').selectAll().where('organization_id', '=', organizationId).where('year', '=', year).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return r && toVersion(r);
    },

    async latestPublished(organizationId: number, year: number): Promise<ReportVersion | undefined> {
      const r = await db.selectFrom('report_versions').selectAll().where('organization_id', '=', organizationId).where('year', '=', year).where('status', '=', 'published').orderBy('version', 'desc').limit(1).executeTakeFirst();
      return r && toVersion(r);
    },

    async insert(v: { organizationId: number; year: number; version: number; narrative: NarrativeParts; correctionNote: string | null; userId: number | null; at: string }): Promise<ReportVersion> {
      const r = await db
        .insertInto('report_versions')
        .values({
          organization_id: v.organizationId,
          year: v.year,
          version: v.version,
          status: 'draft',
          narrative: JSON.stringify(v.narrative),
          correction_note: v.correctionNote,
          model: null,
          cells: null,
          findings: null,
          published_on: null,
          created_at: v.at,
          updated_at: v.at,
          created_by: v.userId,
          submitted_by: null,
          approved_by: null,
          published_by: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toVersion(r);
    },

    /**
     * Updates a version only while it still has the status and revision its caller read, and moves
     * the revision on; false when someone changed it first.
     */
    async update(id: number, seen: Pick<ReportVersion, 'status' | 'revision'>, patch: Updateable<ReportVersionsTable>): Promise<boolean> {
      const res = await db
        .updateTable('report_versions')
        .set({ ...patch, revision: seen.revision + 1 })
        .where('id', '=', id)
        .where('status', '=', seen.status)
        .where('revision', '=', seen.revision)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
