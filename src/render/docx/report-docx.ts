/**
 * The annual report as a Word document (.docx): A4 with the official-document margins
 * (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), the six sections in order.
 */
import { convertMillimetersToTwip, Document, Packer, Paragraph, type Table } from 'docx';
import type { AnnualReport } from '../../report/report.model.ts';
import { narrativeOf, reportTitle, reportTitleParts, sectionHeading, sectionSixParagraphs, SECTION_NUMBERS, type SectionNumber } from '../report-content.ts';
import { bodyParagraphs, headingParagraph, missingTextParagraph, titleParagraph } from './docx-parts.ts';
import { applicationsDocxTable, proactiveDocxTable, reviewDocxTable } from './tables.ts';
// Narrative stored as sanitized HTML goes to Word as its text, one paragraph per block.
import { htmlToText } from '../html/html-text.ts';


function narrativeParagraphs(report: AnnualReport, n: SectionNumber, required: boolean): Paragraph[] {
  const s = narrativeOf(report, n);
  if (!s || s.text.trim() === '') return required ? [missingTextParagraph()] : [];
  return bodyParagraphs(s.format === 'html' ? htmlToText(s.text) : s.text);
}

const TABLES: Partial<Record<SectionNumber, (r: AnnualReport) => Table>> = {
  二: proactiveDocxTable,
  三: applicationsDocxTable,
  四: reviewDocxTable,
};

function section(report: AnnualReport, n: SectionNumber): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headingParagraph(sectionHeading(n, report))];
  const table = TABLES[n];
  if (table) {
    out.push(...narrativeParagraphs(report, n, false), table(report), new Paragraph({}));
  } else if (n === '六' && narrativeOf(report, n)?.format !== 'html') {
    const texts = sectionSixParagraphs(report);
    out.push(...(texts.length ? bodyParagraphs(texts.join('\n')) : [missingTextParagraph()]));
  } else {
    out.push(...narrativeParagraphs(report, n, true));
  }
  return out;
}

export function buildReportDocument(report: AnnualReport): Document {
  const title = reportTitle(report);
  return new Document({
    title,
    creator: report.body.name,
    styles: { default: { document: { run: { font: '仿宋_GB2312', size: 32 } } } },
    sections: [
      {
        properties: {
          page: {
            // A4 is 11906 × 16838 twips (210 × 297 mm, rounded as Word writes it).
            size: { width: 11906, height: 16838 },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        children: [titleParagraph(reportTitleParts(report)), ...SECTION_NUMBERS.flatMap((n) => section(report, n))],
      },
    ],
  });
}

export function renderReportDocx(report: AnnualReport): Promise<Buffer> {
  return Packer.toBuffer(buildReportDocument(report));
}
