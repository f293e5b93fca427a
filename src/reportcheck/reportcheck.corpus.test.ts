/**
 * The corpus of real published annual reports (corpus/, sources in corpus/README.md): every
 * report is read through the same entry point as `gongkai check-report --json FILE` and compared
 * with the values copied by hand from the published report: every cell of sections 三 and 四,
 * year, body and level, and the errors the published report really has (expected.json
 * `trueErrors`). Targets of the accuracy work: ≥ 99.5% of cells exact over the corpus, year, body
 * and level right on every report, no false error and no true error missed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { APPLICATION_ROW_KEYS } from '../report/report.model.ts';
import { readReportFile, type CheckedReport } from './reportcheck.file.ts';

const DIR = new URL('./corpus/', import.meta.url);
const FORMATS = ['html', 'text', 'pdf', 'scan'] as const;
type Format = (typeof FORMATS)[number];
const LEVELS = ['government', 'zone', 'department', 'township'];
/** The section 三 keys a report can print: the 25 rows, and （六） as one row in the 2019 layout. */
const ROW_KEYS: readonly string[] = [...APPLICATION_ROW_KEYS, 'otherHandling'];
const REVIEW_KEYS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;

export interface Expected {
  source: string;
  format: Format;
  province: string;
  level: string;
  body: string;
  year: number;
  /** Section 三 by row key, 7 cells each (blank printed cells as 0; null only for a row the report does not print). */
  applications: Record<string, (number | null)[]>;
  /** Section 四: 行政复议 5, 未经复议直接起诉 5, 复议后起诉 5. */
  reviewLitigation: number[];
  /** Section 二 when hand-checked too (optional): 规章 and 行政规范性文件 3 cells each, then 许可, 处罚, 强制, 收费 (万元, as printed). */
  proactive?: Proactive;
  trueErrors: string[];
  note?: string;
}

interface Proactive {
  rules: number[];
  normativeDocuments: number[];
  licensing: number;
  punishment: number;
  enforcement: number;
  feesAmountWanYuan: string;
}

interface Entry {
  id: string;
  file: string;
  expected: Expected;
}

/** Every `<id>.expected.json` with its report file `<id>.<ext>`. */
function corpus(): Entry[] {
  const names = readdirSync(DIR).sort();
  return names
    .filter((n) => n.endsWith('.expected.json'))
    .map((json) => {
      const id = json.slice(0, -'.expected.json'.length);
      const files = names.filter((n) => n.startsWith(`${id}.`) && n !== json && !n.endsWith('.json'));
      assert.equal(files.length, 1, `${id}: exactly one report file beside ${json}, found ${files.join(', ') || 'none'}`);
      return { id, file: files[0], expected: JSON.parse(readFileSync(new URL(json, DIR), 'utf8')) as Expected };
    });
}

/** The well-formedness of a hand-written expected.json, so that a typo cannot pass as a match. */
function assertWellFormed(id: string, e: Expected) {
  assert.ok(FORMATS.includes(e.format), `${id}: format ${e.format}`);
  assert.ok(LEVELS.includes(e.level), `${id}: level ${e.level}`);
  assert.ok(e.source && e.province && e.body, `${id}: source, province and body`);
  assert.ok(Number.isInteger(e.year) && e.year >= 2019 && e.year <= 2025, `${id}: year ${e.year}`);
  for (const [key, cells] of Object.entries(e.applications)) {
    assert.ok(ROW_KEYS.includes(key), `${id}: unknown row ${key}`);
    assert.equal(cells.length, 7, `${id}: ${key} has 7 cells`);
  }
  for (const key of APPLICATION_ROW_KEYS) {
    if (e.applications.otherHandling && key.startsWith('otherHandling')) continue;
    assert.ok(key in e.applications, `${id}: row ${key} missing from expected.json`);
  }
  assert.equal(e.reviewLitigation.length, 15, `${id}: section 四 has 15 cells`);
  if (e.proactive) assert.deepEqual(Object.keys(e.proactive).sort(), PROACTIVE_KEYS.slice().sort(), `${id}: section 二 fields`);
}

const PROACTIVE_KEYS = ['rules', 'normativeDocuments', 'licensing', 'punishment', 'enforcement', 'feesAmountWanYuan'] as const;

/** Section 二's cells that differ from the hand-checked ones (none when the report's are not given). */
export function compareProactive(report: CheckedReport, e: Expected): { cells: number; wrong: string[] } {
  if (!e.proactive) return { cells: 0, wrong: [] };
  const wrong: string[] = [];
  let cells = 0;
  for (const key of PROACTIVE_KEYS) {
    const want = [e.proactive[key]].flat();
    const got = [report.proactive[key]].flat();
    want.forEach((v, i) => {
      cells++;
      if (got[i] !== v) wrong.push(`二.${key}[${i}] ${got[i]}≠${v}`);
    });
  }
  return { cells, wrong };
}

interface Score {
  reports: number;
  cells: number;
  exact: number;
  falseErrors: number;
  missedErrors: number;
  yearBody: number;
  /** Section 二's cells, where hand-checked: judged on every report, apart from 三 and 四's figures. */
  proactive: number;
  proactiveExact: number;
}
const scores = new Map<Format, Score>();
const wrongCells: string[] = [];

