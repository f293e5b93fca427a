/**
 * Building blocks of the Word report, in the typography of official documents (GB/T 9704):
 * title 方正小标宋简体 二号 (22pt) centred; body 仿宋_GB2312 三号 (16pt) with a two-character
 * first-line indent and 28pt exact line spacing; first-level heads 黑体 三号; second-level
 * (run-in) heads 楷体_GB2312 三号; tables 宋体 10.5pt (五号). Sizes in docx are half-points.
 */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  ShadingType,
  TableCell,
  TextDirection,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Cell } from '../../report/report.model.ts';
import { MISSING_LABEL, paragraphsOf } from '../report-content.ts';

const latin = 'Times New Roman';
const font = (eastAsia: string) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });

export const DOCX_FONTS = {
  title: font('方正小标宋简体'),
  body: font('仿宋_GB2312'),
  heading1: font('黑体'),
  heading2: font('楷体_GB2312'),
  table: font('宋体'),
} as const;

/** Half-points: 二号 22pt, 三号 16pt, 五号 10.5pt, 小五 9pt. */
export const DOCX_SIZES = { title: 44, body: 32, table: 21, tableSmall: 18, note: 15 } as const;

const bodySpacing = { line: 560, lineRule: LineRuleType.EXACT } as const;

/** The title, broken after the body and year when the whole does not fit one 22pt line (20 characters). */
export function titleParagraph(parts: readonly string[]): Paragraph {
  const oneLine = parts.join('').length <= 20;
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 560 },
    children: parts.map(
      (text, i) => new TextRun({ text, break: i > 0 && !oneLine ? 1 : undefined, font: DOCX_FONTS.title, size: DOCX_SIZES.title }),
    ),
  });
}

export function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: bodySpacing,
    keepNext: true,
    children: [new TextRun({ text, font: DOCX_FONTS.heading1, size: DOCX_SIZES.body })],
  });
}

/** Body paragraphs of a text; a run-in head "（一）主动公开情况。" is set in 楷体. */
export function bodyParagraphs(text: string): Paragraph[] {
  return paragraphsOf(text).map(
    (p) =>
      new Paragraph({
        indent: { firstLine: 640 },
        spacing: bodySpacing,
        alignment: AlignmentType.JUSTIFIED,
        children: [
          ...(p.lead ? [new TextRun({ text: p.lead, font: DOCX_FONTS.heading2, size: DOCX_SIZES.body })] : []),
          new TextRun({ text: p.text, font: DOCX_FONTS.body, size: DOCX_SIZES.body }),
        ],
      }),
  );
}

export function missingTextParagraph(): Paragraph {
  return new Paragraph({
    indent: { firstLine: 640 },
    spacing: bodySpacing,
    children: [new TextRun({ text: `本部分${MISSING_LABEL}。`, font: DOCX_FONTS.body, size: DOCX_SIZES.body, italics: true, color: '8A5A00' })],
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const TABLE_BORDERS = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

export interface CellOptions {
  rowSpan?: number;
  columnSpan?: number;
  bold?: boolean;
  align?: 'left' | 'center';
  vertical?: boolean;
  size?: number;
}

export function textCell(text: string, o: CellOptions = {}): TableCell {
  return new TableCell({
    rowSpan: o.rowSpan,
    columnSpan: o.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    textDirection: o.vertical ? TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT : undefined,
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: o.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        // "\n" in a label is a chosen line break (商业\n企业), so narrow columns never split a word.
        children: text.split('\n').map(
          (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, bold: o.bold, font: DOCX_FONTS.table, size: o.size ?? DOCX_SIZES.table }),
        ),
      }),
    ],
  });
}

/** A header of four or more characters broken into pairs: 社会公益组织 → 社会 / 公益 / 组织. */
export function paired(label: string): string {
  const chars = [...label];
  if (chars.length < 4) return label;
  const pairs: string[] = [];
  for (let i = 0; i < chars.length; i += 2) pairs.push(chars.slice(i, i + 2).join(''));
  return pairs.join('\n');
}

/** A group label breaks after its number: （三）/ 不予公开. */
export function groupLabel(label: string): string {
  return label.replace(/^(（[一二三四五六七八九十]+）)/, '$1\n');
}

/** A figure; a missing one (null) is an empty-looking shaded cell saying 未填报 in small type, never 0. */
export function figureCell(value: Cell | string, o: CellOptions = {}): TableCell {
  if (value !== null && value !== undefined) return textCell(String(value), o);
  return new TableCell({
    columnSpan: o.columnSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F6EBD2' },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: MISSING_LABEL, font: DOCX_FONTS.table, size: DOCX_SIZES.note, color: '8A5A00' })],
      }),
    ],
  });
}

/** Column widths in twips for a table filling the 156 mm type area (210 − 28 − 26 mm = 8844 twips). */
export const TYPE_AREA_TWIPS = 8844;
export function tableWidth() {
  return { size: TYPE_AREA_TWIPS, type: WidthType.DXA };
}
