/**
 * Value tokens of one table row → cells. A blank cell (or a dash) of a delimited row reads as 0,
 * as the format requires a 0 there; the table reports its blank cells once (blankCellsFinding).
 * Figures that run together are decoded with the row's sum rule (reportcheck.digits.ts).
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
  /** Columns printed blank, read as 0. */
  blank: string[];
}

export interface BlankCell {
  /** Printed row label. */
  label: string;
  row: string;
  column: string;
  line: number;
}

/**
 * One finding for all blank cells of a table: the format asks for 0 in an empty cell, and a
 * report that leaves them blank does so throughout, so one finding per cell would bury the rest.
 */
export function blankCellsFinding(section: string, cells: BlankCell[]): ReportFinding[] {
  if (cells.length === 0) return [];
  const listed = cells.map((c) => `“${c.label}”的“${c.column}”`);
  return [
    {
      code: 'reportcheck.cells_blank',
      severity: 'warning',
      message: `空白单元格应填0：第${section}部分表格有 ${cells.length} 个单元格空白，已按 0 读取（${listed.slice(0, 20).join('、')}${cells.length > 20 ? ` 等` : ''}）`,
      location: { section, line: cells[0].line },
      details: { cells: cells.map((c) => ({ row: c.row, column: c.column, line: c.line })) },
    },
  ];
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
    const blank: string[] = [];
    const values = tokens.map((t, c): Cell => {
      if (/^\d+$/.test(t)) return Number(t);
      const column = at.columns?.[c] ?? `第${c + 1}栏`;
      if (t === '') {
        blank.push(column);
        return 0;
      }
      findings.push({
        code: 'reportcheck.cell_unreadable',
        severity: 'error',
        message: `“${at.label}”的“${column}”无法读成整数：“${t}”`,
        location: { ...location, column },
      });
      return null;
    });
    return { values, candidates: [], findings, blank };
  }
  if (tokens.length < width && tokens.every((t) => /^\d+$/.test(t)) && tokens.join('').length >= width) {
    const candidates = decodeRunTogether(tokens, width, rule);
    if (candidates.length === 1) {
      return {
        values: candidates[0],
        candidates,
        blank: [],
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
        blank: [],
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
    return { values: nulls(), candidates, findings: [], blank: [] };
  }
  return {
    values: nulls(),
    candidates: [],
    blank: [],
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
