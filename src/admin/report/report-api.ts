// The annual report API as the admin screens use it. What the screens send has the server's own
// input shapes (report-input.schema.ts, pure): a field the server refuses or renames fails the
// type check here. The answers' types mirror src/report, which the admin app may not import
// beyond its pure files.
import { api, request } from '../api.ts';
import type { REPORT_ACTIONS, ReportFiguresBody, ReportNarrativeBody, ReportStartBody } from '../../report/report-input.schema.ts';

export interface ReportBody {
  id: number;
  code: string;
  name: string;
  kind: string;
  prepare: boolean;
  approve: boolean;
}
export interface NarrativePart {
  key: string;
  section: string;
  label: string;
}
export interface Finding {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  location?: { section?: string; row?: string; column?: string; line?: number };
}
export interface VersionInfo {
  id: number;
  year: number;
  version: number;
  status: 'draft' | 'submitted' | 'approved' | 'published';
  statusLabel: string;
  correctionNote: string | null;
  publishedOn: string | null;
}
/** The entered figures, as the workspace shows them and as they are saved. */
export type Figures = ReportFiguresBody;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
export type Cell = number | null;
export interface Workspace {
  body: { id: number; code: string; name: string; kind: string };
  year: number;
  version: VersionInfo | null;
  versions: VersionInfo[];
  narrative: Record<string, string>;
  figures: Figures;
  report: {
    applications: { rows: Record<string, Cell[]> };
    reviewLitigation: Record<'review' | 'litigationDirect' | 'litigationAfterReview', Cell[]>;
    proactive: { rules: Cell[]; normativeDocuments: Cell[] };
  };
  findings: Finding[];
  cellCounts: Record<string, number>;
  permissions: Record<string, boolean>;
}
export interface History {
  versions: VersionInfo[];
  comparison: { years: number[]; rows: { label: string; values: (Cell | string)[] }[] };
}

export const reportApi = {
  bodies: () => api.get<{ items: ReportBody[]; parts: NarrativePart[]; placeholders: string[] }>('/api/v1/reports/bodies'),
  workspace: (bodyId: number, year: number) => api.get<Workspace>(`/api/v1/reports/${bodyId}/${year}`),
  start: (bodyId: number, year: number, correctionNote?: string) => api.post(`/api/v1/reports/${bodyId}/${year}/versions`, (correctionNote ? { correctionNote } : {}) satisfies ReportStartBody),
  saveNarrative: (versionId: number, parts: ReportNarrativeBody['parts']) => request('PUT', `/api/v1/reports/versions/${versionId}/narrative`, { parts } satisfies ReportNarrativeBody),
  saveFigures: (bodyId: number, year: number, figures: Figures) => request('PUT', `/api/v1/reports/${bodyId}/${year}/figures`, figures),
  act: (versionId: number, action: ReportAction) => api.post(`/api/v1/reports/versions/${versionId}/${action}`),
  cell: (bodyId: number, year: number, cell: string) => api.get<{ ids: number[]; kind: string; frozen: boolean }>(`/api/v1/reports/${bodyId}/${year}/cells/${encodeURIComponent(cell)}`),
  history: (bodyId: number) => api.get<History>(`/api/v1/reports/${bodyId}/history`),
};
