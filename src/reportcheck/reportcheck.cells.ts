/**
 * Value tokens of one table row → cells. Blank cells stay null (a blank is not a printed 0);
 * figures that run together are decoded with the row's sum rule (reportcheck.digits.ts).
 */
import type { Cell } from '../report/report.model.ts';
import type { ReportFinding } from '../report/report.validate.ts';
import { decodeRunTogether } from './reportcheck.digits.ts';

export interface CellContext {
  section: string;
  row: string;
  /** Printed label, for messages. */
  label: string;
  line: number;
  columns?: readonly string[];
}

export interface ReadCells {
  values: Cell[];
  /** Decodings of run-together figures; more than one means the caller must report them all. */
  candidates: number[][];
  findings: ReportFinding[];
}

export function readCells(
  tokens: string[],
  width: number,
  rule: (values: number[]) => boolean,
  at: CellContext,
): ReadCells {
  const nulls = (): Cell[] => new Array<Cell>(width).fill(null);
  const location = { section: at.section, row: at.row, line: at.line };
  if (tokens.length === width) {
    const findings: ReportFinding[] = [];
    const values = tokens.map((t, c): Cell => {
      if (/^\d+$/.test(t)) return Number(t);
      const column = at.columns?.[c] ?? `第${c + 1}栏`;
      findings.push({
        code: t === '' ? 'reportcheck.cell_blank' : 'reportcheck.cell_unreadable',
        severity: t === '' ? 'warning' : 'error',
        message:
          t === ''
            ? `“${at.label}”的“${column}”为空白，未当作 0 处理`
            : `“${at.label}”的“${column}”无法读成整数：“${t}”`,
        location: { ...location, column },
      });
      return null;
    });
    return { values, candidates: [], findings };
  }
  if (tokens.length < width && tokens.every((t) => /^\d+$/.test(t)) && tokens.join('').length >= width) {
    const candidates = decodeRunTogether(tokens, width, rule);
    if (candidates.length === 1) {
      return {
        values: candidates[0],
        candidates,
        findings: [
          {
            code: 'reportcheck.digits_decoded',
            severity: 'info',
            message: `“${at.label}”的数字连在一起（${tokens.join(' ')}），按合计关系唯一解读为 ${candidates[0].join('、')}`,
            location,
            details: { printed: tokens.join(' '), decoded: candidates[0] },
          },
        ],
      };
    }
    if (candidates.length === 0) {
      return {
        values: nulls(),
        candidates,
        findings: [
          {
            code: 'reportcheck.digits_undecodable',
            severity: 'error',
            message: `“${at.label}”的数字连在一起（${tokens.join(' ')}），没有任何拆分方式符合合计关系，未读取`,
            location,
            details: { printed: tokens.join(' ') },
          },
        ],
      };
    }
    return { values: nulls(), candidates, findings: [] };
  }
  return {
    values: nulls(),
    candidates: [],
    findings: [
      {
        code: 'reportcheck.row_unreadable',
        severity: 'error',
        message: `“${at.label}”应有 ${width} 个数字，实际读到 ${tokens.length} 个（${tokens.map((t) => t || '空').join(' ')}），未读取`,
        location,
        details: { tokens },
      },
    ],
  };
}

/** The finding for run-together figures with several decodings: every candidate, none chosen. */
export function ambiguityFinding(at: CellContext, candidates: number[][]): ReportFinding {
  return {
    code: 'reportcheck.digits_ambiguous',
    severity: 'warning',
    message: `“${at.label}”的数字连在一起，有 ${candidates.length} 种拆分都符合合计关系，未擅自选择：${candidates
      .map((c) => `[${c.join(',')}]`)
      .join('；')}`,
    location: { section: at.section, row: at.row, line: at.line },
    details: { candidates },
  };
}
