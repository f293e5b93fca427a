/**
 * Rows of section 三 whose run-together figures have several decodings under the row rule are
 * narrowed with the column rules (regulations.md A.4 rules 1 and 2). Only when exactly one
 * combination of candidates satisfies every column is it taken, and a finding says so; otherwise
 * the rows stay null and every candidate is reported.
 */
import { APPLICATION_ROWS, type ApplicantRow, type ApplicationRowKey } from '../report/report.model.ts';
import type { ReportFinding } from '../report/report.validate.ts';
import { boundedProduct } from './reportcheck.digits.ts';
import { ambiguityFinding } from './reportcheck.cells.ts';

type RowKey = ApplicationRowKey | 'otherHandling';

const OUTCOMES = APPLICATION_ROWS.map((r) => r.key).filter(
  (k) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(k),
) as ApplicationRowKey[];

function labelFor(key: RowKey): string {
  return key === 'otherHandling' ? '（六）其他处理' : APPLICATION_ROWS.find((r) => r.key === key)!.label;
}

/** True when no column rule that can be evaluated is broken. */
export function columnRulesHold(rows: Map<RowKey, ApplicantRow>): boolean {
  const cell = (k: RowKey, c: number) => rows.get(k)?.[c] ?? null;
  const single = rows.has('otherHandling');
  const outcomeKeys: RowKey[] = single
    ? [...OUTCOMES.filter((k) => !k.startsWith('otherHandling')), 'otherHandling']
    : OUTCOMES;
  for (let c = 0; c < 7; c++) {
    const outcomes = outcomeKeys.map((k) => cell(k, c));
    const total = cell('total', c);
    if (total !== null && outcomes.every((v) => v !== null)) {
      if (outcomes.reduce((a, b) => a! + b!, 0) !== total) return false;
    }
    const parts = [cell('newReceived', c), cell('carriedOver', c), total, cell('carriedForward', c)];
    if (parts.every((v) => v !== null)) {
      const [n, o, t, f] = parts as number[];
      if (n + o !== t + f) return false;
    }
  }
  return true;
}

export function resolveByColumnRules(
  rows: Map<RowKey, ApplicantRow>,
  ambiguous: Map<RowKey, number[][]>,
  findings: ReportFinding[],
  lineOf: (key: RowKey) => number = () => 0,
): void {
  if (ambiguous.size === 0) return;
  const keys = [...ambiguous.keys()];
  const combos = boundedProduct(keys.map((k) => ambiguous.get(k)!));
  const passing: number[][][] = [];
  if (combos) {
    for (const combo of combos) {
      const trial = new Map(rows);
      keys.forEach((k, i) => trial.set(k, combo[i]));
      if (columnRulesHold(trial)) passing.push(combo);
      if (passing.length > 1) break;
    }
  }
  if (passing.length === 1) {
    keys.forEach((k, i) => {
      rows.set(k, passing[0][i]);
      findings.push({
        code: 'reportcheck.digits_resolved',
        severity: 'info',
        message: `“${labelFor(k)}”的数字连在一起，行合计有 ${ambiguous.get(k)!.length} 种解读，结合列合计关系唯一确定为 ${passing[0][i].join('、')}`,
        location: { section: '三', row: k, line: lineOf(k) },
        details: { candidates: ambiguous.get(k), chosen: passing[0][i] },
      });
    });
    return;
  }
  for (const k of keys) {
    findings.push(ambiguityFinding({ section: '三', row: k, label: labelFor(k), line: lineOf(k) }, ambiguous.get(k)!));
  }
}