/** The cells that differ, as `row[column] read≠expected`. */
export function compareCells(report: CheckedReport, e: Expected): { cells: number; wrong: string[] } {
  const rows = report.applications.rows as Record<string, (number | null)[] | undefined>;
  const wrong: string[] = [];
  let cells = 0;
  const keys = e.applications.otherHandling ? ROW_KEYS.filter((k) => !/^otherHandling\d$/.test(k)) : APPLICATION_ROW_KEYS;
  for (const key of keys) {
    const want = e.applications[key];
    const got = rows[key] ?? [null, null, null, null, null, null, null];
    want.forEach((v, i) => {
      cells++;
      if (got[i] !== v) wrong.push(`${key}[${i}] ${got[i]}≠${v}`);
    });
  }
  const review = REVIEW_KEYS.flatMap((k) => report.reviewLitigation[k]);
  e.reviewLitigation.forEach((v, i) => {
    cells++;
    if (review[i] !== v) wrong.push(`${REVIEW_KEYS[Math.floor(i / 5)]}[${i % 5}] ${review[i]}≠${v}`);
  });
  return { cells, wrong };
}

describe('corpus of real published reports', () => {
  const entries = corpus();

  it('holds reports with well-formed hand-checked values', () => {
    assert.ok(entries.length >= 2, `${entries.length} reports`);
    for (const { id, expected } of entries) assertWellFormed(id, expected);
  });

  for (const { id, file, expected: e } of entries) {
    it(`${id} (${e.format}, ${e.province}, ${e.level})`, { timeout: 300_000 }, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(file, DIR)));
      const report = await readReportFile({ name: file, bytes });
      const { cells, wrong } = compareCells(report, e);
      const section2 = compareProactive(report, e);
      const errors = [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.code))];
      const falseErrors = errors.filter((c) => !e.trueErrors.includes(c));
      const missed = e.trueErrors.filter((c) => !errors.includes(c));
      const yearBodyRight = report.year === e.year && report.body.name === e.body;
      const s = scores.get(e.format) ?? { reports: 0, cells: 0, exact: 0, falseErrors: 0, missedErrors: 0, yearBody: 0, proactive: 0, proactiveExact: 0 };
      scores.set(e.format, {
        reports: s.reports + 1,
        cells: s.cells + cells,
        exact: s.exact + cells - wrong.length,
        falseErrors: s.falseErrors + falseErrors.length,
        missedErrors: s.missedErrors + missed.length,
        yearBody: s.yearBody + (yearBodyRight ? 1 : 0),
        proactive: s.proactive + section2.cells,
        proactiveExact: s.proactiveExact + section2.cells - section2.wrong.length,
      });
      wrongCells.push(...wrong.map((w) => `${id}: ${w}`));
      // Cells are judged over the whole corpus (below); everything else on every report.
      assert.deepEqual({ year: report.year, body: report.body.name, level: report.level.kind }, { year: e.year, body: e.body, level: e.level });
      assert.deepEqual(falseErrors, [], `${id}: false errors ${JSON.stringify(report.findings.filter((f) => falseErrors.includes(f.code)))}`);
      assert.deepEqual(missed, [], `${id}: true errors not found`);
      assert.deepEqual(section2.wrong, [], `${id}: section 二 cells read wrong`);
    });
  }

  it('meets the targets: ≥ 99.5% of cells exact over the corpus', () => {
    const total: Score = { reports: 0, cells: 0, exact: 0, falseErrors: 0, missedErrors: 0, yearBody: 0, proactive: 0, proactiveExact: 0 };
    const lines = ['format  reports  cells exact / cells        false errors  missed errors  year+body right  二 cells exact'];
    for (const [format, s] of [...scores].sort()) {
      for (const k of Object.keys(total) as (keyof Score)[]) total[k] += s[k];
      lines.push(line(format, s));
    }
    lines.push(line('all', total));
    const tally = (key: 'province' | 'level') =>
      Object.entries(entries.reduce<Record<string, number>>((n, e) => ({ ...n, [e.expected[key]]: (n[e.expected[key]] ?? 0) + 1 }), {}))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    lines.push(`by province: ${tally('province')}`, `by level: ${tally('level')}`);
    if (wrongCells.length) lines.push('cells read wrong:', ...wrongCells.map((w) => `  ${w}`));
    console.log(`\ncorpus accuracy\n${lines.join('\n')}\n`);
    // A filtered run (--test-name-pattern) reads only some reports and judges nothing.
    if (total.reports < entries.length) return;
    assert.ok(total.exact / total.cells >= 0.995, `${total.exact}/${total.cells} cells exact, below 99.5%`);
  });
});

function line(format: string, s: Score): string {
  const pct = s.cells ? ((100 * s.exact) / s.cells).toFixed(2) : '-';
  return `${format.padEnd(8)}${String(s.reports).padStart(7)}  ${`${s.exact}/${s.cells} (${pct}%)`.padEnd(26)}${String(s.falseErrors).padStart(12)}${String(s.missedErrors).padStart(15)}${`${s.yearBody}/${s.reports}`.padStart(17)}${`${s.proactiveExact}/${s.proactive}`.padStart(16)}`;
}
