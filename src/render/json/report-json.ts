/**
 * The annual report as open data: the model's JSON form (schema: src/report/report.schema.ts),
 * with a stable key order so published files diff cleanly from year to year. Missing figures stay
 * null; optional fields that are absent are left out rather than written as null.
 */
import { APPLICATION_ROW_KEYS, type AnnualReport } from '../../report/report.model.ts';

function defined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A copy of the report with keys in the order of report.model.ts. */
export function toOpenData(r: AnnualReport): AnnualReport {
  const p = r.proactive;
  const rows = r.applications.rows;
  return defined({
    schemaVersion: r.schemaVersion,
    body: defined({ code: r.body.code, name: r.body.name }),
    year: r.year,
    format: r.format,
    proactive: {
      rules: [...p.rules],
      normativeDocuments: [...p.normativeDocuments],
      licensing: p.licensing,
      punishment: p.punishment,
      enforcement: p.enforcement,
      feesAmountWanYuan: p.feesAmountWanYuan,
    },
    applications: {
      columns: [...r.applications.columns],
      rows: defined({
        ...Object.fromEntries(APPLICATION_ROW_KEYS.map((k) => [k, [...rows[k]]])),
        otherHandling: rows.otherHandling && [...rows.otherHandling],
      }) as AnnualReport['applications']['rows'],
    },
    reviewLitigation: {
      review: [...r.reviewLitigation.review],
      litigationDirect: [...r.reviewLitigation.litigationDirect],
      litigationAfterReview: [...r.reviewLitigation.litigationAfterReview],
    },
    narrative: r.narrative.map((s) => defined({ number: s.number, title: s.title, text: s.text, format: s.format })),
    fees: defined({ amountYuan: r.fees.amountYuan, text: r.fees.text }),
    publishedOn: r.publishedOn,
  }) as AnnualReport;
}

/** Pretty-printed JSON (2-space indent, trailing newline). */
export function renderReportJson(report: AnnualReport): string {
  return `${JSON.stringify(toOpenData(report), null, 2)}\n`;
}
