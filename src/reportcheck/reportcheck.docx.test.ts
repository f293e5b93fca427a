/**
 * A Word report built here with the `docx` package (merged cells included), written to disk,
 * and read back through mammoth like an uploaded file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType } from 'docx';
import { APPLICATION_ROWS } from '../report/report.model.ts';
import { toLines } from './reportcheck.input.ts';
import { readLines } from './reportcheck.read.ts';
import { checkReport } from './reportcheck.checks.ts';

const cell = (text: string | number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children: [new Paragraph(String(text))], ...extra });

/** 6 applications from 自然人: 4 disclosed, 1 unable1, 1 otherHandling3 (withdrawn), none carried. */
const FIGURES: Record<string, number[]> = {
  newReceived: [6, 0, 0, 0, 0, 0, 6],
  disclosed: [4, 0, 0, 0, 0, 0, 4],
  unable1: [1, 0, 0, 0, 0, 0, 1],
  otherHandling3: [1, 0, 0, 0, 0, 0, 1],
  total: [6, 0, 0, 0, 0, 0, 6],
};

function table3(): Table {
  const rows: TableRow[] = [
    new TableRow({ children: [cell('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { columnSpan: 3 }), cell('申请人情况', { columnSpan: 7 })] }),
  ];
  let previousGroup = '';
  for (const row of APPLICATION_ROWS) {
    const figures = (FIGURES[row.key] ?? [0, 0, 0, 0, 0, 0, 0]).map((n) => cell(n));
    if ('group' in row) {
      // The group label is one cell merged down its rows (Word's vertical merge).
      const first = row.group !== previousGroup;
      previousGroup = row.group;
      rows.push(
        new TableRow({
          children: [
            cell(first ? row.group : '', { verticalMerge: first ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }),
            cell(row.label, { columnSpan: 2 }),
            ...figures,
          ],
        }),
      );
    } else {
      rows.push(new TableRow({ children: [cell(row.label, { columnSpan: 3 }), ...figures] }));
    }
  }
  return new Table({ rows });
}

async function buildDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph('某市生态环境局2024年政府信息公开工作年度报告'),
          new Paragraph('一、总体情况'),
          new Paragraph('2024年，本局共收到政府信息公开申请6件，全部按期办结。'),
          new Paragraph('二、主动公开政府信息情况'),
          new Table({
            rows: [
              new TableRow({ children: [cell('信息内容'), cell('本年制发件数'), cell('本年废止件数'), cell('现行有效件数')] }),
              new TableRow({ children: [cell('规章'), cell(0), cell(0), cell(0)] }),
              new TableRow({ children: [cell('规范性文件'), cell(1), cell(0), cell(4)] }),
              new TableRow({ children: [cell('行政许可'), cell(320, { columnSpan: 3 })] }),
              new TableRow({ children: [cell('行政处罚'), cell(41, { columnSpan: 3 })] }),
              new TableRow({ children: [cell('行政强制'), cell(2, { columnSpan: 3 })] }),
              new TableRow({ children: [cell('行政事业性收费'), cell('0', { columnSpan: 3 })] }),
            ],
          }),
          new Paragraph('三、收到和处理政府信息公开申请情况'),
          table3(),
          new Paragraph('四、政府信息公开行政复议、行政诉讼情况'),
          new Table({
            rows: [
              new TableRow({ children: [cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })] }),
              new TableRow({ children: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0].map((n) => cell(n)) }),
            ],
          }),
          new Paragraph('五、存在的主要问题及改进情况'),
          new Paragraph('信息公开的及时性仍需加强。'),
          new Paragraph('六、其他需要报告的事项'),
          new Paragraph('本年度未收取信息处理费。'),
          new Paragraph('2025年1月20日'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('Word (.docx) reports', () => {
  it('reads a report written with docx and read back with mammoth', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportcheck-'));
    try {
      const path = join(dir, 'report.docx');
      writeFileSync(path, await buildDocx());
      const { kind, lines } = await toLines('report.docx', readFileSync(path));
      assert.equal(kind, 'docx');
      const r = checkReport(readLines(lines, { source: 'report.docx' }));
      assert.equal(r.body.name, '某市生态环境局');
      assert.equal(r.year, 2024);
      assert.equal(r.publishedOn, '2025-01-20');
      assert.deepEqual(r.proactive.normativeDocuments, [1, 0, 4]);
      assert.equal(r.proactive.licensing, 320);
      assert.equal(r.proactive.feesAmountWanYuan, '0');
      for (const row of APPLICATION_ROWS) {
        assert.deepEqual(r.applications.rows[row.key], FIGURES[row.key] ?? [0, 0, 0, 0, 0, 0, 0], row.key);
      }
      assert.deepEqual(r.reviewLitigation.review, [0, 0, 0, 0, 0]);
      // Renamed row (规范性文件 for 行政规范性文件) is reported; nothing else is wrong.
      assert.ok(r.findings.some((f) => f.code === 'reportcheck.row_renamed'));
      assert.deepEqual(r.findings.filter((f) => f.severity !== 'info').map((f) => f.code), []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
