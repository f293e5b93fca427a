/** What reading one published report yields: the shared report model plus where it came from. */
import type { AnnualReport } from '../report/report.model.ts';
import type { ReportFinding } from '../report/report.validate.ts';
import type { NarrativeFigure } from './reportcheck.narrative.ts';

export interface HeadingFound {
  number: string;
  /** As printed. */
  title: string;
  /** The 2021-format title. */
  expectedTitle: string;
  line: number;
}

export interface CellSources {
  /** Per section 三 row key, the source line of each of the 7 cells (null: not read). */
  applications: Record<string, (number | null)[]>;
  reviewLitigation: { review: (number | null)[]; litigationDirect: (number | null)[]; litigationAfterReview: (number | null)[] };
  proactive: Record<string, (number | null)[]>;
  title: number | null;
  publishedOn: number | null;
}

export interface ReadReport extends AnnualReport {
  /** File name or other label of the input. */
  source: string;
  headings: HeadingFound[];
  narrativeFigures: NarrativeFigure[];
  sources: CellSources;
  findings: ReportFinding[];
}
